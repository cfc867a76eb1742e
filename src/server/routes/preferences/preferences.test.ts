// The preference centre shows every list the contact has consent on, archived ones marked, and
// lets the person leave an archived list too (MSG-04). Both engines, over HTTP, no login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { accountWithLists, type FormFixture } from '../forms/testing.ts';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`preference centre and archived lists [${engine}]`, () => {
    let t: TestPlatform;
    let fx: FormFixture;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      fx = await accountWithLists(t.app);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[MSG-04] an archived list is shown, marked, and can be left', async () => {
      const { accountId } = fx.owner;
      const { contact } = await t.platform.services.contacts.upsert(accountId, { email: 'ana@example.org' });
      await t.platform.services.consent.record(
        accountId,
        [fx.lists.news, fx.lists.deals].map((listId) => ({
          contactId: contact.id,
          listId,
          channel: 'email' as const,
          kind: 'granted' as const,
          sourceType: 'form' as const,
          textShown: 'I agree to receive news.',
        })),
      );
      const archived = await t.app.inject({
        method: 'POST',
        url: `/api/v1/lists/${fx.lists.deals}/archive`,
        headers: fx.owner.headers,
      });
      expect(archived.statusCode).toBe(200);
      const url = t.platform.services.unsubscribe.preferencesUrl({
        accountId,
        contactId: contact.id,
        listId: null,
        campaignId: null,
      });
      const token = url.slice(url.lastIndexOf('/') + 1);

      const page = await t.app.inject({ method: 'GET', url: `/p/${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`data-list-id="${fx.lists.deals}" data-status="active" data-archived="yes"`);
      expect(page.body).toMatch(/Deals \(email\) —\s+subscribed \(no longer sent\)/);
      expect(page.body).toContain(`data-list-id="${fx.lists.news}" data-status="active" data-archived="no"`);

      const left = await t.app.inject({
        method: 'POST',
        url: `/p/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `action=leave&listId=${fx.lists.deals}`,
      });
      expect(left.statusCode).toBe(200);
      expect(left.body).toContain(`data-list-id="${fx.lists.deals}" data-status="withdrawn" data-archived="yes"`);
      const states = await t.platform.services.consent.stateFor(accountId, contact.id);
      expect(Object.fromEntries(states.map((s) => [s.listId, s.status]))).toEqual({
        [fx.lists.news]: 'active',
        [fx.lists.deals]: 'withdrawn',
      });
      const events = await t.platform.services.consent.eventsFor(accountId, contact.id);
      expect(events.at(-1)).toMatchObject({ kind: 'withdrawn', sourceType: 'preference-center', listId: fx.lists.deals });
    });
  });
}
