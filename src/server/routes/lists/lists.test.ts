// Route tests of the lists screen's API on both engines (issue 13 §2): edit → version, archive /
// unarchive, stats; another account's list answers 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`list routes [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    let stranger: SignedIn;
    let listId: string;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      owner = await signUp(t.app);
      stranger = await signUp(t.app);
      const res = await call('POST', '/api/v1/lists', {
        name: 'News',
        purposeText: 'Monthly product news by email.',
        channel: 'email',
        frequency: 'monthly',
        senderName: 'Shop',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().version).toBe(1);
      listId = res.json().id;
    });
    afterAll(async () => {
      await t?.close();
    });
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, who: SignedIn = owner) =>
      t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

    it('PATCH of the purpose text answers the list at version 2 and GET versions lists both, newest first', async () => {
      const res = await call('PATCH', `/api/v1/lists/${listId}`, { purposeText: 'Weekly product news by email.' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: 2, purposeText: 'Weekly product news by email.' });
      const versions = await call('GET', `/api/v1/lists/${listId}/versions`);
      expect(versions.json().items.map((v: { version: number; purposeText: string }) => [v.version, v.purposeText])).toEqual([
        [2, 'Weekly product news by email.'],
        [1, 'Monthly product news by email.'],
      ]);
      expect((await call('GET', `/api/v1/lists/${listId}/versions`, undefined, stranger)).statusCode).toBe(404);
    });

    it('an archived list refuses edits with 409 LIST_ARCHIVED, is listed only with archived=true, and unarchives', async () => {
      expect((await call('POST', `/api/v1/lists/${listId}/archive`)).json().archivedAt).not.toBeNull();
      const edit = await call('PATCH', `/api/v1/lists/${listId}`, { name: 'Renamed' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe('LIST_ARCHIVED');
      const ids = async (q: string) => (await call('GET', `/api/v1/lists${q}`)).json().items.map((l: { id: string }) => l.id);
      expect(await ids('')).not.toContain(listId);
      expect(await ids('?archived=true')).toContain(listId);
      expect((await call('POST', `/api/v1/lists/${listId}/unarchive`, undefined, stranger)).statusCode).toBe(404);
      const back = await call('POST', `/api/v1/lists/${listId}/unarchive`);
      expect(back.statusCode).toBe(200);
      expect(back.json().archivedAt).toBeNull();
      expect(await ids('')).toContain(listId);
    });

    it('GET stats gives the counts per status and one growth point per day of 30 or 90 days; other periods are 400', async () => {
      const contact = await call('POST', '/api/v1/contacts', { email: 'ana@example.com' });
      const contactId = contact.json().contact.id;
      await t.platform.services.consent.record(owner.accountId, [
        { contactId, listId, channel: 'email', kind: 'granted', sourceType: 'api', textShown: 'Yes, weekly news.' },
      ]);
      const res = await call('GET', `/api/v1/lists/${listId}/stats`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.counts).toEqual({ active: 1, pending: 0, held: 0, withdrawn: 0, suppressed: 0 });
      expect(body.growth).toHaveLength(30);
      expect(body.growth.at(-1)).toMatchObject({ gained: 1, lost: 0 });
      expect((await call('GET', `/api/v1/lists/${listId}/stats?days=90`)).json().growth).toHaveLength(90);
      expect((await call('GET', `/api/v1/lists/${listId}/stats?days=7`)).statusCode).toBe(400);
      expect((await call('GET', `/api/v1/lists/${listId}/stats`, undefined, stranger)).statusCode).toBe(404);
    });
  });
}
