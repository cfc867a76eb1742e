// The standing guard over the real app on both engines (ACC-04, ACC-05, ACC-09): every registered
// account-scoped write refuses a blocked or suspended account, session or API key; reads, exports
// and the declared open writes stay available; restricted services are refused one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, signUp, type SignedIn } from '../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform.ts';
import type { RestrictableService } from '../core/standing/ports.ts';
import type { StandingAction } from '../core/standing/machine.ts';

const operator = { type: 'operator' as const, id: 'op-standing-guard' };
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The account-API writes that are deliberately NOT refused for a blocked account. A new exemption
 * must be added here on purpose; every other /api/v1 write is walked below.
 */
const EXPECTED_EXEMPT = [
  'DELETE /api/v1/api-keys/:id',
  'PATCH /api/v1/me',
  'POST /api/v1/analytics/pageview',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/password-reset/request',
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/verify-email',
  'POST /api/v1/auth/verify-email/resend',
  'POST /api/v1/contacts/:id/consent/withdraw',
  'POST /api/v1/contacts/bulk/withdraw',
  'POST /api/v1/cookie-consent',
  'POST /api/v1/me/account',
  'POST /api/v1/public/forms/:formId/submissions',
  'POST /api/v1/team/invitations/accept',
];
const LIST = {
  name: 'News',
  purposeText: 'Monthly product news by email.',
  channel: 'email',
  frequency: 'monthly',
  senderName: 'Shop',
};

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`standing guard [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });
    const move = (accountId: string, action: StandingAction, reason: string, services?: RestrictableService[]) =>
      t.platform.services.standing.transition({ accountId, action, reason, actor: operator, ...(services ? { services } : {}) });
    const call = (method: string, url: string, who: SignedIn | { headers: Record<string, string> }, payload?: unknown) =>
      t.app.inject({
        method: method as 'POST',
        url,
        headers: who.headers,
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '0190a3c2-0000-7000-8000-000000000000');

    it('[ACC-09] [ACC-05] every registered account-API write refuses a blocked account with the reason; an active account is not refused', async () => {
      const active = await signUp(t.app);
      const blocked = await signUp(t.app);
      await move(blocked.accountId, 'block', 'Sent to a purchased list');
      const writes = t.app.standingRoutes.filter((r) => WRITES.has(r.method) && r.url.startsWith('/api/v1/'));
      const exempt = writes
        .filter((r) => r.standing === 'open' || r.standing === 'not-account')
        .map((r) => `${r.method} ${r.url}`);
      // The operator console acts on other accounts (its own audit); every other exemption is named.
      expect(exempt.filter((r) => !r.includes(' /api/v1/operator/')).sort()).toEqual(EXPECTED_EXEMPT);
      const guarded = writes.filter((r) => r.standing !== 'open' && r.standing !== 'not-account');
      expect(guarded.length).toBeGreaterThan(15);
      for (const r of guarded) {
        const refused = await call(r.method, concrete(r.url), blocked, {});
        expect({ route: `${r.method} ${r.url}`, status: refused.statusCode }).toEqual({
          route: `${r.method} ${r.url}`,
          status: 403,
        });
        expect(refused.json().error).toMatchObject({
          code: 'ACCOUNT_BLOCKED',
          details: { standing: 'blocked', reason: 'Sent to a purchased list' },
        });
        const open = await call(r.method, concrete(r.url), active, {});
        expect(open.json().error?.code).not.toBe('ACCOUNT_BLOCKED');
      }
    });

    it('[ACC-09] a blocked owner with a session creates no contact, consent or list, and still reads, exports, changes password and signs out', async () => {
      const owner = await signUp(t.app);
      const list = await call('POST', '/api/v1/lists', owner, LIST);
      expect(list.statusCode).toBe(201);
      const contact = await call('POST', '/api/v1/contacts', owner, { email: 'kept@example.com' });
      expect(contact.statusCode).toBe(201);
      const contactId = contact.json().contact.id as string;
      const consentBody = {
        listId: list.json().id,
        textShown: 'Yes, send me the monthly news',
        source: 'signup-form',
        attest: true,
        occurredAt: '2026-01-01T10:00:00Z',
      };
      const consent = await call('POST', `/api/v1/contacts/${contactId}/consent`, owner, consentBody);
      expect(consent.statusCode, consent.body).toBeLessThan(300);
      await move(owner.accountId, 'block', 'Spam trap hits');

      const before = (await call('GET', '/api/v1/contacts', owner)).json();
      for (const [url, body] of [
        ['/api/v1/contacts', { email: 'new@example.com' }],
        ['/api/v1/lists', { ...LIST, name: 'Another' }],
        [`/api/v1/contacts/${contactId}/consent`, consentBody],
      ] as const) {
        const res = await call('POST', url, owner, body);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'ACCOUNT_BLOCKED', details: { reason: 'Spam trap hits' } });
      }
      expect((await call('GET', '/api/v1/contacts', owner)).json()).toEqual(before);
      expect((await call('GET', '/api/v1/lists', owner)).statusCode).toBe(200);
      expect((await call('GET', `/api/v1/contacts/${contactId}/export`, owner)).statusCode).toBe(200);
      const standing = await call('GET', '/api/v1/account/standing', owner);
      expect(standing.json()).toMatchObject({ standing: 'blocked', reason: 'Spam trap hits' });
      const password = await call('POST', '/api/v1/auth/password', owner, {
        currentPassword: owner.password,
        newPassword: 'another-correct-horse-battery',
      });
      expect(password.statusCode).toBe(200);
      // An opt-out received by phone can still be recorded: it only takes sending away.
      const withdraw = await call('POST', `/api/v1/contacts/${contactId}/consent/withdraw`, owner, { lists: 'all' });
      expect(withdraw.statusCode).toBe(200);
      expect((await call('POST', '/api/v1/auth/logout', owner)).statusCode).toBeLessThan(300);
      expect((await call('GET', '/api/v1/me', owner)).statusCode).toBe(401);
    });

    it('[ACC-09] [ACC-04] suspended refuses writes like blocked; a restricted service is refused per service, other writes pass', async () => {
      const owner = await signUp(t.app);
      await move(owner.accountId, 'restrict', 'Import of a scraped list', ['import']);
      expect((await call('POST', '/api/v1/lists', owner, LIST)).statusCode).toBe(201);
      const imp = await call('POST', '/api/v1/imports', owner, {});
      expect(imp.statusCode).toBe(403);
      expect(imp.json().error).toMatchObject({
        code: 'SERVICE_RESTRICTED',
        details: { service: 'import', reason: 'Import of a scraped list' },
      });
      expect((await call('GET', '/api/v1/imports', owner)).statusCode).toBe(200);

      await move(owner.accountId, 'suspend', 'Complaint rate 0.8%');
      const res = await call('POST', '/api/v1/lists', owner, { ...LIST, name: 'Later' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'ACCOUNT_SUSPENDED', details: { reason: 'Complaint rate 0.8%' } });
      await move(owner.accountId, 'reinstate', 'Appeal accepted');
      expect((await call('POST', '/api/v1/lists', owner, { ...LIST, name: 'Later' })).statusCode).toBe(201);
    });

    it('[ACC-09] an API key of a suspended account writes nothing and says why', async () => {
      const owner = await signUp(t.app);
      const { key } = await createApiKey(t.app, owner, ['contacts:write', 'contacts:read']);
      const bearer = { headers: { authorization: `Bearer ${key}` } };
      expect((await call('POST', '/api/v1/contacts', bearer, { email: 'a@example.com' })).statusCode).toBe(201);
      await move(owner.accountId, 'suspend', 'Bounce rate 12%');
      const res = await call('POST', '/api/v1/contacts', bearer, { email: 'b@example.com' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'ACCOUNT_SUSPENDED', details: { reason: 'Bounce rate 12%' } });
    });

    it('GET /api/v1/account/standing needs the account:read scope from an API key', async () => {
      const owner = await signUp(t.app);
      const narrow = await createApiKey(t.app, owner, ['contacts:read']);
      const wide = await createApiKey(t.app, owner, ['account:read']);
      const refused = await call('GET', '/api/v1/account/standing', { headers: { authorization: `Bearer ${narrow.key}` } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('API_KEY_SCOPE');
      const ok = await call('GET', '/api/v1/account/standing', { headers: { authorization: `Bearer ${wide.key}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ standing: 'active' });
    });
  });
}
