// POST /u/<token>: RFC 8058 one-click unsubscribe, as a mailbox provider sends it:
//   POST /u/<token>  Content-Type: application/x-www-form-urlencoded (or multipart/form-data)
//   List-Unsubscribe=One-Click
// RFC 8058: the one-click POST must work without a session or CSRF token; the signed token in the
// URL is the only credential (SEC-02). Do not add auth middleware here. It answers 200 itself —
// never a redirect (RFC 8058 §3.2) — and sets no cookie. The page's button sends the same body.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../../core/errors.ts';
import { clientIp, userAgent } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { TokenParamsSchema } from '../confirm/params.ts';
import { messagePage, sendErrorPage, sendPage } from '../forms-public/shell.ts';
import { PAGE_STRINGS, pageLanguage } from '../forms-public/strings.ts';

/** Largest one-click body we read (it is 26 bytes; multipart adds a boundary). */
export const MAX_ONE_CLICK_BODY_BYTES = 4 * 1024;

const OneClickBody = z.union([
  z.record(z.string().max(100), z.union([z.string().max(200), z.array(z.string().max(200)).max(5)])),
  z.string().max(MAX_ONE_CLICK_BODY_BYTES),
]);

/** True when the body carries List-Unsubscribe=One-Click (urlencoded object, or raw multipart text). */
export function isOneClickBody(body: unknown): boolean {
  if (typeof body === 'string') return /name="List-Unsubscribe"\r?\n\r?\nOne-Click\r?\n/.test(body);
  if (body && typeof body === 'object') {
    const v = (body as Record<string, unknown>)['List-Unsubscribe'];
    return v === 'One-Click' || (Array.isArray(v) && v.includes('One-Click'));
  }
  return false;
}

export function postUnsubscribe(app: FastifyInstance, deps: AppDeps): void {
  // RFC 8058 §3.1 allows multipart/form-data too: read it as bounded text, in this scope only.
  if (!app.hasContentTypeParser('multipart/form-data')) {
    app.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: MAX_ONE_CLICK_BODY_BYTES },
      (_req, body, done) => done(null, body),
    );
  }
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/u/:token',
      { config: { csrf: false }, schema: { hide: true, params: TokenParamsSchema, body: OneClickBody.nullish() } },
      async (request, reply) => {
        const fromPage =
          typeof request.body === 'object' && request.body !== null && (request.body as Record<string, unknown>).via === 'page';
        let view;
        try {
          if (!isOneClickBody(request.body))
            throw invalid(
              'ONE_CLICK_BODY_MISSING',
              'An unsubscribe POST carries the body List-Unsubscribe=One-Click (RFC 8058).',
            );
          view = await deps.services.unsubscribe.unsubscribe(request.params.token, {
            ip: clientIp(request),
            userAgent: userAgent(request),
            textShown: fromPage ? 'Unsubscribe page: button "Unsubscribe"' : '',
            via: fromPage ? 'page' : 'one-click',
          });
        } catch (err) {
          return sendErrorPage(reply, 'en', PAGE_STRINGS.en.linkProblemTitle, err);
        }
        const lang = pageLanguage(view.language);
        const t = PAGE_STRINGS[lang];
        return sendPage(reply, 200, messagePage(lang, t.unsubscribedTitle, t.unsubscribed(view.listName)));
      },
    );
}
