// GET /api/v1/contacts with search, filters and totals; GET /contacts/:id/timeline (both engines).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`contacts listing routes [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    let listId: string;
    const ids: string[] = [];
    const get = (url: string, who: SignedIn = owner) => t.app.inject({ method: 'GET', url, headers: who.headers });
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      owner = await signUp(t.app);
      const { lists, contacts, consent, suppression } = t.platform.services;
      const list = await lists.create(owner.accountId, {
        name: 'News',
        purposeText: 'Monthly product news by email.',
        channel: 'email',
        frequency: 'monthly',
        senderName: 'Shop',
      });
      listId = list.id;
      for (let i = 0; i < 6; i++) {
        const { contact } = await contacts.upsert(owner.accountId, {
          email: `route${i}@example.com`,
          attributes: i === 0 ? { firstName: 'Maria', lastName: 'Ionescu' } : {},
        });
        ids.push(contact.id);
      }
      await consent.record(
        owner.accountId,
        ids.slice(0, 5).map((contactId) => ({
          contactId,
          listId,
          channel: 'email' as const,
          kind: 'granted' as const,
          sourceType: 'form' as const,
          textShown: 'Yes please',
        })),
      );
      await consent.withdraw(owner.accountId, ids[1]!, [listId], { sourceType: 'unsubscribe' });
      await suppression.add(owner.accountId, 'route2@example.com', 'complaint', 'complaint:x');
    });
    afterAll(async () => {
      await t?.close();
    });

    it('searches, filters and counts; old clients still get items and next', async () => {
      const all = (await get('/api/v1/contacts?limit=2')).json();
      expect(all).toMatchObject({ total: 6, next: expect.any(String) });
      expect(all.items).toHaveLength(2);
      const byName = (await get('/api/v1/contacts?q=ionescu')).json();
      expect(byName.items).toMatchObject([{ id: ids[0], email: 'route0@example.com', name: 'Maria Ionescu', status: 'active' }]);
      const onList = (await get(`/api/v1/contacts?listId=${listId}`)).json();
      // The list's members only: route5 never joined it, so it is not counted there.
      expect(onList.totals).toEqual({ active: 3, withdrawn: 1, suppressed: 1, none: 0, pending: 0, held: 0 });
      expect(onList.total).toBe(5);
      // Where consent came from: all five by a form, none by an import; an unknown source is refused.
      expect((await get(`/api/v1/contacts?listId=${listId}&source=form`)).json()).toMatchObject({ total: 5 });
      expect((await get('/api/v1/contacts?source=import')).json()).toMatchObject({ total: 0, items: [] });
      const bogus = await get('/api/v1/contacts?source=unsubscribe');
      expect([bogus.statusCode, bogus.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const withdrawn = (await get(`/api/v1/contacts?listId=${listId}&status=withdrawn`)).json();
      expect(withdrawn).toMatchObject({ total: 1, items: [{ id: ids[1], lists: [{ listId, status: 'withdrawn' }] }] });
    });

    it('refuses a bad status, an over-long search or page, and a list of another account', async () => {
      expect((await get('/api/v1/contacts?status=subscribed')).statusCode).toBe(400);
      expect((await get(`/api/v1/contacts?q=${'a'.repeat(101)}`)).statusCode).toBe(400);
      expect((await get('/api/v1/contacts?limit=501')).statusCode).toBe(400);
      const intruder = await signUp(t.app);
      const res = await get(`/api/v1/contacts?listId=${listId}`, intruder);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('LIST_NOT_FOUND');
      const none = (await get('/api/v1/contacts?q=route', intruder)).json();
      expect(none).toMatchObject({ items: [], total: 0 });
    });

    it('the timeline lists ledger events and suppressions, and is 404 for another account', async () => {
      const res = await get(`/api/v1/contacts/${ids[2]}/timeline`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        events: [{ listId, kind: 'granted', sourceType: 'form', textShown: 'Yes please' }],
        suppressions: [{ reason: 'complaint', source: 'complaint:x' }],
      });
      const intruder = await signUp(t.app);
      expect((await get(`/api/v1/contacts/${ids[2]}/timeline`, intruder)).statusCode).toBe(404);
    });
  });
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`contacts bulk actions [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    let listId: string;
    const ids: string[] = [];
    const get = (url: string, who: SignedIn = owner) => t.app.inject({ method: 'GET', url, headers: who.headers });
    const post = (url: string, payload: object, who: SignedIn = owner) =>
      t.app.inject({ method: 'POST', url, headers: who.headers, payload });
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      owner = await signUp(t.app);
      const { lists, contacts, consent } = t.platform.services;
      listId = (
        await lists.create(owner.accountId, {
          name: 'News',
          purposeText: 'Monthly product news by email.',
          channel: 'email',
          frequency: 'monthly',
          senderName: 'Shop',
        })
      ).id;
      for (let i = 0; i < 4; i++) {
        const attributes = i === 0 ? { firstName: '=HYPERLINK("x")' } : {};
        ids.push((await contacts.upsert(owner.accountId, { email: `bulk${i}@example.com`, attributes })).contact.id);
      }
      await consent.record(
        owner.accountId,
        ids.map((contactId) => ({
          contactId,
          listId,
          channel: 'email' as const,
          kind: 'granted' as const,
          sourceType: 'form' as const,
          textShown: 'Yes',
        })),
      );
    });
    afterAll(async () => {
      await t?.close();
    });

    it('exports the filtered contacts as CSV, formulas defused', async () => {
      const res = await get(`/api/v1/contacts/export.csv?listId=${listId}&status=active`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body.trim().split('\r\n');
      expect(lines[0]).toBe('email,phone,name,status,lists,added');
      expect(lines).toHaveLength(5);
      expect(lines.find((l) => l.startsWith('bulk0@'))).toContain(
        `bulk0@example.com,,"'=HYPERLINK(""x"")",active,${listId}:active,`,
      );
      const intruder = await signUp(t.app);
      expect((await get('/api/v1/contacts/export.csv?q=bulk', intruder)).body.trim()).toBe('email,phone,name,status,lists,added');
    });

    it('unsubscribes contacts from one list; another account’s ids are refused; there is no bulk subscribe', async () => {
      const res = await post('/api/v1/contacts/bulk/withdraw', { listId, contactIds: [ids[0], ids[1]] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ withdrawn: 2 });
      const page = (await get(`/api/v1/contacts?listId=${listId}`)).json();
      expect(page.totals).toMatchObject({ active: 2, withdrawn: 2 });
      const intruder = await signUp(t.app);
      expect((await post('/api/v1/contacts/bulk/withdraw', { listId, contactIds: [ids[2]] }, intruder)).statusCode).toBe(404);
      expect((await post('/api/v1/contacts/bulk/erase', { contactIds: [ids[2]] }, intruder)).statusCode).toBe(404);
      expect((await post('/api/v1/contacts/bulk/subscribe', { listId, contactIds: [ids[0]] })).statusCode).toBe(404);
      expect((await get(`/api/v1/contacts?listId=${listId}`)).json().totals).toMatchObject({ active: 2, withdrawn: 2 });
    });

    it('erases contacts in bulk', async () => {
      const res = await post('/api/v1/contacts/bulk/erase', { contactIds: [ids[3]] });
      expect(res.json()).toEqual({ erased: 1 });
      const x = (await get(`/api/v1/contacts/${ids[3]}/export`)).json();
      expect(x.contact).toMatchObject({ email: null, erasedAt: expect.any(String) });
      expect((await t.platform.services.consent.verifyChain(owner.accountId)).ok).toBe(true);
    });
  });
}
