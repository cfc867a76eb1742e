// Lists on both engines (issue 13 §2): wording versions that never change what a stored consent
// event proves, archive / unarchive, counts per status and the daily growth series.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createAccountRow, emailList, permissionServices } from '../../db/repositories/permission.testkit.ts';
import { verifyProofBundle } from '../consent/proof.ts';
import type { NewConsentEvent } from '../consent/types.ts';

const consent = (contactId: string, listId: string, kind: NewConsentEvent['kind'], textShown: string, occurredAt?: string) => ({
  contactId,
  listId,
  channel: 'email' as const,
  kind,
  sourceType: 'api' as const,
  textShown,
  ...(occurredAt ? { occurredAt } : {}),
});

async function refusal(p: Promise<unknown>): Promise<{ code?: string; message: string } | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return e as { code?: string; message: string };
  }
}

describeEachEngine('lists', (db) => {
  const clock = manualClock('2026-03-10T12:00:00.000Z');

  async function world() {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const list = await s.lists.create(accountId, emailList());
    const contact = async (email: string) => (await s.contacts.upsert(accountId, { email })).contact.id;
    return { s, accountId, list, contact };
  }

  it('[CON-07] [CON-08] a new purpose text is version 2; consent given under version 1 still proves its own text and names version 1', async () => {
    const { s, accountId, list, contact } = await world();
    expect(list.version).toBe(1);
    const ana = await contact('ana@example.com');
    const v1Text = `Yes: ${list.purposeText}`;
    await s.consent.record(accountId, [consent(ana, list.id, 'granted', v1Text)]);

    clock.advance(60_000);
    const edited = await s.lists.update(accountId, list.id, {
      purposeText: 'Weekly deals and product news.',
      frequency: 'weekly',
    });
    expect(edited).toMatchObject({ version: 2, purposeText: 'Weekly deals and product news.', frequency: 'weekly' });
    const versions = await s.lists.versions(accountId, list.id);
    expect(versions.map((v) => [v.version, v.purposeText, v.frequency])).toEqual([
      [2, 'Weekly deals and product news.', 'weekly'],
      [1, list.purposeText, 'monthly'],
    ]);
    expect(versions[0]!.createdAt).toBe(clock.now().toISOString());

    const bob = await contact('bob@example.com');
    await s.consent.record(accountId, [consent(bob, list.id, 'granted', 'Yes: Weekly deals and product news.')]);

    const [anaEvent] = await s.consent.eventsFor(accountId, ana);
    expect(anaEvent).toMatchObject({ textShown: v1Text, evidence: { listVersion: 1 } });
    const [bobEvent] = await s.consent.eventsFor(accountId, bob);
    expect(bobEvent!.evidence).toMatchObject({ listVersion: 2 });
    // The stored event and its hash are unchanged by the edit: the proof and the chain verify.
    const proof = await s.consent.proofBundle(accountId, ana);
    expect(verifyProofBundle(proof).ok).toBe(true);
    expect(proof.events[0]).toMatchObject({ textShown: v1Text, evidence: { listVersion: 1 } });
    expect((await s.consent.verifyChain(accountId)).ok).toBe(true);
  });

  it('only a change of the wording is a new version: the name, double opt-in or the same text again are not', async () => {
    const { s, accountId, list } = await world();
    const renamed = await s.lists.update(accountId, list.id, { name: 'Monthly news', doubleOptIn: false });
    expect(renamed).toMatchObject({ name: 'Monthly news', doubleOptIn: false, version: 1 });
    const same = await s.lists.update(accountId, list.id, { purposeText: ` ${list.purposeText} `, senderName: list.senderName });
    expect(same.version).toBe(1);
    const sender = await s.lists.update(accountId, list.id, { senderName: 'Shop SRL' });
    expect(sender.version).toBe(2);
    expect((await s.lists.versions(accountId, list.id)).map((v) => [v.version, v.senderName])).toEqual([
      [2, 'Shop SRL'],
      [1, 'Shop'],
    ]);
  });

  it('list versions are append-only: the database refuses to change or remove one', async () => {
    const { accountId, list } = await world();
    const change = db()
      .db.updateTable('list_versions')
      .set({ purpose_text: 'rewritten' })
      .where('list_id', '=', list.id)
      .execute();
    expect((await refusal(change))?.message).toMatch(/append-only/);
    expect((await refusal(db().db.deleteFrom('list_versions').where('list_id', '=', list.id).execute()))?.message).toMatch(
      /append-only/,
    );
    const s = permissionServices(db(), clock);
    expect((await s.lists.versions(accountId, list.id))[0]!.purposeText).toBe(list.purposeText);
  });

  it('[DEL-01] an archived list is listed apart, read-only and refused by the gate; unarchived it is back', async () => {
    const { s, accountId, list, contact } = await world();
    const ana = await contact('ana@example.com');
    await s.consent.record(accountId, [consent(ana, list.id, 'granted', 'Yes, email me.')]);
    const archived = await s.lists.archive(accountId, list.id);
    expect(archived.archivedAt).toBe(clock.now().toISOString());
    expect((await s.lists.list(accountId)).map((l) => l.id)).not.toContain(list.id);
    expect((await s.lists.list(accountId, { includeArchived: true })).map((l) => l.id)).toContain(list.id);
    expect((await refusal(s.lists.update(accountId, list.id, { name: 'Renamed' })))?.code).toBe('LIST_ARCHIVED');
    const refused = await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ana] });
    expect(refused.get(ana)).toEqual({ allowed: false, reason: 'list-archived' });

    const back = await s.lists.unarchive(accountId, list.id);
    expect(back.archivedAt).toBeNull();
    expect((await s.lists.list(accountId)).map((l) => l.id)).toContain(list.id);
    const allowed = await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ana] });
    expect(allowed.get(ana)).toEqual({ allowed: true });
    expect((await s.lists.update(accountId, list.id, { name: 'Renamed' })).name).toBe('Renamed');
  });

  it('counts the list per status with the contacts totals (active, pending, held, withdrawn, suppressed)', async () => {
    const { s, accountId, list, contact } = await world();
    const other = await s.lists.create(accountId, emailList('Other'));
    const [a1, a2, p, h, w, sup, elsewhere] = await Promise.all(
      ['a1', 'a2', 'p', 'h', 'w', 'sup', 'elsewhere'].map((n) => contact(`${n}@example.com`)),
    );
    await s.consent.record(accountId, [
      consent(a1!, list.id, 'granted', 'Yes'),
      consent(a2!, list.id, 'granted', 'Yes'),
      consent(p!, list.id, 'requested', 'Yes'),
      consent(h!, list.id, 'granted', 'Yes'),
      consent(w!, list.id, 'granted', 'Yes'),
      consent(w!, list.id, 'withdrawn', ''),
      consent(sup!, list.id, 'granted', 'Yes'),
      consent(elsewhere!, other.id, 'granted', 'Yes'),
    ]);
    await db()
      .db.updateTable('consent_state')
      .set({ hold: 'import-1' })
      .where('contact_id', '=', h!)
      .where('list_id', '=', list.id)
      .execute();
    await s.suppression.add(accountId, 'sup@example.com', 'manual');
    const stats = await s.lists.stats(accountId, list.id, 30);
    expect(stats.counts).toEqual({ active: 2, pending: 1, held: 1, withdrawn: 1, suppressed: 1 });
    // The other list counts its own contacts. (Its `suppressed` is the contacts screen's: the
    // contacts totals count a suppressed address under any list filter.)
    expect((await s.lists.stats(accountId, other.id, 30)).counts).toMatchObject({ active: 1, pending: 0, held: 0, withdrawn: 0 });
  });

  it('the growth series gives every day of the period with distinct contacts gained and lost, from the ledger', async () => {
    const { s, accountId, list, contact } = await world();
    const doi = await s.lists.create(accountId, { ...emailList('Double'), doubleOptIn: true });
    const [a, b, c, d] = await Promise.all(['a', 'b', 'c', 'd'].map((n) => contact(`${n}@example.com`)));
    await s.consent.record(accountId, [
      // 40 days ago: outside a 30-day window, inside a 90-day one.
      consent(a!, list.id, 'granted', 'Yes', '2026-01-29T09:00:00.000Z'),
      consent(b!, list.id, 'granted', 'Yes', '2026-03-08T09:00:00.000Z'),
      consent(c!, list.id, 'granted', 'Yes', '2026-03-08T18:00:00.000Z'),
      consent(a!, list.id, 'withdrawn', '', '2026-03-09T10:00:00.000Z'),
      // Granted twice the same day: one contact gained.
      consent(d!, list.id, 'granted', 'Yes', '2026-03-10T08:00:00.000Z'),
      consent(d!, list.id, 'granted', 'Yes again', '2026-03-10T09:00:00.000Z'),
      // A double opt-in request is not a gain until confirmed; another list does not count.
      consent(b!, doi.id, 'requested', 'Yes', '2026-03-10T09:00:00.000Z'),
    ]);
    const month = await s.lists.stats(accountId, list.id, 30);
    expect(month.growth).toHaveLength(30);
    expect(month.growth[0]!.day).toBe('2026-02-09');
    expect(month.growth.at(-1)).toEqual({ day: '2026-03-10', gained: 1, lost: 0 });
    expect(month.growth.filter((g) => g.gained > 0 || g.lost > 0)).toEqual([
      { day: '2026-03-08', gained: 2, lost: 0 },
      { day: '2026-03-09', gained: 0, lost: 1 },
      { day: '2026-03-10', gained: 1, lost: 0 },
    ]);
    const quarter = await s.lists.stats(accountId, list.id, 90);
    expect(quarter.growth).toHaveLength(90);
    expect(quarter.growth.find((g) => g.day === '2026-01-29')).toEqual({ day: '2026-01-29', gained: 1, lost: 0 });
    expect((await s.lists.stats(accountId, doi.id, 30)).growth.every((g) => g.gained === 0)).toBe(true);
  });
});
