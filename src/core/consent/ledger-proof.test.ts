// CON-09: the ledger's proof bundle on both engines, in process (proof.test.ts checks the same
// bundles through the CLI): the contact's events, the states and head, and no bundle for a
// contact the account does not have.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createAccountRow, emailList, permissionServices } from '../../db/repositories/permission.testkit.ts';
import { verifyProofBundle } from './proof.ts';

describeEachEngine('proof bundle from the ledger', (db) => {
  const clock = manualClock('2026-05-01T10:00:00.000Z');

  it("[CON-09] the bundle holds exactly the contact's events, its states and the chain head, made now, and verifies", async () => {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const list = await s.lists.create(accountId, { ...emailList('News'), doubleOptIn: false });
    const { contact } = await s.contacts.upsert(accountId, { email: 'p@example.com' });
    const { contact: other } = await s.contacts.upsert(accountId, { email: 'q@example.com' });
    const grant = (contactId: string) => ({
      contactId,
      listId: list.id,
      channel: 'email' as const,
      kind: 'granted' as const,
      sourceType: 'operator' as const,
      textShown: 'Consent given by phone',
    });
    await s.consent.record(accountId, [grant(contact.id), grant(other.id)]);
    const head = await s.consent.chainHead(accountId);
    const bundle = await s.consent.proofBundle(accountId, contact.id);
    expect(bundle.generatedAt).toBe('2026-05-01T10:00:00.000Z');
    expect(bundle.events.map((e) => [e.seq, e.contactId])).toEqual([[1, contact.id]]);
    expect(bundle.states).toMatchObject([{ contactId: contact.id, listId: list.id, status: 'active' }]);
    expect(bundle.chainHead).toEqual({ seq: 2, hash: head.lastHash });
    expect(verifyProofBundle(bundle)).toEqual({ ok: true, events: 1 });
    expect(await s.consent.accountsWithChains()).toContain(accountId);
  });

  it('[CON-09] a contact of another account, or none, has no bundle', async () => {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const otherAccount = await createAccountRow(db());
    const { contact } = await s.contacts.upsert(otherAccount, { email: 'x@example.com' });
    for (const id of [contact.id, 'no-such-contact']) {
      await expect(s.consent.proofBundle(accountId, id)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
    }
    // A live contact without events has an empty, valid bundle.
    const { contact: mine } = await s.contacts.upsert(accountId, { email: 'y@example.com' });
    expect(verifyProofBundle(await s.consent.proofBundle(accountId, mine.id))).toEqual({ ok: true, events: 0 });
  });
});
