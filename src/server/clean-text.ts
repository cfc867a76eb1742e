// The one boundary check for SEC-06: every string that enters through HTTP — JSON and urlencoded
// bodies, the query string, route params and the platform's own cookies — is well-formed Unicode
// with no NUL, else 400 INVALID_TEXT naming the field. Multipart text fields are parsed by their
// route (src/server/routes/imports/multipart-fields.ts), which runs the same check.
// Header values need no check: Node's HTTP parser refuses NUL in them and decodes them as Latin-1,
// which cannot produce a lone surrogate; cookie values can (the cookie parser percent-decodes).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertCleanText } from '../core/text.ts';

/** Cookies the platform sets and reads; other cookies on the host are not our data. */
const OUR_COOKIE_PREFIX = 'assent_';

function ourCookies(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.cookies ?? {})) {
    if (name.startsWith(OUR_COOKIE_PREFIX)) out[name] = value;
  }
  return out;
}

/** Call on the root app before auth and the routes (src/server/app.ts). */
export function installTextCheck(app: FastifyInstance): void {
  // onRequest: cookies are read by the auth hook that follows; the path's params are known too.
  app.addHook('onRequest', async (request) => {
    assertCleanText(ourCookies(request), 'cookie');
    assertCleanText(request.params, 'params');
    assertCleanText(request.query, 'query');
  });
  // preValidation: the body is parsed, no handler or schema has seen it yet.
  app.addHook('preValidation', async (request) => {
    assertCleanText(request.body, 'body');
  });
}
