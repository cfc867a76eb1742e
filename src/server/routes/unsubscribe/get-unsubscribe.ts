// GET /u/<token>: a page with an Unsubscribe button. It NEVER unsubscribes by itself (MSG-02):
// link scanners and prefetchers send GETs; only the POST (the button, or RFC 8058 one-click) acts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { html } from '../../public/html.ts';
import { TokenParamsSchema } from '../confirm/params.ts';
import { page, sendErrorPage, sendPage } from '../forms-public/shell.ts';
import { PAGE_STRINGS, pageLanguage } from '../forms-public/strings.ts';

export function getUnsubscribe(app: FastifyInstance, deps: AppDeps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/u/:token', { schema: { hide: true, params: TokenParamsSchema } }, async (request, reply) => {
      const { token } = request.params;
      let view;
      try {
        view = await deps.services.unsubscribe.describe(token);
      } catch (err) {
        return sendErrorPage(reply, 'en', PAGE_STRINGS.en.linkProblemTitle, err);
      }
      const lang = pageLanguage(view.language);
      const t = PAGE_STRINGS[lang];
      const prefs = html`<p><a href="/p/${view.preferencesToken}">${t.managePreferences}</a></p>`;
      if (view.done)
        return sendPage(
          reply,
          200,
          page(
            lang,
            t.unsubscribedTitle,
            html`<h1>${t.unsubscribedTitle}</h1>
              <p>${t.unsubscribed(view.listName)}</p>
              ${prefs}`,
          ),
        );
      const body = html`<h1>${t.unsubscribeTitle}</h1>
        <p>${t.unsubscribeLead(view.address, view.listName)}</p>
        <form method="post" action="/u/${token}">
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <input type="hidden" name="via" value="page" />
          <button type="submit">${t.unsubscribeButton}</button>
        </form>
        ${prefs}`;
      return sendPage(reply, 200, page(lang, t.unsubscribeTitle, body));
    });
}
