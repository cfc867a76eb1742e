import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createAccountRow, emailList, permissionServices, smsList } from '../../db/repositories/permission.testkit.ts';
import { verifyProofBundle } from '../consent/proof.ts';
import { addressHash } from '../suppression/address.ts';

describeEachEngine('contacts', (db) => {
  const clock = manualClock('2026-04-01T10:00:00.000Z');
  const setup = async () => {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const list = await s.lists.create(accountId, emailList());
    return { s, accountId, list };
  };

  it('[CON-10] a contact added without consent evidence is stored but not sendable', async () => {
    const { s, accountId, list } = await setup();
    const { contact, created } = await s.contacts.upsert(accountId, { email: 'New@Example.COM', attributes: { plan: 'gold' } });
    expect(created).toBe(true);
    expect(contact.email).toBe('new@example.com');
    expect(await s.consent.stateFor(accountId, contact.id)).toEqual([]);
    const d = await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [contact.id] });
    expect(d.get(contact.id)).toEqual({ allowed: false, reason: 'no-consent' });
    // Upserting again (even with more data) never adds consent.
    const again = await s.contacts.upsert(accountId, {
      email: 'new@example.com',
      attributes: { plan: 'silver', city: 'Berlin' },
    });
    expect(again.created).toBe(false);
    expect(again.contact.attributes).toEqual({ plan: 'gold', city: 'Berlin' });
    expect(await s.consent.stateFor(accountId, contact.id)).toEqual([]);
  });

  it('[SMS-04] stores phone numbers in E.164 and refuses invalid input with field-level errors', async () => {
    const { s, accountId } = await setup();
    const { contact } = await s.contacts.upsert(accountId, { phone: '030 1234567' }, { defaultRegion: 'DE' });
    expect(contact.phone).toBe('+49301234567');
    const same = await s.contacts.upsert(accountId, { phone: '+49 (30) 123-4567' });
    expect(same).toMatchObject({ created: false, contact: { id: contact.id } });
    await expect(s.contacts.upsert(accountId, { phone: '12345' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { phone: expect.any(String) } },
    });
    await expect(s.contacts.upsert(accountId, { email: 'not-an-email', phone: '+1 202 555 0' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { email: expect.any(String), phone: expect.any(String) } },
    });
    await expect(s.contacts.upsert(accountId, {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('[CON-01] an SMS list needs its own consent even when the contact has email consent', async () => {
    const { s, accountId, list } = await setup();
    const sms = await s.lists.create(accountId, smsList());
    const { contact } = await s.contacts.upsert(accountId, { email: 'both@example.com', phone: '+447911123456' });
    await s.consent.record(accountId, [
      { contactId: contact.id, listId: list.id, channel: 'email', kind: 'granted', sourceType: 'form', textShown: 'email yes' },
    ]);
    const d = await s.gate.authorizeSend({ accountId, listId: sms.id, channel: 'sms', contactIds: [contact.id] });
    expect(d.get(contact.id)).toEqual({ allowed: false, reason: 'no-consent' });
  });

  it('[CON-08] erases a contact: personal fields gone, consent withdrawn, tombstone blocks re-adding, chain still verifies', async () => {
    const { s, accountId, list } = await setup();
    const { contact } = await s.contacts.upsert(accountId, {
      email: 'erase.me@example.com',
      phone: '+33612345678',
      attributes: { name: 'Eve' },
      language: 'fr',
    });
    await s.consent.record(accountId, [
      {
        contactId: contact.id,
        listId: list.id,
        channel: 'email',
        kind: 'granted',
        sourceType: 'form',
        textShown: 'yes',
        ip: '192.0.2.1',
      },
    ]);
    await s.contacts.erase(accountId, contact.id, { sourceId: 'user-1' });
    const after = await s.contacts.get(accountId, contact.id);
    expect(after).toMatchObject({
      email: null,
      phone: null,
      attributes: {},
      language: null,
      erasedAt: clock.now().toISOString(),
    });
    const events = await s.consent.eventsFor(accountId, contact.id);
    expect(events.map((e) => [e.kind, e.sourceType])).toEqual([
      ['granted', 'form'],
      ['withdrawn', 'erasure'],
    ]);
    expect(await s.consent.verifyChain(accountId)).toMatchObject({ ok: true, events: 2 });
    expect(verifyProofBundle(await s.consent.proofBundle(accountId, contact.id))).toMatchObject({ ok: true });
    const d = await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [contact.id] });
    expect(d.get(contact.id)).toEqual({ allowed: false, reason: 'suppressed' });
    // The tombstone stores only the hash.
    expect((await s.suppression.list(accountId)).map((e) => [e.addressHash, e.reason])).toEqual(
      expect.arrayContaining([
        [addressHash('erase.me@example.com'), 'erased'],
        [addressHash('+33612345678'), 'erased'],
      ]),
    );
    // A customer import / API call cannot bring the address back…
    await expect(s.contacts.upsert(accountId, { email: 'Erase.Me@example.com' })).rejects.toMatchObject({
      code: 'ADDRESS_ERASED',
    });
    // …the person signing up again themselves can.
    const back = await s.contacts.upsert(accountId, { email: 'erase.me@example.com' }, { origin: 'subject' });
    expect(back.created).toBe(true);
    expect(back.contact.id).not.toBe(contact.id);
  });

  it('exports everything held about a contact', async () => {
    const { s, accountId, list } = await setup();
    const { contact } = await s.contacts.upsert(accountId, { email: 'export@example.com', attributes: { a: 1 } });
    await s.consent.record(accountId, [
      {
        contactId: contact.id,
        listId: list.id,
        channel: 'email',
        kind: 'granted',
        sourceType: 'api',
        sourceId: 'key-1',
        textShown: 'yes',
      },
    ]);
    await s.suppression.add(accountId, 'export@example.com', 'manual');
    const x = await s.contacts.exportAll(accountId, contact.id);
    expect(x.contact).toMatchObject({ email: 'export@example.com', attributes: { a: 1 } });
    expect(x.consentEvents).toHaveLength(1);
    expect(x.consentStates[0]).toMatchObject({ status: 'active' });
    expect(x.suppressions[0]).toMatchObject({ reason: 'manual' });
  });

  it('pages through contacts and hides other accounts', async () => {
    const { s, accountId } = await setup();
    for (let i = 0; i < 5; i++) await s.contacts.upsert(accountId, { email: `p${i}@example.com` });
    const first = await s.contacts.list(accountId, { limit: 3 });
    const second = await s.contacts.list(accountId, { limit: 3, after: first.next! });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeNull();
    const other = await createAccountRow(db());
    expect((await s.contacts.list(other)).items).toEqual([]);
    await expect(s.contacts.get(other, first.items[0]!.id)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
  });

  it('evaluates segments over attributes, consent state and dates in SQL', async () => {
    const { s, accountId, list } = await setup();
    const a = (await s.contacts.upsert(accountId, { email: 'seg-a@example.com', attributes: { tier: 'gold', vip: true } }))
      .contact;
    const b = (await s.contacts.upsert(accountId, { email: 'seg-b@example.com', attributes: { tier: 'silver' } })).contact;
    await s.contacts.upsert(accountId, { email: 'seg-c@example.com', attributes: { tier: 'gold' } });
    await s.consent.record(accountId, [
      { contactId: a.id, listId: list.id, channel: 'email', kind: 'granted', sourceType: 'form', textShown: 'yes' },
      { contactId: b.id, listId: list.id, channel: 'email', kind: 'granted', sourceType: 'form', textShown: 'yes' },
    ]);
    const seg = await s.segments.create(accountId, {
      name: 'gold subscribers',
      filter: {
        all: [
          { type: 'attribute', key: 'tier', op: 'eq', value: 'gold' },
          { type: 'consent', listId: list.id, status: 'active' },
        ],
      },
    });
    expect((await s.segments.contacts(accountId, seg.id)).items.map((c) => c.id)).toEqual([a.id]);
    const vip = await s.segments.create(accountId, {
      name: 'vip',
      filter: {
        all: [
          { type: 'has-attribute', key: 'vip', present: true },
          { type: 'created', op: 'before', at: '2030-01-01T00:00:00.000Z' },
        ],
      },
    });
    expect((await s.segments.contacts(accountId, vip.id)).items.map((c) => c.id)).toEqual([a.id]);
    const none = await s.segments.create(accountId, {
      name: 'no consent',
      filter: { all: [{ type: 'consent', listId: list.id, status: 'none' }] },
    });
    expect((await s.segments.contacts(accountId, none.id)).items.map((c) => c.email)).toEqual(['seg-c@example.com']);
  });
});
