// Route tests for the cookie consent log on both engines (CK-05), the no-JS settings form and the
// public pages served by Fastify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { MAX_COOKIE_CONSENT_BODY_BYTES } from './route-config.ts';

const ID = '0b7d6a52-6f1e-4c3a-8d2b-5e4f3a2b1c0d';
const OPERATOR = { email: 'operator@assent.test', password: 'operator-password-long-enough-1' };

function choice(overrides: Record<string, unknown> = {}) {
  return {
    consentId: ID,
    revision: 1,
    categories: ['necessary', 'performance'],
    services: ['assent-analytics'],
    language: 'ro',
    action: 'custom',
    ...overrides,
  };
}

function setCookies(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : ([] as string[]).concat(raw as string | string[]);
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`cookie consent routes [${engine}]`, () => {
    let t: TestPlatform;
    let operatorCookie = '';

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      await t.platform.services.accounts.createOperator({ email: OPERATOR.email, role: 'reviewer', password: OPERATOR.password });
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: OPERATOR });
      expect(login.statusCode).toBe(200);
      const session = setCookies(login).find((c) => c.startsWith('assent_session='));
      operatorCookie = (session ?? '').split(';')[0] ?? '';
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[CK-05] logs a choice with a truncated IPv4 address, time, revision, categories, language and user agent', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cookie-consent',
        payload: choice(),
        remoteAddress: '203.0.113.77',
        headers: { 'user-agent': 'TestBrowser/1.0' },
      });
      expect(res.statusCode).toBe(201);
      const row = await t.platform.database.db
        .selectFrom('cookie_consents')
        .selectAll()
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        consent_id: ID,
        revision: 1,
        action: 'custom',
        language: 'ro',
        source: 'banner',
        user_agent: 'TestBrowser/1.0',
        ip: '203.0.113.0',
        created_at: t.clock.now().toISOString(),
      });
      expect(JSON.parse(row.categories)).toEqual(['necessary', 'performance']);
      expect(JSON.parse(row.services)).toEqual(['assent-analytics']);
    });

    it('[CK-05] logs a refusal too, with an IPv6 address cut to /48', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cookie-consent',
        payload: choice({ categories: ['necessary'], services: [], action: 'dismiss', language: 'en' }),
        remoteAddress: '2001:db8:abcd:12:3456:789a:bcde:f012',
      });
      expect(res.statusCode).toBe(201);
      const row = await t.platform.database.db
        .selectFrom('cookie_consents')
        .selectAll()
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      expect(row.ip).toBe('2001:db8:abcd::');
      expect(row.action).toBe('dismiss');
      expect(JSON.parse(row.categories)).toEqual(['necessary']);
    });

    it('[CK-05] the consent log is append-only in the database', async () => {
      await expect(t.platform.database.db.updateTable('cookie_consents').set({ action: 'accept-all' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(t.platform.database.db.deleteFrom('cookie_consents').execute()).rejects.toThrow(/append-only/);
    });

    it('[SEC-03] refuses a bad body with a stable code and an oversized one with 413', async () => {
      const unknownField = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cookie-consent',
        payload: { ...choice(), extra: 1 },
      });
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.json().error.code).toBe('VALIDATION_FAILED');
      const badCategory = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cookie-consent',
        payload: choice({ categories: ['tracking'] }),
      });
      expect(badCategory.statusCode).toBe(400);
      const inconsistent = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cookie-consent',
        payload: choice({ action: 'reject-all' }),
      });
      expect(inconsistent.statusCode).toBe(400);
      expect(inconsistent.json().error.code).toBe('CONSENT_INCONSISTENT');
      const huge = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cookie-consent',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ ...choice(), pad: 'x'.repeat(MAX_COOKIE_CONSENT_BODY_BYTES) }),
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('BODY_TOO_LARGE');
    });

    it('[CK-05] needs no CSRF token even for a signed-in visitor', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/cookie-consent',
        payload: choice({ consentId: '1d2c3b4a-5e6f-4a8b-9c0d-1e2f3a4b5c6d' }),
        headers: { cookie: operatorCookie },
      });
      expect(res.statusCode).toBe(201);
    });

    it('[CK-05] operators can export the log as JSON and CSV; others cannot', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/operator/cookie-consents' });
      expect(anonymous.statusCode).toBe(401);
      const json = await t.app.inject({
        method: 'GET',
        url: `/api/v1/operator/cookie-consents?consentId=${ID}`,
        headers: { cookie: operatorCookie },
      });
      expect(json.statusCode).toBe(200);
      const records = json.json() as Array<{ consentId: string; ip: string; action: string }>;
      expect(records.map((r) => r.action)).toEqual(['dismiss', 'custom']);
      expect(records.every((r) => r.consentId === ID)).toBe(true);
      const csv = await t.app.inject({
        method: 'GET',
        url: '/api/v1/operator/cookie-consents?format=csv&limit=10',
        headers: { cookie: operatorCookie },
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('id,consentId,at,revision,action,categories,services,language,source,ip,userAgent');
      expect(lines.some((l) => l.includes(',203.0.113.0,TestBrowser/1.0'))).toBe(true);
      const bad = await t.app.inject({
        method: 'GET',
        url: '/api/v1/operator/cookie-consents?limit=0',
        headers: { cookie: operatorCookie },
      });
      expect(bad.statusCode).toBe(400);
    });

    it('[CK-05] [CK-04] the no-JS settings form logs the choice, sets the consent cookie and deletes refused cookies', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/legal/cookies/settings',
        headers: {
          origin: 'http://localhost:80',
          host: 'localhost:80',
          cookie: 'assent_perf=abc; _gcl_au=x',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'action=custom&categories=functional&lang=ro',
        remoteAddress: '198.51.100.9',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/legal/cookies?lang=ro&saved=1#settings');
      const cookies = setCookies(res);
      const consent = cookies.find((c) => c.startsWith('cc_cookie='));
      const value = JSON.parse(decodeURIComponent((consent ?? '').split(';')[0]!.slice('cc_cookie='.length)));
      expect(value).toMatchObject({ categories: ['necessary', 'functional'], revision: 1, languageCode: 'ro' });
      expect(consent).toContain(`Max-Age=${182 * 86_400}`); // [CK-06] asked again after 6 months at the latest
      expect(cookies.some((c) => /^assent_perf=;/.test(c) && /Expires=Thu, 01 Jan 1970/.test(c))).toBe(true);
      expect(cookies.some((c) => /^_gcl_au=;/.test(c))).toBe(true);
      const row = await t.platform.database.db
        .selectFrom('cookie_consents')
        .selectAll()
        .where('consent_id', '=', value.consentId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ source: 'form', action: 'custom', language: 'ro', ip: '198.51.100.0' });
    });

    it('[CK-05] the settings form refuses a cross-site submission', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/legal/cookies/settings',
        headers: { origin: 'https://evil.example', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'action=accept-all&lang=en',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CROSS_SITE_FORM');
      expect(setCookies(res)).toEqual([]);
      const fetchMetadata = await t.app.inject({
        method: 'POST',
        url: '/legal/cookies/settings',
        headers: {
          'sec-fetch-site': 'cross-site',
          origin: 'null',
          host: 'localhost',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'action=accept-all&lang=en',
      });
      expect(fetchMetadata.statusCode).toBe(403);
      const noOrigin = await t.app.inject({
        method: 'POST',
        url: '/legal/cookies/settings',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'action=accept-all&lang=en',
      });
      expect(noOrigin.statusCode).toBe(403);
    });

    it('[CK-01] public pages render without setting any cookie, in English and Romanian', async () => {
      for (const url of ['/', '/legal/terms', '/legal/anti-spam', '/legal/cookies']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(setCookies(res), url).toEqual([]);
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      }
      const ro = await t.app.inject({ method: 'GET', url: '/legal/cookies', headers: { 'accept-language': 'ro-RO,ro;q=0.9' } });
      expect(ro.body).toContain('<html lang="ro">');
      expect(ro.body).toContain('Politica de cookie-uri');
    });

    it('the language switch sets the lang cookie only on an explicit choice and stays on this site', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/lang/ro?next=%2F%2Fevil.example%2F' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
      expect(setCookies(res).some((c) => c.startsWith('lang=ro;'))).toBe(true);
      const page = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: 'lang=ro' } });
      expect(page.body).toContain('<html lang="ro">');
    });

    it('[CK-02] serves the banner, its configuration and our scripts from our own origin', async () => {
      for (const url of [
        '/assets/cookieconsent/cookieconsent.umd.js',
        '/assets/cookieconsent/cookieconsent.css',
        '/assets/consent.js',
        '/assets/analytics.js',
        '/assets/site.css',
      ]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(res.headers.etag) } });
        expect(again.statusCode, url).toBe(304);
      }
      const config = await t.app.inject({ method: 'GET', url: '/assets/consent-config.json' });
      expect(config.json()).toMatchObject({ revision: 1, categories: { necessary: { readOnly: true } } });
      const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(Object.keys(openapi.json().paths)).toEqual(
        expect.arrayContaining(['/api/v1/cookie-consent', '/api/v1/operator/cookie-consents', '/api/v1/analytics/pageview']),
      );
      const view = await t.app.inject({ method: 'POST', url: '/api/v1/analytics/pageview', payload: { path: '/legal/terms' } });
      expect(view.statusCode).toBe(202);
      expect(view.json()).toEqual({ path: '/legal/terms', views: 1 });
    });
  });
}
