// The standing guard (ACC-04, ACC-05, ACC-09): ONE hook on the root app, before any route, decides
// for every account-scoped write — session or API key — whether the account's standing allows it.
// Routes do not call it and so cannot forget it: a route under /api/v1/ is an account route unless
// its area is listed in NOT_ACCOUNT_PREFIXES or it declares otherwise in its config.
//
//   app.post('/imports', { config: { standing: { service: 'import' } } }, …)  needs `import` on
//   app.post('/x/withdraw', { config: { standing: 'open' } }, …)               stays open when blocked
//   app.post('/me/account', { config: { standing: 'not-account' } }, …)        not about one account
//
// Reads (GET, HEAD, OPTIONS) are never refused here: a blocked customer can still see why
// (GET /account/standing) and take its data out (exports, proofs). API-key reads are refused
// earlier, when the key is resolved, if the account's `api` service is off (accounts/api-keys.ts).
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { RestrictableService } from '../core/standing/ports.ts';
import type { AppDeps } from './deps.ts';

/** How standing applies to a route. */
export type RouteStanding =
  /** An account route: blocked/suspended refuse its writes; `service` must be on as well. */
  | { service?: RestrictableService }
  /** An account route whose writes stay allowed whatever the standing (see OPEN_WRITES_RATIONALE). */
  | 'open'
  /** Not about the signed-in account: public pages and forms, sign-in, operator tools. */
  | 'not-account';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How account standing applies to this route (src/server/standing-guard.ts). */
    standing?: RouteStanding;
  }
}

/** The account API lives under this prefix; everything outside it is a public page. */
export const ACCOUNT_API_PREFIX = '/api/v1/';
/**
 * Areas under /api/v1/ that do not act on the caller's account: signing in and out, passwords and
 * email verification (the user, not the account), the operator console (acts on other accounts,
 * with its own audit), public form endpoints (their own standing check: core/forms/signup.ts),
 * the site's cookie and page-view logs. Matched against the REGISTERED route path, never the URL.
 */
export const NOT_ACCOUNT_PREFIXES: readonly string[] = [
  '/api/v1/auth/',
  '/api/v1/operator/',
  '/api/v1/public/',
  '/api/v1/cookie-consent',
  '/api/v1/analytics/',
];
/**
 * Writes a blocked or suspended account may still make, each declared `standing: 'open'` on its
 * route: they only take capability away or protect people, so refusing them would harm the
 * recipients or the customer's security — withdrawing a contact's consent (an opt-out received by
 * phone must still be honoured) and revoking an API key (a leaked key).
 */
export const OPEN_WRITES_RATIONALE = 'withdrawing consent, revoking an API key';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardedRoute {
  method: string;
  url: string;
  standing: RouteStanding;
}

/** The standing that applies to a route: its own declaration, else the default by its path. */
export function routeStanding(url: string, config: RouteOptions['config'] | undefined): RouteStanding {
  const declared = (config as { standing?: RouteStanding } | undefined)?.standing;
  if (declared !== undefined) return declared;
  if (!url.startsWith(ACCOUNT_API_PREFIX)) return 'not-account';
  if (NOT_ACCOUNT_PREFIXES.some((p) => url.startsWith(p))) return 'not-account';
  return {};
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the guard classified, for the test that walks them all. */
    standingRoutes: GuardedRoute[];
  }
}

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => String(m).toUpperCase());
}

/** Call on the root app after auth is installed and before any route is registered (app.ts). */
export function installStandingGuard(app: FastifyInstance, deps: AppDeps): void {
  const standing = deps.services.standing;
  const routes: GuardedRoute[] = [];
  app.decorate('standingRoutes', routes);
  app.addHook('onRoute', (route) => {
    const decided = routeStanding(route.url, route.config);
    for (const method of methodsOf(route)) routes.push({ method, url: route.url, standing: decided });
  });
  // onRequest, after the auth hook: a refused write is answered before its body is even read.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const auth = request.auth;
    if (!auth?.accountId || READS.has(request.method)) return;
    const decided = routeStanding(request.routeOptions.url ?? '', request.routeOptions.config);
    if (decided === 'open' || decided === 'not-account') return;
    const services: RestrictableService[] = [];
    if (decided.service) services.push(decided.service);
    if (auth.via === 'api-key') services.push('api');
    // Throws 403 ACCOUNT_BLOCKED / ACCOUNT_SUSPENDED / SERVICE_RESTRICTED with the audited reason,
    // or 503 POLICY_UNAVAILABLE when the standing cannot be read (fail closed).
    await standing.assertWriteAllowed(auth.accountId, services);
  });
}
