// The contacts listing: search, list/status filters, totals, keyset pages (both engines).
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createAccountRow, emailList, permissionServices } from '../../db/repositories/permission.testkit.ts';
import { contactName } from './service.ts';

describeEachEngine('contacts listing', (db) => {
  const clock = manualClock('2026-04-01T10:00:00.000Z');

  /** 30 contacts on one list: 20 active, 5 withdrawn, 3 pending, 2 suppressed (1 own, 1 platform-wide). */
  const world = async () => {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const list = await s.lists.create(accountId, emailList());
    const other = await s.lists.create(accountId, emailList('Other'));
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const { contact } = await s.contacts.upsert(accountId, {
        email: `person${String(i).padStart(2, '0')}@shop-${i % 2 ? 'odd' : 'even'}.example`,
        attributes: i === 7 ? { firstName: 'Ioana', lastName: 'Popescu' } : i === 8 ? { first_name: 'Zoltán' } : {},
      });
      ids.push(contact.id);
    }
    const grant = (contactIds: string[], kind: 'granted' | 'requested') =>
      s.consent.record(
        accountId,
        contactIds.map((contactId) => ({
          contactId,
          listId: list.id,
          channel: 'email' as const,
          kind,
          sourceType: 'form' as const,
          textShown: 'Yes, send me the newsletter.',
        })),
      );
    await grant(ids.slice(0, 27), 'granted'); // 0..26 active for now
    await grant(ids.slice(27, 30), 'requested'); // 27..29 pending
    for (const id of ids.slice(20, 25)) await s.consent.withdraw(accountId, id, [list.id], { sourceType: 'unsubscribe' });
    await s.suppression.add(accountId, 'person25@shop-odd.example', 'complaint', 'complaint:c1');
    await s.suppression.add(null, 'person26@shop-even.example', 'hard-bounce', 'bounce:b1');
    return { s, accountId, list, other, ids };
  };

  it('[CON-01] counts the statuses of one list: 20 active, 5 withdrawn, 3 pending, 2 suppressed', async () => {
    const { s, accountId, list, other } = await world();
    const page = await s.contacts.list(accountId, { listId: list.id, limit: 5 });
    expect(page.total).toBe(30);
    expect(page.totals).toEqual({ active: 20, withdrawn: 5, pending: 3, suppressed: 2, held: 0, none: 0 });
    for (const [status, n] of [
      ['active', 20],
      ['withdrawn', 5],
      ['pending', 3],
      ['suppressed', 2],
    ] as const) {
      const filtered = await s.contacts.list(accountId, { listId: list.id, status, limit: 100 });
      expect(filtered.total, status).toBe(n);
      expect(filtered.items, status).toHaveLength(n);
      expect(filtered.items.every((c) => c.status === status)).toBe(true);
    }
    // Nobody joined the other list: it has no members, suppressed or not.
    expect((await s.contacts.list(accountId, { listId: other.id })).total).toBe(0);
    // The row carries the per-list status.
    const row = (await s.contacts.list(accountId, { q: 'person25@' })).items[0]!;
    expect(row).toMatchObject({ status: 'suppressed', lists: [{ listId: list.id, status: 'suppressed' }] });
  });

  it('leaves erased contacts out of the listing, the totals and the search', async () => {
    const { s, accountId, list, ids } = await world();
    await s.contacts.erase(accountId, ids[7]!, { sourceId: null });
    await s.contacts.erase(accountId, ids[0]!, { sourceId: null });
    const page = await s.contacts.list(accountId, { listId: list.id, limit: 100 });
    expect(page.total).toBe(28);
    expect(page.items.map((c) => c.id)).not.toContain(ids[7]);
    expect(page.items.map((c) => c.id)).not.toContain(ids[0]);
    // Both had active consent on the list: the erasure withdrew it, and neither is counted.
    expect(page.totals).toEqual({ active: 18, withdrawn: 5, pending: 3, suppressed: 2, held: 0, none: 0 });
    expect((await s.contacts.list(accountId, { q: 'Popescu', limit: 10 })).total).toBe(0);
    expect((await s.contacts.list(accountId, { limit: 100 })).total).toBe(28);
  });

  it("a list's filter counts only its members, suppressed ones too, never contacts that never joined it", async () => {
    const { s, accountId, list, other } = await world();
    const { contact: outsider } = await s.contacts.upsert(accountId, { email: 'never-joined@shop.example', attributes: {} });
    await s.suppression.add(accountId, 'never-joined@shop.example', 'complaint', 'complaint:c2');
    await s.contacts.upsert(accountId, { email: 'no-consent@shop.example', attributes: {} });
    const page = await s.contacts.list(accountId, { listId: list.id, limit: 100 });
    expect(page.total).toBe(30);
    expect(page.totals).toEqual({ active: 20, withdrawn: 5, pending: 3, suppressed: 2, held: 0, none: 0 });
    expect(page.items.map((c) => c.id)).not.toContain(outsider.id);
    // The other list has no members at all; the whole account still lists all 32.
    expect((await s.contacts.list(accountId, { listId: other.id, limit: 100 })).total).toBe(0);
    const all = await s.contacts.list(accountId, { limit: 100 });
    expect([all.total, all.totals.suppressed, all.totals.none]).toEqual([32, 3, 1]);
  });

  it('filters by where the consent came from, on the list when one is set, with totals to match', async () => {
    const { s, accountId, list, other, ids } = await world();
    // Everyone in the world came by a form; 3 of them also by an import on the other list, 1 by the API.
    await s.consent.record(
      accountId,
      ids.slice(0, 3).map((contactId) => ({
        contactId,
        listId: other.id,
        channel: 'email' as const,
        kind: 'granted' as const,
        sourceType: 'import' as const,
        textShown: 'Imported with their opt-in.',
      })),
    );
    const { contact: viaApi } = await s.contacts.upsert(accountId, { email: 'api-person@shop.example', attributes: {} });
    await s.consent.record(accountId, [
      { contactId: viaApi.id, listId: list.id, channel: 'email', kind: 'granted', sourceType: 'api', textShown: 'Yes' },
    ]);
    const imported = await s.contacts.list(accountId, { source: 'import', limit: 100 });
    expect(imported.items.map((c) => c.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(imported.totals).toMatchObject({ active: 3 });
    // On the first list nobody came by an import; the API person did.
    expect((await s.contacts.list(accountId, { listId: list.id, source: 'import', limit: 100 })).total).toBe(0);
    const api = await s.contacts.list(accountId, { listId: list.id, source: 'api', limit: 100 });
    expect([api.total, api.items[0]?.id]).toEqual([1, viaApi.id]);
    // A withdrawal is not an origin: 'unsubscribe' is not a source one can filter by, and the form
    // filter still finds the 30 (the 5 withdrawn among them).
    const viaForm = await s.contacts.list(accountId, { listId: list.id, source: 'form', limit: 100 });
    expect([viaForm.total, viaForm.totals.withdrawn]).toEqual([30, 5]);
    expect(await s.contacts.totals(accountId, { source: 'api' })).toMatchObject({ active: 1, withdrawn: 0 });
  });

  it('shows a consent held by an import under review as held', async () => {
    const { s, accountId, list, ids } = await world();
    await db()
      .db.updateTable('consent_state')
      .set({ hold: 'import-1' })
      .where('account_id', '=', accountId)
      .where('contact_id', '=', ids[0]!)
      .execute();
    const page = await s.contacts.list(accountId, { listId: list.id, status: 'held' });
    expect(page.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(page.totals).toMatchObject({ active: 19, held: 1 });
    // Without a list the overall status partitions the contacts too.
    const all = await s.contacts.list(accountId, {});
    expect(all.totals).toMatchObject({ active: 19, held: 1, withdrawn: 5, pending: 3, suppressed: 2 });
  });

  it('finds a contact by part of its address and by name, case-insensitively', async () => {
    const { s, accountId, ids } = await world();
    const emails = async (q: string) => (await s.contacts.list(accountId, { q })).items.map((c) => c.email);
    expect(await emails('PERSON07')).toEqual(['person07@shop-odd.example']);
    expect(await emails('person1')).toHaveLength(10);
    expect(await emails('07@shop')).toEqual(['person07@shop-odd.example']); // substring
    expect((await s.contacts.list(accountId, { q: 'shop-odd' })).total).toBe(15);
    expect(await emails('popescu')).toEqual(['person07@shop-odd.example']);
    expect(await emails('ioana pop')).toEqual(['person07@shop-odd.example']);
    expect(await emails('zolt')).toEqual(['person08@shop-even.example']);
    expect(await emails('Io')).toEqual(['person07@shop-odd.example']); // short: name prefix
    expect(await emails('rs')).toEqual([]); // short: prefixes only, no substring scan
    expect(await emails('100%')).toEqual([]); // LIKE wildcards are literal
    expect(await emails('_')).toEqual([]);
    const row = (await s.contacts.list(accountId, { q: 'ioana' })).items[0]!;
    expect(row).toMatchObject({ id: ids[7], name: 'Ioana Popescu', status: 'active' });
  });

  it('pages through every contact exactly once, with filters too', async () => {
    const { s, accountId, list } = await world();
    for (const filter of [{}, { listId: list.id, status: 'active' as const }, { q: 'shop-even' }]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await s.contacts.list(accountId, { ...filter, after, limit: 7 });
        seen.push(...page.items.map((c) => c.id));
        if (!page.next) {
          expect(seen).toHaveLength(page.total);
          break;
        }
        after = page.next;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(seen);
    }
  });

  it("never shows another account's contacts, and refuses another account's list", async () => {
    const { s, accountId, list } = await world();
    const intruder = await createAccountRow(db());
    expect(await s.contacts.list(intruder, { q: 'person' })).toMatchObject({ items: [], total: 0 });
    await expect(s.contacts.list(intruder, { listId: list.id })).rejects.toMatchObject({ code: 'LIST_NOT_FOUND' });
    await s.contacts.upsert(intruder, { email: 'person99@shop-odd.example' });
    expect((await s.contacts.list(accountId, { q: 'person99' })).total).toBe(0);
  });

  it('the timeline holds every ledger event of the contact and its suppressions', async () => {
    const { s, accountId, list, ids } = await world();
    const t = await s.contacts.timeline(accountId, ids[25]!);
    expect(t.events.map((e) => [e.listId, e.kind, e.sourceType, e.textShown])).toEqual([
      [list.id, 'granted', 'form', 'Yes, send me the newsletter.'],
    ]);
    expect(t.suppressions).toMatchObject([{ reason: 'complaint', source: 'complaint:c1' }]);
    const w = await s.contacts.timeline(accountId, ids[20]!);
    expect(w.events.map((e) => e.kind)).toEqual(['granted', 'withdrawn']);
    await expect(s.contacts.timeline(await createAccountRow(db()), ids[0]!)).rejects.toMatchObject({
      code: 'CONTACT_NOT_FOUND',
    });
  });
});

it('contactName reads the import and form attribute names', () => {
  expect(contactName({ firstName: 'Ana', lastName: 'Pop' })).toBe('Ana Pop');
  expect(contactName({ first_name: 'Ion' })).toBe('Ion');
  expect(contactName({ name: 'Shop Team' })).toBe('Shop Team');
  expect(contactName({ firstName: 3 })).toBeNull();
});
