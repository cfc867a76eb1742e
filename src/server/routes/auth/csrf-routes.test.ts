// CSRF is decided by the matched route (SEC-07): every cookie-authenticated state-changing route,
// enumerated from the route table as it is registered, refuses a request without the token under
// every spelling of its path the router accepts (percent-encoded letters, encoded slashes, double
// slashes, a trailing slash, another letter case).
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { buildApp, type App } from '../../app.ts';
import { routeNeedsCsrf } from './resolve-auth.ts';

interface RouteEntry {
  method: string;
  url: string;
  csrf: boolean | undefined;
}

const STATE_CHANGING = ['POST', 'PUT', 'PATCH', 'DELETE'];
/**
 * State-changing routes exempt by design, each carrying its own credential or acting for no
 * session. A change to this list must be a decision, not an accident.
 */
const DECLARED_EXEMPT: string[] = [
  'POST /api/v1/analytics/pageview', // anonymous page-view count, no account data
  'POST /api/v1/auth/login', // no session yet; rate-limited
  'POST /api/v1/auth/password-reset/confirm', // the mailed reset token
  'POST /api/v1/auth/password-reset/request',
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/verify-email', // the mailed verification token
  'POST /api/v1/cookie-consent', // the cookie-consent log (CK-05)
  'POST /api/v1/public/forms/:formId/submissions', // the signed start token
  'POST /api/v1/team/invitations/accept', // the mailed invitation token
  'POST /api/v1/webhooks/sendgrid', // ECDSA-signed events (issue 10 §1)
  'POST /api/v1/webhooks/ses', // SNS-signed notifications (issue 10 §1)
  'POST /api/v1/webhooks/sms/generic/inbound', // HMAC-SHA256 of SMS_WEBHOOK_SECRET (issue 11)
  'POST /api/v1/webhooks/sms/generic/status',
  'POST /api/v1/webhooks/sms/twilio/inbound', // X-Twilio-Signature (issue 11)
  'POST /api/v1/webhooks/sms/twilio/status',
  'POST /confirm/:token', // double opt-in token (SEC-02)
  'POST /f/:formId', // hosted form, the signed start token
  'POST /legal/cookies/settings', // the no-JS cookie form, same-origin checked
  'POST /p/:token', // preference center token (SEC-02)
  'POST /report-spam', // the no-JS spam report form, the signed start token (ABU-01)
  'POST /u/:token', // RFC 8058 one-click unsubscribe
];
const SAMPLE_ID = '0190d6f4-0000-7000-8000-000000000001';

/** A concrete path for a route pattern: each `:param` and `*` gets a sample value. */
function concrete(pattern: string): string {
  return pattern.replace(/:[A-Za-z0-9_]+/g, SAMPLE_ID).replace(/\*$/, 'x');
}

function encodeChar(c: string): string {
  return `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Spellings of one path that a lenient router might take for the same route. */
function variants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const out = new Set<string>([path]);
  // Percent-encode the first letter of each segment, lower- and upper-case hex (%61pi, %761).
  segments.forEach((segment, i) => {
    const letter = segment.search(/[A-Za-z0-9]/);
    if (letter < 0) return;
    const enc = encodeChar(segment[letter]!);
    for (const hex of [enc, enc.toUpperCase()]) {
      const copy = [...segments];
      copy[i] = segment.slice(0, letter) + hex + segment.slice(letter + 1);
      out.add(`/${copy.join('/')}`);
    }
  });
  // Every character of the path encoded.
  out.add(`/${segments.map((s) => [...s].map(encodeChar).join('')).join('/')}`);
  out.add(`/%2F${segments.join('/')}`); // an encoded leading slash
  out.add(`/${segments.join('%2F')}`); // encoded separators
  out.add(`//${segments.join('/')}`); // double slashes
  out.add(`/${segments.join('//')}`);
  out.add(`${path}/`); // trailing slash
  out.add(path.toUpperCase()); // another case
  out.add(`/${segments.map((s, i) => (i === 0 ? s.toUpperCase() : s)).join('/')}`);
  return [...out];
}

describe('CSRF by matched route', () => {
  let t: TestPlatform;
  let app: App;
  let owner: SignedIn;
  const routes: RouteEntry[] = [];

  beforeAll(async () => {
    t = await createTestPlatform('sqlite');
    // A second app over the same platform, built with an onRoute hook that records the table.
    app = await buildApp(t.platform, {
      onRoute: (route: RouteOptions) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        const config = route.config as { csrf?: boolean } | undefined;
        for (const method of methods) routes.push({ method: String(method), url: route.url, csrf: config?.csrf });
      },
    });
    await app.ready();
    owner = await signUp(app);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const checked = () => routes.filter((r) => routeNeedsCsrf(r.method, { csrf: r.csrf }));

  it('[SEC-07] the route table has cookie-authenticated state-changing routes to check, and only declared exemptions', () => {
    expect(checked().length).toBeGreaterThan(20);
    const exempt = routes
      .filter((r) => STATE_CHANGING.includes(r.method) && r.csrf === false)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    // Each of these carries its own credential in the request (see resolve-auth.ts); a new entry
    // here must be a decision, not an accident.
    expect(exempt).toEqual(DECLARED_EXEMPT);
  });

  it('[SEC-07] every state-changing route refuses a session cookie without a token under every spelling of its path', async () => {
    const cookie = `assent_session=${owner.sessionCookie}`;
    const failures: string[] = [];
    for (const route of checked()) {
      for (const url of variants(concrete(route.url))) {
        const res = await app.inject({
          method: route.method as 'POST',
          url,
          headers: { cookie, 'content-type': 'application/json' },
          payload: '{}',
        });
        const code = res.statusCode === 404 ? 'NOT_FOUND' : (res.json() as { error?: { code?: string } }).error?.code;
        const refused = (res.statusCode === 403 && code === 'CSRF_INVALID') || (res.statusCode === 404 && code === 'NOT_FOUND');
        if (!refused) failures.push(`${route.method} ${url} (${route.url}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('[SEC-07] the probe cases /%61pi/v1/team/invitations, /api/%761/lists and /%61pi/v1/account are refused and change nothing', async () => {
    const cookie = `assent_session=${owner.sessionCookie}`;
    const invite = await app.inject({
      method: 'POST',
      url: '/%61pi/v1/team/invitations',
      headers: { cookie },
      payload: { email: 'attacker@example.com', role: 'owner' },
    });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().error.code).toBe('CSRF_INVALID');
    const list = await app.inject({
      method: 'POST',
      url: '/api/%761/lists',
      headers: { cookie },
      payload: { name: 'Sneaky', purpose: 'x', channel: 'email' },
    });
    expect(list.statusCode).toBe(403);
    const account = await app.inject({
      method: 'PATCH',
      url: '/%61pi/v1/account',
      headers: { cookie },
      payload: { name: 'Hijacked' },
    });
    expect(account.statusCode).toBe(403);
    const team = await app.inject({ method: 'GET', url: '/api/v1/team', headers: { cookie } });
    expect(JSON.stringify(team.json())).not.toContain('attacker@example.com');
    const me = await app.inject({ method: 'GET', url: '/api/v1/account', headers: { cookie } });
    expect(me.json().name).not.toBe('Hijacked');
    // With the token the same encoded path reaches the handler: the check is the route's, not the text's.
    const ok = await app.inject({
      method: 'PATCH',
      url: '/%61pi/v1/account',
      headers: owner.headers,
      payload: { name: 'Renamed SRL' },
    });
    expect(ok.statusCode).toBe(200);
  });
});
