// GET /api/v1/account/dashboard: subscriptions gained and lost per UTC day over 30 days, from the
// consent ledger, the account's own only (both engines).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROWTH_DAYS } from '../../../core/consent/growth.ts';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

const NOW = '2026-11-22T10:00:00.000Z';

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`dashboard growth [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    let newsId: string;
    let otherListId: string;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      t.clock.set(NOW);
      owner = await signUp(t.app);
      const { lists, contacts, consent } = t.platform.services;
      const list = (name: string) =>
        lists.create(owner.accountId, {
          name,
          purposeText: `${name} by email.`,
          channel: 'email',
          frequency: 'monthly',
          senderName: 'Shop',
        });
      newsId = (await list('News')).id;
      otherListId = (await list('Offers')).id;
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await contacts.upsert(owner.accountId, { email: `g${i}@example.com` })).contact.id);
      const event = (contactId: string, listId: string, kind: 'granted' | 'requested' | 'confirmed', occurredAt: string) => ({
        contactId,
        listId,
        channel: 'email' as const,
        kind,
        sourceType: 'form' as const,
        textShown: 'Yes please',
        occurredAt,
      });
      await consent.record(owner.accountId, [
        // 40 days ago: outside the window.
        event(ids[0]!, newsId, 'granted', '2026-10-13T09:00:00.000Z'),
        event(ids[1]!, newsId, 'granted', '2026-11-20T08:00:00.000Z'),
        event(ids[2]!, otherListId, 'granted', '2026-11-20T23:59:59.000Z'),
        // A pending request is not a gain; its confirmation is.
        event(ids[3]!, newsId, 'requested', '2026-11-21T12:00:00.000Z'),
        event(ids[3]!, newsId, 'confirmed', '2026-11-22T09:00:00.000Z'),
      ]);
      await consent.withdraw(owner.accountId, ids[1]!, [newsId], { sourceType: 'unsubscribe' });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('counts gains and losses per UTC day over the last 30 days, zeros included', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/account/dashboard', headers: owner.headers });
      expect(res.statusCode).toBe(200);
      const { growth } = res.json();
      expect(growth.days).toHaveLength(GROWTH_DAYS);
      expect(growth.days[0]).toBe('2026-10-24');
      expect(growth.days.at(-1)).toBe('2026-11-22');
      const on = (day: string) => growth.days.indexOf(day);
      expect(growth.gained[on('2026-11-20')]).toBe(2);
      expect(growth.gained[on('2026-11-21')]).toBe(0);
      expect(growth.gained[on('2026-11-22')]).toBe(1);
      expect(growth.lost[on('2026-11-22')]).toBe(1);
      expect(growth).toMatchObject({ totalGained: 3, totalLost: 1 });
    });

    it('narrows to one list when asked (the service)', async () => {
      const growth = await t.platform.services.growth.growth(owner.accountId, { listId: otherListId });
      expect(growth).toMatchObject({ totalGained: 1, totalLost: 0 });
    });

    it("never counts another account's ledger", async () => {
      const other = await signUp(t.app);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/account/dashboard', headers: other.headers });
      expect(res.json().growth).toMatchObject({ totalGained: 0, totalLost: 0 });
      expect(res.json().growth.gained.every((n: number) => n === 0)).toBe(true);
    });

    it('needs a session or an API key', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/account/dashboard' })).statusCode).toBe(401);
    });
  });
}
