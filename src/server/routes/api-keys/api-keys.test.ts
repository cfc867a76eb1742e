// API keys over the real platform on both engines (SEC-01, ACC-05).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, signUp } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { sha256Hex } from '../../../security/tokens.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`api keys [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
    });
    afterAll(async () => {
      await t?.close();
    });
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    it('[SEC-01] shows the key once, stores only its SHA-256, and lists it by prefix', async () => {
      const owner = await signUp(t.app);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: owner.headers,
        payload: { name: 'CRM sync', scopes: ['account:read'] },
      });
      expect(created.statusCode).toBe(201);
      const { id, key, prefix } = created.json();
      expect(key).toMatch(/^ak_[A-Za-z0-9_-]{43}$/);
      expect(key.startsWith(prefix)).toBe(true);
      const row = await t.platform.database.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.key_hash).toBe(sha256Hex(key));
      expect(Object.values(row)).not.toContain(key);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: owner.headers });
      expect(list.json()).toEqual([
        {
          id,
          name: 'CRM sync',
          prefix,
          scopes: ['account:read'],
          createdAt: expect.any(String),
          lastUsedAt: null,
          revokedAt: null,
        },
      ]);
      expect(list.body).not.toContain(key);
    });

    it('[SEC-01] a key works within its scopes, answers 403 API_KEY_SCOPE outside them, and needs no CSRF token', async () => {
      const owner = await signUp(t.app);
      const reader = await createApiKey(t.app, owner, ['account:read']);
      const other = await createApiKey(t.app, owner, ['contacts:read']);
      const ok = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: bearer(reader.key) });
      expect([ok.statusCode, ok.json().id]).toEqual([200, owner.accountId]);
      const denied = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: bearer(other.key) });
      expect([denied.statusCode, denied.json().error.code]).toEqual([403, 'API_KEY_SCOPE']);
      // A state change with a key is not a CSRF matter; owner-only settings still refuse keys.
      const patch = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/account',
        headers: bearer(reader.key),
        payload: { name: 'x' },
      });
      expect([patch.statusCode, patch.json().error.code]).toEqual([403, 'OWNER_ONLY']);
      const used = await t.platform.database.db
        .selectFrom('api_keys')
        .select('last_used_at')
        .where('id', '=', reader.id)
        .executeTakeFirstOrThrow();
      expect(used.last_used_at).toBe(t.clock.now().toISOString());
    });

    it('[SEC-01] a revoked key answers 401 API_KEY_REVOKED; an unknown key 401 API_KEY_INVALID', async () => {
      const owner = await signUp(t.app);
      const k = await createApiKey(t.app, owner, ['account:read']);
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${k.id}`, headers: owner.headers });
      expect(del.statusCode).toBe(204);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: bearer(k.key) });
      expect([res.statusCode, res.json().error.code]).toEqual([401, 'API_KEY_REVOKED']);
      const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: bearer('ak_unknownunknownunknown') });
      expect([unknown.statusCode, unknown.json().error.code]).toEqual([401, 'API_KEY_INVALID']);
    });

    it('[ACC-05] the API of a blocked account answers a clear error', async () => {
      const owner = await signUp(t.app);
      const k = await createApiKey(t.app, owner, ['account:read']);
      await t.platform.services.standing.transition({
        accountId: owner.accountId,
        action: 'block',
        reason: 'Spam complaints',
        actor: { type: 'operator', id: 'op-1' },
      });
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/account', headers: bearer(k.key) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('ACCOUNT_BLOCKED');
    });

    it('[SEC-01] only the owner manages keys: a member and an API key are refused', async () => {
      const owner = await signUp(t.app);
      const k = await createApiKey(t.app, owner, ['*']);
      const byKey = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: bearer(k.key),
        payload: { name: 'escalate', scopes: ['*'] },
      });
      expect([byKey.statusCode, byKey.json().error.code]).toEqual([403, 'OWNER_ONLY']);
      const badScope = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: owner.headers,
        payload: { name: 'bad', scopes: ['DROP TABLE'] },
      });
      expect([badScope.statusCode, badScope.json().error.code]).toEqual([400, 'API_KEY_SCOPES_INVALID']);
    });
  });
}
