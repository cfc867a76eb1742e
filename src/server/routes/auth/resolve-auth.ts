// Who is calling, resolved once per request on the ROOT app (so every route area sees it), and
// the CSRF check for cookie-authenticated state changes (SEC-01, SEC-07).
//
// The CSRF decision is taken from the MATCHED ROUTE (its method and route config), never from the
// URL text: the router decodes the path, so `/%61pi/v1/…` reaches the same handler as `/api/v1/…`
// and a prefix test on `request.url` could be walked around. Every state-changing route is
// checked when the caller is signed in by cookie, wherever it lives. A route whose only credential
// is in the request itself (login, signup, a public form with its signed start token, the RFC 8058
// one-click unsubscribe, the cookie-consent log, a mailed token) opts out in its route config:
//   app.post('/x', { config: { csrf: false }, schema: … }, handler)
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

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer\s+(\S+)\s*$/i;
const API_ROUTE_PREFIX = '/api/';

/** Whether a route, by its declaration, needs a CSRF token from a cookie-authenticated caller. */
export function routeNeedsCsrf(method: string, config: { csrf?: boolean } | undefined): boolean {
  return STATE_CHANGING.has(method.toUpperCase()) && config?.csrf !== false;
}

export function needsCsrf(request: FastifyRequest): boolean {
  if (request.auth?.via !== 'session') return false;
  // No matched route (404): nothing will run, so there is nothing to protect.
  if (request.routeOptions.url === undefined) return false;
  // The request's method, not the route's list: one route may serve GET and POST.
  return routeNeedsCsrf(request.method, request.routeOptions.config);
}

async function resolveAuth(request: FastifyRequest, deps: AppDeps): Promise<AuthContext | null> {
  const accounts = deps.services.accounts;
  const authorization = request.headers.authorization;
  const bearer = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
  // API keys authenticate the API (matched route under /api/); elsewhere a bearer token is some
  // other credential (the /metrics scraper's METRICS_TOKEN) and is left to that route.
  if (bearer?.[1] && request.routeOptions.url?.startsWith(API_ROUTE_PREFIX)) {
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
  // What the API answers a signed-in caller (proof bundles, exports, contact data) is personal:
  // no shared cache or browser cache may keep it. A route that can be cached says so itself.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.auth && request.routeOptions.url?.startsWith(API_ROUTE_PREFIX) && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    return payload;
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (!needsCsrf(request)) return done();
    // On failure the plugin answers FST_CSRF_* → 403 CSRF_INVALID (src/server/errors.ts).
    app.csrfProtection(request, reply, done);
  });
}
