// GET /confirm/<token>: shows what is being confirmed and a Confirm button. It changes NOTHING:
// mail scanners and link previewers follow links (CON-06); only the POST confirms.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { html } from '../../public/html.ts';
import { page, sendErrorPage, sendPage } from '../forms-public/shell.ts';
import { PAGE_STRINGS, pageLanguage } from '../forms-public/strings.ts';
import { TokenParamsSchema } from './params.ts';

export function getConfirm(app: FastifyInstance, deps: AppDeps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/confirm/:token', { schema: { hide: true, params: TokenParamsSchema } }, async (request, reply) => {
      const { token } = request.params;
      let view;
      try {
        view = await deps.services.forms.inspectConfirmation(token);
      } catch (err) {
        return sendErrorPage(reply, 'en', PAGE_STRINGS.en.linkProblemTitle, err);
      }
      const lang = pageLanguage(view.language);
      const t = PAGE_STRINGS[lang];
      if (view.status === 'confirmed')
        return sendPage(
          reply,
          200,
          page(
            lang,
            t.confirmedTitle,
            html`<h1>${t.confirmedTitle}</h1>
              <p>${t.alreadyConfirmed}</p>`,
          ),
        );
      const body = html`<h1>${t.confirmTitle}</h1>
        <p>${t.confirmLead(view.senderName, view.listNames.join(', '))}</p>
        <form method="post" action="/confirm/${token}"><button type="submit">${t.confirmButton}</button></form>`;
      return sendPage(reply, 200, page(lang, t.confirmTitle, body));
    });
}
