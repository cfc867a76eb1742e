import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import {
  createAccountRow,
  createFormRow,
  dropLedgerTriggers,
  emailList,
  permissionServices,
  smsList,
} from '../../db/repositories/permission.testkit.ts';
import { GENESIS_HASH, canonicalJson, eventHash, sha256Hex } from './canonical.ts';
import type { NewConsentEvent } from './types.ts';

const TEXT = 'Yes, send me the monthly Shop newsletter by email. Unsubscribe any time.';

describeEachEngine('consent ledger', (db) => {
  const clock = manualClock('2026-03-01T09:00:00.000Z');
  /** The form of the account set up last (events name it: a form of the same account). */
  let formId = '';
  const setup = async () => {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    formId = await createFormRow(db(), accountId, `form-${accountId}`, 3);
    const listA = await s.lists.create(accountId, emailList('A'));
    const listB = await s.lists.create(accountId, emailList('B'));
    const sms = await s.lists.create(accountId, smsList());
    const { contact } = await s.contacts.upsert(accountId, { email: 'Ann@Example.com', phone: '+49 30 1234567' });
    return { s, accountId, listA, listB, sms, contact };
  };
  const grant = (contactId: string, listId: string, extra: Partial<NewConsentEvent> = {}): NewConsentEvent => ({
    contactId,
    listId,
    channel: 'email',
    kind: 'granted',
    sourceType: 'form',
    sourceId: 'sub-1',
    formId,
    formVersion: 3,
    textShown: TEXT,
    ...extra,
  });

  it('[CON-01] consent is per list and channel: email consent on list A allows neither list B nor SMS', async () => {
    const { s, accountId, listA, listB, sms, contact } = await setup();
    await s.consent.record(accountId, [grant(contact.id, listA.id)]);
    const now = clock.now();
    const a = await s.gate.authorizeSend({ accountId, listId: listA.id, channel: 'email', contactIds: [contact.id], now });
    const b = await s.gate.authorizeSend({ accountId, listId: listB.id, channel: 'email', contactIds: [contact.id], now });
    const c = await s.gate.authorizeSend({ accountId, listId: sms.id, channel: 'sms', contactIds: [contact.id], now });
    const wrongChannel = await s.gate.authorizeSend({
      accountId,
      listId: listA.id,
      channel: 'sms',
      contactIds: [contact.id],
      now,
    });
    expect(a.get(contact.id)).toEqual({ allowed: true });
    expect(b.get(contact.id)).toEqual({ allowed: false, reason: 'no-consent' });
    expect(c.get(contact.id)).toEqual({ allowed: false, reason: 'no-consent' });
    expect(wrongChannel.get(contact.id)).toEqual({ allowed: false, reason: 'no-consent' });
    // An email consent cannot be recorded against an SMS list.
    await expect(s.consent.record(accountId, [grant(contact.id, sms.id)])).rejects.toMatchObject({ code: 'CHANNEL_MISMATCH' });
  });

  it('[CON-07] stores every field of a consent event, including double opt-in confirmation', async () => {
    const { s, accountId, listA, contact } = await setup();
    await s.consent.record(accountId, [
      grant(contact.id, listA.id, {
        kind: 'requested',
        partners: ['Partner GmbH'],
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 test',
        language: 'de',
        occurredAt: '2026-03-01T08:59:00.000Z',
        evidence: { page: '/f/abc' },
      }),
    ]);
    const [confirmed] = await s.consent.record(accountId, [
      grant(contact.id, listA.id, {
        kind: 'confirmed',
        confirmedAt: '2026-03-01T08:59:30.000Z',
        confirmIp: '203.0.113.8',
        confirmUserAgent: 'Mail app',
        textShown: TEXT,
      }),
    ]);
    const events = await s.consent.eventsFor(accountId, contact.id);
    expect(events).toHaveLength(2);
    const [req] = events;
    expect(req).toMatchObject({
      seq: 1,
      accountId,
      contactId: contact.id,
      listId: listA.id,
      channel: 'email',
      kind: 'requested',
      sourceType: 'form',
      sourceId: 'sub-1',
      formId,
      formVersion: 3,
      textShown: TEXT,
      textHash: sha256Hex(TEXT),
      partners: ['Partner GmbH'],
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 test',
      language: 'de',
      occurredAt: '2026-03-01T08:59:00.000Z',
      evidence: { page: '/f/abc' },
      prevHash: GENESIS_HASH,
    });
    expect(events[1]).toEqual(confirmed);
    expect(confirmed).toMatchObject({
      seq: 2,
      kind: 'confirmed',
      confirmedAt: '2026-03-01T08:59:30.000Z',
      confirmIp: '203.0.113.8',
      confirmUserAgent: 'Mail app',
      prevHash: req!.hash,
    });
    const [state] = await s.consent.stateFor(accountId, contact.id);
    expect(state).toMatchObject({
      status: 'active',
      grantedAt: '2026-03-01T08:59:00.000Z',
      confirmedAt: '2026-03-01T08:59:30.000Z',
      lastEventSeq: 2,
    });
  });

  it('[CON-07] refuses a grant without the exact text shown', async () => {
    const { s, accountId, listA, contact } = await setup();
    await expect(s.consent.record(accountId, [grant(contact.id, listA.id, { textShown: '  ' })])).rejects.toMatchObject({
      code: 'CONSENT_TEXT_REQUIRED',
    });
    expect(await s.consent.eventsFor(accountId, contact.id)).toEqual([]);
  });

  it('[CON-08] events are hash-chained per account over the canonical serialisation', async () => {
    const { s, accountId, listA, listB, contact } = await setup();
    const events = await s.consent.record(accountId, [grant(contact.id, listA.id), grant(contact.id, listB.id)]);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    const { hash: _h, ...fields } = events[1]!;
    expect(events[1]!.hash).toBe(sha256Hex(events[1]!.prevHash + canonicalJson(fields)));
    expect(eventHash(events[1]!)).toBe(events[1]!.hash);
    expect(await s.consent.verifyChain(accountId)).toMatchObject({ ok: true, events: 2 });
  });

  it('[CON-08] withdrawal is a new event; earlier events stay as they were', async () => {
    const { s, accountId, listA, contact } = await setup();
    const [granted] = await s.consent.record(accountId, [grant(contact.id, listA.id)]);
    const withdrawn = await s.consent.withdraw(accountId, contact.id, [listA.id], {
      sourceType: 'unsubscribe',
      sourceId: 'tok-1',
      textShown: 'Unsubscribe',
    });
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({ kind: 'withdrawn', seq: 2, prevHash: granted!.hash, sourceType: 'unsubscribe' });
    const events = await s.consent.eventsFor(accountId, contact.id);
    expect(events[0]).toEqual(granted);
    expect((await s.consent.stateFor(accountId, contact.id))[0]!.status).toBe('withdrawn');
    const d = await s.gate.authorizeSend({
      accountId,
      listId: listA.id,
      channel: 'email',
      contactIds: [contact.id],
      now: clock.now(),
    });
    expect(d.get(contact.id)).toEqual({ allowed: false, reason: 'withdrawn' });
    // A second withdrawal of the same list adds nothing.
    expect(await s.consent.withdraw(accountId, contact.id, 'all', { sourceType: 'unsubscribe' })).toEqual([]);
  });

  it('[CON-08] the database refuses UPDATE and DELETE on the ledger', async () => {
    const { s, accountId, listA, contact } = await setup();
    await s.consent.record(accountId, [grant(contact.id, listA.id)]);
    await expect(sql`update consent_events set ip = '1.1.1.1' where account_id = ${accountId}`.execute(db().db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from consent_events where account_id = ${accountId}`.execute(db().db)).rejects.toThrow(/append-only/);
  });

  it('[CON-06] a confirmation after a withdrawal is refused and subscribes nobody', async () => {
    const { s, accountId, listA, contact } = await setup();
    await s.consent.record(accountId, [grant(contact.id, listA.id, { kind: 'requested' })]);
    await s.consent.withdraw(accountId, contact.id, 'all', { sourceType: 'unsubscribe' });
    await expect(s.consent.record(accountId, [grant(contact.id, listA.id, { kind: 'confirmed' })])).rejects.toMatchObject({
      code: 'CONSENT_NOT_PENDING',
    });
    expect((await s.consent.stateFor(accountId, contact.id))[0]!.status).toBe('withdrawn');
    expect(await s.consent.verifyChain(accountId)).toMatchObject({ ok: true, events: 2 });
  });

  it('[CON-08] concurrent appends keep one unbroken chain', async () => {
    const { s, accountId, listA } = await setup();
    const contacts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => s.contacts.upsert(accountId, { email: `c${i}@example.com` })),
    );
    await Promise.all(contacts.map(({ contact }) => s.consent.record(accountId, [grant(contact.id, listA.id)])));
    const v = await s.consent.verifyChain(accountId);
    expect(v).toMatchObject({ ok: true, events: 12 });
  });

  it('[CON-08] ledger verify detects an edited past event, a deleted event and a truncated tail', async () => {
    const { s, accountId, listA, listB, contact } = await setup();
    const events = await s.consent.record(accountId, [
      grant(contact.id, listA.id),
      grant(contact.id, listB.id),
      grant(contact.id, listA.id, { kind: 'withdrawn', sourceType: 'unsubscribe' }),
      grant(contact.id, listB.id, { kind: 'withdrawn', sourceType: 'unsubscribe' }),
    ]);
    await dropLedgerTriggers(db());
    // Edit: the IP of the first event changes.
    await sql`update consent_events set ip = '198.51.100.1' where id = ${events[0]!.id}`.execute(db().db);
    let v = await s.consent.verifyChain(accountId);
    expect(v.ok).toBe(false);
    expect(v.firstProblem).toMatchObject({ seq: 1, eventId: events[0]!.id, problem: 'hash-mismatch' });
    await sql`update consent_events set ip = null where id = ${events[0]!.id}`.execute(db().db);
    expect((await s.consent.verifyChain(accountId)).ok).toBe(true);
    // Truncate the tail: the newest event goes; the chain head still names seq 4.
    await sql`delete from consent_events where id = ${events[3]!.id}`.execute(db().db);
    v = await s.consent.verifyChain(accountId);
    expect(v).toMatchObject({ ok: false, firstProblem: { seq: 4, problem: 'head-mismatch' } });
    // Delete a middle event too: the gap is the first problem.
    await sql`delete from consent_events where id = ${events[1]!.id}`.execute(db().db);
    v = await s.consent.verifyChain(accountId);
    expect(v.firstProblem).toMatchObject({ seq: 2, problem: 'seq-gap' });
  });

  it('[CON-08] ledger verify detects removal of the newest events', async () => {
    const { s, accountId, listA, contact } = await setup();
    const events = await s.consent.record(accountId, [
      grant(contact.id, listA.id),
      grant(contact.id, listA.id, { kind: 'withdrawn', sourceType: 'unsubscribe' }),
    ]);
    await dropLedgerTriggers(db()).catch(() => {});
    await sql`delete from consent_events where id = ${events[1]!.id}`.execute(db().db);
    const v = await s.consent.verifyChain(accountId);
    expect(v).toMatchObject({ ok: false, firstProblem: { problem: 'head-mismatch' } });
  });

  it('[CON-07] an event naming a form must name a form of its own account and a version it has', async () => {
    const { s, accountId, listA, contact } = await setup();
    const own = formId;
    const other = await createAccountRow(db());
    const foreign = await createFormRow(db(), other, `form-other-${other}`);
    await expect(s.consent.record(accountId, [grant(contact.id, listA.id, { formId: foreign })])).rejects.toMatchObject({
      code: 'FORM_NOT_FOUND',
    });
    await expect(s.consent.record(accountId, [grant(contact.id, listA.id, { formId: 'no-such-form' })])).rejects.toMatchObject({
      code: 'FORM_NOT_FOUND',
    });
    await expect(s.consent.record(accountId, [grant(contact.id, listA.id, { formVersion: 4 })])).rejects.toMatchObject({
      code: 'FORM_VERSION_NOT_FOUND',
    });
    await expect(s.consent.record(accountId, [grant(contact.id, listA.id, { formId: null })])).rejects.toMatchObject({
      code: 'CONSENT_FORM_REQUIRED',
    });
    expect(await s.consent.eventsFor(accountId, contact.id)).toEqual([]);
    const [ok] = await s.consent.record(accountId, [grant(contact.id, listA.id, { formId: own, formVersion: 3 })]);
    expect(ok).toMatchObject({ formId: own, formVersion: 3 });
  });

  it('[CON-13] no event of any source carries a future time: refused past the skew allowance, clamped to now within it', async () => {
    const { s, accountId, listA, listB, contact } = await setup();
    for (const sourceType of ['api', 'operator', 'import', 'form'] as const) {
      await expect(
        s.consent.record(accountId, [grant(contact.id, listA.id, { sourceType, occurredAt: '2099-01-01T00:00:00Z' })]),
      ).rejects.toMatchObject({ code: 'CONSENT_TIME_IN_FUTURE', details: { field: 'occurredAt' } });
    }
    await expect(
      s.consent.record(accountId, [
        grant(contact.id, listA.id, { kind: 'confirmed', confirmedAt: new Date(clock.now().getTime() + 3600_000).toISOString() }),
      ]),
    ).rejects.toMatchObject({ code: 'CONSENT_TIME_IN_FUTURE', details: { field: 'confirmedAt' } });
    expect(await s.consent.eventsFor(accountId, contact.id)).toEqual([]);
    const skewed = new Date(clock.now().getTime() + 60_000).toISOString();
    const [e] = await s.consent.record(accountId, [grant(contact.id, listB.id, { sourceType: 'api', occurredAt: skewed })]);
    expect(e!.occurredAt).toBe(clock.now().toISOString());
  });

  it('[CON-01] consent of another account cannot be recorded or read', async () => {
    const { s, accountId, listA, contact } = await setup();
    const other = await createAccountRow(db());
    await expect(s.consent.record(other, [grant(contact.id, listA.id)])).rejects.toMatchObject({ code: 'LIST_NOT_FOUND' });
    await s.consent.record(accountId, [grant(contact.id, listA.id)]);
    expect(await s.consent.eventsFor(other, contact.id)).toEqual([]);
    await expect(s.consent.proofBundle(other, contact.id)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
  });
});
