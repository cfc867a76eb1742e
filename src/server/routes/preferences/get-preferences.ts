// GET /p/<token>: the preference centre (MSG-04): the contact's lists and their state, no login.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { TokenParamsSchema } from '../confirm/params.ts';
import { sendErrorPage, sendPage } from '../forms-public/shell.ts';
import { PAGE_STRINGS } from '../forms-public/strings.ts';
import { preferencesPage } from './page.ts';

export function getPreferences(app: FastifyInstance, deps: AppDeps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/p/:token', { schema: { hide: true, params: TokenParamsSchema } }, async (request, reply) => {
      try {
        const view = await deps.services.unsubscribe.preferences(request.params.token);
        return sendPage(
          reply,
          200,
          preferencesPage(request.params.token, view, false, await deps.services.accounts.senderFacts(view.accountId)),
        );
      } catch (err) {
        return sendErrorPage(reply, 'en', PAGE_STRINGS.en.linkProblemTitle, err);
      }
    });
}
