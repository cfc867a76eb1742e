// SMS-03 in the gate, on both engines: an SMS list's recipients outside 08:00–21:00 local time are
// deferred ('quiet-hours' with the instant their window opens), never recorded as refused; email
// lists are untouched; the dry run counts them.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createAccountRow, emailList, permissionServices, smsList } from '../../db/repositories/permission.testkit.ts';
import type { NewConsentEvent } from '../consent/types.ts';
import type { SendDecision } from './types.ts';

const grant = (contactId: string, listId: string, channel: 'email' | 'sms'): NewConsentEvent => ({
  contactId,
  listId,
  channel,
  kind: 'granted',
  sourceType: 'form',
  textShown: 'Yes, send me offers.',
});

/** 'allowed', the refusal, or 'quiet-hours until <ISO>'. */
const shown = (d: SendDecision | undefined) =>
  !d
    ? 'missing'
    : d.allowed
      ? 'allowed'
      : d.reason === 'quiet-hours'
        ? `quiet-hours until ${d.deferUntil.toISOString()}`
        : d.reason;

describeEachEngine('quiet hours in the send gate', (db) => {
  // Winter: Bucharest UTC+2, New York UTC−5, Tokyo UTC+9.
  const clock = manualClock('2026-01-15T12:00:00.000Z');

  async function world() {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const sms = await s.lists.create(accountId, smsList());
    const email = await s.lists.create(accountId, emailList());
    const mk = async (phone: string, mail: string, timeZone?: string) =>
      (await s.contacts.upsert(accountId, { phone, email: mail, ...(timeZone ? { timeZone } : {}) })).contact.id;
    const ids = {
      bucharest: await mk('+40 722 123 456', 'ana@example.ro'),
      newYork: await mk('+1 212 555 0123', 'joe@example.com'),
      tokyo: await mk('+81 90 1234 5678', 'yuki@example.jp'),
    };
    const all = Object.values(ids);
    await s.consent.record(accountId, [
      ...all.map((id) => grant(id, sms.id, 'sms')),
      ...all.map((id) => grant(id, email.id, 'email')),
    ]);
    const ask = async (at: string, listId = sms.id, channel: 'email' | 'sms' = 'sms', contactIds = all) => {
      const d = await s.gate.authorizeSend({ accountId, listId, channel, contactIds, now: new Date(at) });
      return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, shown(d.get(id))]));
    };
    return { s, accountId, sms, email, ids, ask };
  }

  it('[SMS-03] allows exactly the recipients whose local time is 08:00–21:00 and defers the others to the instant their window opens', async () => {
    const { ask } = await world();
    // 12:00 UTC: Bucharest 14:00, New York 07:00, Tokyo 21:00 (21:00 itself is quiet).
    expect(await ask('2026-01-15T12:00:00.000Z')).toEqual({
      bucharest: 'allowed',
      newYork: 'quiet-hours until 2026-01-15T13:00:00.000Z', // 08:00 EST
      tokyo: 'quiet-hours until 2026-01-15T23:00:00.000Z', // 08:00 JST the next day
    });
    // 02:00 UTC: Bucharest 04:00, New York 21:00 the day before, Tokyo 11:00.
    expect(await ask('2026-01-15T02:00:00.000Z')).toEqual({
      bucharest: 'quiet-hours until 2026-01-15T06:00:00.000Z',
      newYork: 'quiet-hours until 2026-01-15T13:00:00.000Z',
      tokyo: 'allowed',
    });
  });

  it('[SMS-03] the edges of the window are right: 20:59:59 and 08:00:00 send, 21:00:00 and 07:59:59 wait', async () => {
    const { ask } = await world();
    const bucharest = async (at: string) => (await ask(at)).bucharest;
    const newYork = async (at: string) => (await ask(at)).newYork;
    expect(await bucharest('2026-01-15T18:59:59.000Z')).toBe('allowed'); // 20:59:59 EET
    expect(await bucharest('2026-01-15T19:00:00.000Z')).toBe('quiet-hours until 2026-01-16T06:00:00.000Z'); // 21:00:00
    expect(await bucharest('2026-01-16T05:59:59.000Z')).toBe('quiet-hours until 2026-01-16T06:00:00.000Z'); // 07:59:59
    expect(await bucharest('2026-01-16T06:00:00.000Z')).toBe('allowed'); // 08:00:00
    expect(await newYork('2026-01-16T01:59:59.000Z')).toBe('allowed'); // 20:59:59 EST
    expect(await newYork('2026-01-16T02:00:00.000Z')).toBe('quiet-hours until 2026-01-16T13:00:00.000Z'); // 21:00:00
    expect(await newYork('2026-01-16T12:59:59.000Z')).toBe('quiet-hours until 2026-01-16T13:00:00.000Z'); // 07:59:59
    expect(await newYork('2026-01-16T13:00:00.000Z')).toBe('allowed'); // 08:00:00
  });

  it('[SMS-03] a DST change day opens the window at 08:00 of the new offset', async () => {
    const { ask } = await world();
    // Bucharest springs forward on 2026-03-29 (03:00 EET → 04:00 EEST): 08:00 is 05:00 UTC, not 06:00.
    expect((await ask('2026-03-28T19:30:00.000Z')).bucharest).toBe('quiet-hours until 2026-03-29T05:00:00.000Z');
    expect((await ask('2026-03-29T04:59:59.000Z')).bucharest).toBe('quiet-hours until 2026-03-29T05:00:00.000Z');
    expect((await ask('2026-03-29T05:00:00.000Z')).bucharest).toBe('allowed');
    // New York springs forward on 2026-03-08: 08:00 EDT is 12:00 UTC (13:00 the day before).
    expect((await ask('2026-03-08T11:30:00.000Z')).newYork).toBe('quiet-hours until 2026-03-08T12:00:00.000Z');
    // And falls back on 2026-11-01: 08:00 EST is 13:00 UTC; 20:59 EST is 01:59 UTC the next day.
    expect((await ask('2026-11-01T12:30:00.000Z')).newYork).toBe('quiet-hours until 2026-11-01T13:00:00.000Z');
    expect((await ask('2026-11-02T01:59:00.000Z')).newYork).toBe('allowed');
  });

  it('[SMS-03] an email list at the same instants refuses nobody for quiet hours', async () => {
    const { email, ask } = await world();
    for (const at of ['2026-01-15T12:00:00.000Z', '2026-01-15T02:00:00.000Z', '2026-01-15T19:00:00.000Z']) {
      expect(await ask(at, email.id, 'email')).toEqual({ bucharest: 'allowed', newYork: 'allowed', tokyo: 'allowed' });
    }
  });

  it('[SMS-03] a deferral is not a refusal: nothing is recorded for it, and the recipient goes once the window opens', async () => {
    const { s, accountId, sms, ask } = await world();
    await ask('2026-01-15T12:00:00.000Z');
    const counts = await s.gate.refusalCounts(accountId, { listId: sms.id });
    expect(counts.total).toBe(0);
    expect(counts.refused['quiet-hours']).toBe(0);
    expect(await ask('2026-01-15T23:00:00.000Z')).toEqual({
      bucharest: 'quiet-hours until 2026-01-16T06:00:00.000Z', // 01:00 in Bucharest
      newYork: 'allowed', // 18:00
      tokyo: 'allowed', // 08:00
    });
  });

  it('[SMS-03] quiet hours come after the consent rules: a withdrawn recipient is refused, not deferred', async () => {
    const { s, accountId, sms, ids, ask } = await world();
    await s.consent.record(accountId, [{ ...grant(ids.tokyo, sms.id, 'sms'), kind: 'withdrawn' }]);
    expect((await ask('2026-01-15T12:00:00.000Z')).tokyo).toBe('withdrawn');
    const counts = await s.gate.refusalCounts(accountId, { listId: sms.id });
    expect(counts).toMatchObject({ total: 1, refused: { withdrawn: 1, 'quiet-hours': 0 } });
  });

  it("[SMS-03] a contact's stated time zone is its local time; a number of several zones waits until it is day in all of them", async () => {
    const { s, accountId, sms } = await world();
    const traveller = (await s.contacts.upsert(accountId, { phone: '+40 722 999 888', timeZone: 'Asia/Tokyo' })).contact.id;
    const misnamed = (await s.contacts.upsert(accountId, { phone: '+40 722 999 777', timeZone: 'Mars/Olympus' })).contact.id;
    const freephone = (await s.contacts.upsert(accountId, { phone: '+1 800 555 0123' })).contact.id;
    await s.consent.record(accountId, [
      grant(traveller, sms.id, 'sms'),
      grant(misnamed, sms.id, 'sms'),
      grant(freephone, sms.id, 'sms'),
    ]);
    const d = await s.gate.authorizeSend({
      accountId,
      listId: sms.id,
      channel: 'sms',
      contactIds: [traveller, misnamed, freephone],
      now: new Date('2026-01-15T12:00:00.000Z'),
    });
    expect(shown(d.get(traveller))).toBe('quiet-hours until 2026-01-15T23:00:00.000Z'); // Tokyo, not Bucharest
    expect(shown(d.get(misnamed))).toBe('allowed'); // a zone the tz database lacks: the number's (Bucharest, 14:00)
    // +1 800 tells no region: every zone of the North American plan, from Guam (UTC+10) to
    // Pago Pago (UTC−11). The window opens when Guam reaches 08:00 (22:00 UTC; New York 17:00).
    expect(shown(d.get(freephone))).toBe('quiet-hours until 2026-01-15T22:00:00.000Z');
  });

  it('[SMS-03] a stored number whose zone is unknown is refused (quiet-hours-unknown) and recorded as a refusal', async () => {
    const { s, accountId, sms, ids, ask } = await world();
    // A number the mapping has no zone for (stored before numbers were validated, say).
    await db().db.updateTable('contacts').set({ phone: '+99912345678' }).where('id', '=', ids.tokyo).execute();
    expect((await ask('2026-01-15T12:00:00.000Z')).tokyo).toBe('quiet-hours-unknown');
    const counts = await s.gate.refusalCounts(accountId, { listId: sms.id });
    expect(counts).toMatchObject({ total: 1, refused: { 'quiet-hours-unknown': 1, 'quiet-hours': 0 } });
  });

  it('[SMS-03] the dry run of an SMS list counts the recipients waiting for quiet hours and says when the last one may go', async () => {
    const { s, accountId, sms, email } = await world();
    clock.set('2026-01-15T12:00:00.000Z');
    const report = await s.gate.dryRun(accountId, sms.id);
    expect(report).toMatchObject({ channel: 'sms', total: 3, allowed: 1, deferredUntil: '2026-01-15T23:00:00.000Z' });
    expect(report.refused['quiet-hours']).toBe(2);
    expect(report.refused['quiet-hours-unknown']).toBe(0);
    // Only some contacts (a campaign's segment): the same rule.
    const tokyo = (await s.contacts.findByAddress(accountId, { phone: '+819012345678' }))!.id;
    expect(await s.gate.dryRun(accountId, sms.id, { only: (id) => id === tokyo })).toMatchObject({
      total: 1,
      allowed: 0,
      refused: { 'quiet-hours': 1 },
      deferredUntil: '2026-01-15T23:00:00.000Z',
    });
    const mail = await s.gate.dryRun(accountId, email.id);
    expect(mail).toMatchObject({ channel: 'email', total: 3, allowed: 3, deferredUntil: null });
    expect(mail.refused['quiet-hours']).toBe(0);
    // Nothing is recorded by a dry run.
    expect((await s.gate.refusalCounts(accountId, { listId: sms.id })).total).toBe(0);
  });
});
