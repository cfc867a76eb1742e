// The language switch: the visitor explicitly picks a language, so remembering it in the `lang`
// cookie is a strictly necessary preference (CK-01 allows it; policy/cookies.ts documents it).
// It is never set without this click.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LANGUAGE_COOKIE_DAYS, LANGUAGE_COOKIE_NAME } from '../../../../policy/cookies.ts';
import type { AppDeps } from '../../deps.ts';
import { LANGUAGES } from '../../public/language.ts';

export const MAX_NEXT_PATH_LENGTH = 512;

const PLACEHOLDER_ORIGIN = 'http://same-site.invalid';
/** C0 controls, DEL and C1 controls: never part of a link a page of ours would carry. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Only a path on this site: no scheme, no host, no protocol-relative '//' or '/\' (open
 * redirect), no control character. Anything else goes home. The answer is re-serialised by the
 * URL parser, so it is plain ASCII (percent-encoded) and always a valid Location header value.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || CONTROL.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

export function setLanguage(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/lang/:lang',
    {
      schema: {
        hide: true,
        params: z.object({ lang: z.enum(LANGUAGES as [string, ...string[]]) }),
        querystring: z.object({ next: z.string().max(MAX_NEXT_PATH_LENGTH).optional() }),
      },
    },
    async (request, reply) => {
      void reply.setCookie(LANGUAGE_COOKIE_NAME, request.params.lang, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: deps.config.cookieSecure,
        maxAge: LANGUAGE_COOKIE_DAYS * 86_400,
      });
      // The explicit choice replaces any ?lang= the previous page carried.
      const next = safeNextPath(request.query.next);
      return reply.redirect(next, 303);
    },
  );
}
