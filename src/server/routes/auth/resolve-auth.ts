// Who is calling, resolved once per request on the ROOT app (so every route area sees it), and
// the CSRF check for cookie-authenticated state changes (SEC-01).
//
// CSRF exemptions — a route whose only credential is in the request itself (login, signup, a
// public form, cookie consent, a mailed token) opts out in one of two ways:
//   1. preferred: route config   app.post('/x', { config: { csrf: false }, schema: … }, handler)
//   2. a path prefix added to CSRF_EXEMPT_PATH_PREFIXES below (small surgical edit).
// API-key requests never need a CSRF token (no ambient credential to abuse).
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SESSION_COOKIE } from './http.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: this state-changing route needs no CSRF token even with a session cookie. */
    csrf?: boolean;
  }
}

/** The cookie holding the CSRF secret (the token itself comes from GET /api/v1/auth/csrf). */
export const CSRF_COOKIE = 'assent_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Only the JSON API is checked; server-rendered public pages carry their own signed tokens (SEC-02). */
export const CSRF_CHECKED_PREFIX = '/api/v1/';
/**
 * Public endpoints, prefix match on the path: a signed-in visitor of a public page must not need
 * the app's CSRF token. Prefer `config: { csrf: false }` on the route.
 */
export const CSRF_EXEMPT_PATH_PREFIXES: readonly string[] = ['/api/v1/cookie-consent'];

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function needsCsrf(request: FastifyRequest): boolean {
  if (!STATE_CHANGING.has(request.method)) return false;
  if (request.auth?.via !== 'session') return false;
  const path = request.url.split('?')[0] ?? '';
  if (!path.startsWith(CSRF_CHECKED_PREFIX)) return false;
  if (request.routeOptions.config?.csrf === false) return false;
  return !CSRF_EXEMPT_PATH_PREFIXES.some((p) => path.startsWith(p));
}

async function resolveAuth(request: FastifyRequest, deps: AppDeps): Promise<AuthContext | null> {
  const accounts = deps.services.accounts;
  const authorization = request.headers.authorization;
  const bearer = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
  if (bearer?.[1]) {
    // Throws 401 API_KEY_INVALID / API_KEY_REVOKED, or 403 when the account's API is off (ACC-05).
    const key = await accounts.authenticateApiKey(bearer[1]);
    return {
      via: 'api-key',
      userId: null,
      accountId: key.accountId,
      accountRole: null,
      platformRole: null,
      scopes: key.scopes,
      sessionId: null,
      apiKeyId: key.apiKeyId,
    };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const s = await accounts.resolveSession(token);
  if (!s) return null;
  return {
    via: 'session',
    userId: s.userId,
    accountId: s.accountId,
    accountRole: s.accountRole,
    platformRole: s.platformRole,
    scopes: ['*'],
    sessionId: s.sessionId,
    apiKeyId: null,
  };
}

/** Call on the root app before the routes are registered (src/server/app.ts). */
export async function installAuth(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: {
      path: '/',
      sameSite: 'strict',
      httpOnly: true,
      secure: deps.config.cookieSecure,
      signed: Boolean(deps.config.secret),
    },
    getToken: (request) => {
      const v = request.headers[CSRF_HEADER];
      return typeof v === 'string' ? v : undefined;
    },
  });
  app.addHook('onRequest', async (request) => {
    request.auth = await resolveAuth(request, deps);
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (!needsCsrf(request)) return done();
    // On failure the plugin answers FST_CSRF_* → 403 CSRF_INVALID (src/server/errors.ts).
    app.csrfProtection(request, reply, done);
  });
}
