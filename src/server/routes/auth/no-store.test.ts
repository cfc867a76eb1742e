// Answers to a signed-in caller on the API (proof bundles, the GDPR export, contact data) carry
// Cache-Control: no-store, for session and API-key callers alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

describe('Cache-Control on personal answers', () => {
  let t: TestPlatform;
  let owner: SignedIn;
  let contactId: string;
  beforeAll(async () => {
    t = await createTestPlatform('sqlite');
    owner = await signUp(t.app);
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: owner.headers,
      payload: { email: 'cached@example.com' },
    });
    contactId = c.json().contact.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('proof (JSON and page), export and the caller view are no-store, by session and by API key', async () => {
    const { key } = await createApiKey(t.app, owner, ['contacts:read', 'consent:read']);
    for (const headers of [owner.headers, { authorization: `Bearer ${key}` }]) {
      for (const url of [
        `/api/v1/contacts/${contactId}/proof`,
        `/api/v1/contacts/${contactId}/proof.html`,
        `/api/v1/contacts/${contactId}/export`,
        `/api/v1/contacts/${contactId}`,
      ]) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-store');
      }
    }
  });

  it('an error answer to a signed-in caller is no-store too; a public page is left alone', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/contacts/nope/export', headers: owner.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    const healthz = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(healthz.headers['cache-control']).toBeUndefined();
  });
});
