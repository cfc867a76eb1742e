// Signing up and signing in through the real HTTP API, for route tests of any area:
//   const owner = await signUp(app);                     // a new account, owner signed in
// Signup itself signs nobody in (it answers 202 alike for a new and a taken address); signUp
// signs the new owner in with the password, as the person does at /app/login.
//   await app.inject({ method: 'POST', url: '/api/v1/…', headers: owner.headers, payload });
// `headers` carries the session cookie, the CSRF cookie and the x-csrf-token header, so
// cookie-authenticated POST/PUT/PATCH/DELETE pass the CSRF check (SEC-01).
import type { FastifyInstance } from 'fastify';

export interface SignedIn {
  userId: string;
  accountId: string;
  email: string;
  password: string;
  sessionCookie: string;
  csrfToken: string;
  /** cookie + x-csrf-token: ready for app.inject({ headers }). */
  headers: Record<string, string>;
}

let counter = 0;

export function signupPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    email: `owner${counter}-${Date.now()}@example.com`,
    password: 'correct-horse-battery',
    name: 'Owner',
    companyName: `Company ${counter}`,
    postalAddress: 'Str. Exemplu 1, 400000 Cluj-Napoca, Romania',
    industry: 'retail',
    declaredSending: 'A monthly newsletter to customers who subscribed on our site',
    acceptTerms: true,
    acceptAntiSpam: true,
    ...overrides,
  };
}

type InjectResponse = Awaited<ReturnType<FastifyInstance['inject']>>;

export function cookieFrom(res: InjectResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

/** A CSRF token and the cookie pair that goes with it, for an existing session cookie value. */
export async function csrfFor(app: FastifyInstance, sessionCookie: string): Promise<{ token: string; cookie: string }> {
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/auth/csrf',
    headers: { cookie: `assent_session=${sessionCookie}` },
  });
  if (res.statusCode !== 200) throw new Error(`GET /auth/csrf: ${res.statusCode} ${res.body}`);
  const secret = cookieFrom(res, 'assent_csrf') ?? '';
  return { token: (res.json() as { token: string }).token, cookie: `assent_session=${sessionCookie}; assent_csrf=${secret}` };
}

async function withCsrf(app: FastifyInstance, base: Omit<SignedIn, 'csrfToken' | 'headers'>): Promise<SignedIn> {
  const csrf = await csrfFor(app, base.sessionCookie);
  return { ...base, csrfToken: csrf.token, headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token } };
}

/** POST /api/v1/auth/signup, then POST /api/v1/auth/login; returns the signed-in owner of the new account. */
export async function signUp(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<SignedIn> {
  const payload = signupPayload(overrides);
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload });
  if (res.statusCode !== 202) throw new Error(`signup: ${res.statusCode} ${res.body}`);
  const owner = await signIn(app, String(payload.email), String(payload.password));
  if (!owner.accountId) throw new Error(`signup: ${String(payload.email)} has no account (was the address taken?)`);
  return owner;
}

/** POST /api/v1/auth/login for an existing user. */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login: ${res.statusCode} ${res.body}`);
  const body = res.json() as { user: { id: string }; account: { id: string } | null };
  return withCsrf(app, {
    userId: body.user.id,
    accountId: body.account?.id ?? '',
    email,
    password,
    sessionCookie: cookieFrom(res, 'assent_session') ?? '',
  });
}

/** POST /api/v1/api-keys as the owner; returns the full key (shown once). */
export async function createApiKey(
  app: FastifyInstance,
  owner: SignedIn,
  scopes: string[],
  name = 'test key',
): Promise<{ id: string; key: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: owner.headers, payload: { name, scopes } });
  if (res.statusCode !== 201) throw new Error(`create api key: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; key: string };
}
