// POST /confirm/<token>: the single use of the confirmation token. Records a 'confirmed' event
// with time, IP and user agent (CON-06, CON-07); a second POST records nothing.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { requestContext } from '../forms-public/http.ts';
import { messagePage, sendErrorPage, sendPage } from '../forms-public/shell.ts';
import { PAGE_STRINGS, pageLanguage } from '../forms-public/strings.ts';
import { TokenParamsSchema } from './params.ts';

export function postConfirm(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/confirm/:token',
    {
      // The signed token in the URL is the credential (SEC-02); no session, so no CSRF token.
      config: { csrf: false },
      schema: { hide: true, params: TokenParamsSchema, body: z.record(z.string().max(100), z.string().max(1000)).nullish() },
    },
    async (request, reply) => {
      let view;
      try {
        view = await deps.services.forms.confirm(request.params.token, requestContext(request));
      } catch (err) {
        return sendErrorPage(reply, 'en', PAGE_STRINGS.en.linkProblemTitle, err);
      }
      const t = PAGE_STRINGS[pageLanguage(view.language)];
      return sendPage(
        reply,
        200,
        messagePage(pageLanguage(view.language), t.confirmedTitle, view.already ? t.alreadyConfirmed : t.confirmed),
      );
    },
  );
}
