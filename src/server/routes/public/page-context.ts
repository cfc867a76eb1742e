// The language and context of a public page request (I18N-01).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resolveLanguage, isLanguage } from '../../public/language.ts';
import { pageContext, type PageContext } from '../../public/layout.ts';

/** Page queries are lenient (unknown parameters such as utm_* are ignored), but bounded. */
export const PageQuerySchema = z.object({
  lang: z.string().max(10).optional(),
  saved: z.string().max(10).optional(),
});

export function requestPageContext(request: FastifyRequest, query: { lang?: string }): PageContext {
  const lang = resolveLanguage({
    query: query.lang,
    cookies: request.cookies,
    acceptLanguage: request.headers['accept-language'],
  });
  const path = request.url.split('?')[0] ?? '/';
  return pageContext(lang, path, isLanguage(query.lang));
}

export const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * Sends a rendered page. Referrer-Policy same-origin (instead of helmet's no-referrer): our own
 * form posts then carry a real Origin for the same-origin check, and other sites still get nothing.
 */
export function sendPage(reply: FastifyReply, page: string): FastifyReply {
  return reply.type(HTML_TYPE).header('referrer-policy', 'same-origin').send(page);
}
