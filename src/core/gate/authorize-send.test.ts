import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { openDatabase } from '../../db/database.ts';
import { createGateStore } from '../../db/repositories/gate.ts';
import { createAccountRow, emailList, permissionServices, smsList } from '../../db/repositories/permission.testkit.ts';
import { forbidden } from '../errors.ts';
import { silentLogger } from '../ports.ts';
import type { NewConsentEvent } from '../consent/types.ts';
import { authorizeSend, REPERMISSION_AFTER_MONTHS } from './authorize-send.ts';
import { createGateService } from './service.ts';
import type { GateStore } from './types.ts';

const DAY = 86_400_000;
const grant = (
  contactId: string,
  listId: string,
  kind: NewConsentEvent['kind'] = 'granted',
  channel: 'email' | 'sms' = 'email',
): NewConsentEvent => ({
  contactId,
  listId,
  channel,
  kind,
  sourceType: 'form',
  textShown: 'Yes, email me the newsletter.',
});

describeEachEngine('send gate', (db) => {
  const clock = manualClock('2026-01-10T12:00:00.000Z');

  async function world() {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const list = await s.lists.create(accountId, emailList());
    const mk = async (email: string) => (await s.contacts.upsert(accountId, { email })).contact.id;
    const ids = {
      active: await mk('active@example.com'),
      pending: await mk('pending@example.com'),
      withdrawn: await mk('withdrawn@example.com'),
      none: await mk('none@example.com'),
      suppressed: await mk('suppressed@example.com'),
      platformSuppressed: await mk('complainer@example.com'),
      held: await mk('imported@example.com'),
    };
    await s.consent.record(accountId, [
      grant(ids.active, list.id),
      grant(ids.pending, list.id, 'requested'),
      grant(ids.withdrawn, list.id),
      grant(ids.withdrawn, list.id, 'withdrawn'),
      grant(ids.suppressed, list.id),
      grant(ids.platformSuppressed, list.id),
      grant(ids.held, list.id),
    ]);
    await s.suppression.add(accountId, 'Suppressed@Example.com', 'hard-bounce');
    await s.suppression.add(null, 'complainer@example.com', 'complaint');
    await s.gate.holdForReview(accountId, list.id, [ids.held], 'import-1');
    return { s, accountId, list, ids };
  }

  it('[DEL-01] decides each recipient of a batch and names the reason of every refusal', async () => {
    const { s, accountId, list, ids } = await world();
    const d = await s.gate.authorizeSend({
      accountId,
      listId: list.id,
      channel: 'email',
      contactIds: [...Object.values(ids), 'no-such-contact'],
    });
    expect(Object.fromEntries([...d].map(([k, v]) => [k, v.allowed ? 'allowed' : v.reason]))).toEqual({
      [ids.active]: 'allowed',
      [ids.pending]: 'pending-confirmation',
      [ids.withdrawn]: 'withdrawn',
      [ids.none]: 'no-consent',
      [ids.suppressed]: 'suppressed',
      [ids.platformSuppressed]: 'suppressed',
      [ids.held]: 'list-unapproved',
      'no-such-contact': 'no-consent',
    });
    // Approving the import releases the hold.
    expect(await s.gate.releaseHold(accountId, 'import-1')).toBe(1);
    const after = await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.held] });
    expect(after.get(ids.held)).toEqual({ allowed: true });
  });

  it('[DEL-01] another account cannot send to these contacts on its own list', async () => {
    const { s, ids } = await world();
    const other = await createAccountRow(db());
    const otherList = await s.lists.create(other, emailList());
    const d = await s.gate.authorizeSend({ accountId: other, listId: otherList.id, channel: 'email', contactIds: [ids.active] });
    expect(d.get(ids.active)).toEqual({ allowed: false, reason: 'no-consent' });
  });

  it('[DEL-01] reads consent with one query and suppression with one query per batch', async () => {
    const { accountId, list, ids } = await world();
    const real = createGateStore(db());
    const calls = { facts: 0, suppression: 0 };
    const store: GateStore = {
      ...real,
      recipientFacts: (...a) => (calls.facts++, real.recipientFacts(...a)),
      suppressedHashes: (...a) => (calls.suppression++, real.suppressedHashes(...a)),
    };
    const d = await authorizeSend(
      { store, standing: { assertServiceAllowed: async () => {} }, logger: silentLogger },
      {
        accountId,
        listId: list.id,
        channel: 'email',
        contactIds: Object.values(ids),
        now: clock.now(),
      },
    );
    expect(d.size).toBe(Object.values(ids).length);
    expect(calls).toEqual({ facts: 1, suppression: 1 });
  });

  it('[DEL-01] refuses every recipient with account-restricted when standing refuses the channel', async () => {
    const { accountId, list, ids } = await world();
    const standing = {
      assertServiceAllowed: async (_a: string, service: string) => {
        if (service === 'email') throw forbidden('SERVICE_RESTRICTED', 'Email is restricted for this account.');
      },
    };
    const gate = createGateService({ store: createGateStore(db()), standing, clock, logger: silentLogger });
    const d = await gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.active, ids.none] });
    expect([...d.values()]).toEqual([
      { allowed: false, reason: 'account-restricted' },
      { allowed: false, reason: 'account-restricted' },
    ]);
    const report = await gate.dryRun(accountId, list.id);
    expect(report.allowed).toBe(0);
    expect(report.refused['account-restricted']).toBe(report.total);
  });

  it('[DEL-01] fails closed: a lookup error refuses the whole batch with policy-unavailable', async () => {
    const { accountId, list, ids } = await world();
    // A second handle on the same database, closed before the call: every query now fails.
    const broken = openDatabase(db().target);
    await sql`select 1`.execute(broken.db); // connect, so that close() really closes
    await broken.close();
    const gate = createGateService({
      store: createGateStore(broken),
      standing: { assertServiceAllowed: async () => {} },
      clock,
      logger: silentLogger,
    });
    const d = await gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: Object.values(ids) });
    expect(d.size).toBe(Object.values(ids).length);
    for (const decision of d.values()) expect(decision).toEqual({ allowed: false, reason: 'policy-unavailable' });
    // A standing lookup that fails (not a refusal) is also policy-unavailable.
    const gate2 = createGateService({
      store: createGateStore(db()),
      standing: {
        assertServiceAllowed: async () => {
          throw new Error('connection reset');
        },
      },
      clock,
      logger: silentLogger,
    });
    const d2 = await gate2.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.active] });
    expect(d2.get(ids.active)).toEqual({ allowed: false, reason: 'policy-unavailable' });
  });

  it(`[CON-12] consent older than ${REPERMISSION_AFTER_MONTHS} months with no send since needs re-permission`, async () => {
    const s = permissionServices(db(), clock);
    const accountId = await createAccountRow(db());
    const list = await s.lists.create(accountId, emailList());
    clock.set('2024-01-01T00:00:00.000Z');
    const quiet = (await s.contacts.upsert(accountId, { email: 'quiet@example.com' })).contact.id;
    const mailed = (await s.contacts.upsert(accountId, { email: 'mailed@example.com' })).contact.id;
    const renewed = (await s.contacts.upsert(accountId, { email: 'renewed@example.com' })).contact.id;
    await s.consent.record(accountId, [grant(quiet, list.id), grant(mailed, list.id), grant(renewed, list.id)]);
    const ask = async () => {
      const d = await s.gate.authorizeSend({
        accountId,
        listId: list.id,
        channel: 'email',
        contactIds: [quiet, mailed, renewed],
      });
      return [quiet, mailed, renewed].map((id) => {
        const x = d.get(id)!;
        return x.allowed ? 'allowed' : x.reason;
      });
    };
    clock.set('2025-12-31T00:00:00.000Z'); // just under 24 months
    expect(await ask()).toEqual(['allowed', 'allowed', 'allowed']);
    await s.gate.markSent(accountId, list.id, 'email', [mailed]);
    clock.set('2026-01-01T00:00:00.000Z');
    clock.advance(DAY);
    expect(await ask()).toEqual(['repermission-needed', 'allowed', 'repermission-needed']);
    await s.consent.record(accountId, [grant(renewed, list.id, 'reconfirmed')]);
    expect(await ask()).toEqual(['repermission-needed', 'allowed', 'allowed']);
    // The dry run reports them too.
    const report = await s.gate.dryRun(accountId, list.id);
    expect(report).toMatchObject({ total: 3, allowed: 2, refused: { 'repermission-needed': 1 } });
    clock.set('2026-01-10T12:00:00.000Z');
  });

  it('[DEL-01] the dry run walks the whole list in pages and counts refusals by reason', async () => {
    const { s, accountId, list, ids } = await world();
    const sms = await s.lists.create(accountId, smsList());
    const phone = (await s.contacts.upsert(accountId, { phone: '+4915112345678' })).contact.id;
    await s.consent.record(accountId, [grant(phone, sms.id, 'granted', 'sms')]);
    const report = await s.gate.dryRun(accountId, list.id, { pageSize: 2 });
    expect(report).toEqual({
      listId: list.id,
      channel: 'email',
      total: 6, // 'none' has no consent row for the list, so it is not on it
      allowed: 1,
      refused: {
        'no-consent': 0,
        'pending-confirmation': 1,
        withdrawn: 1,
        'repermission-needed': 0,
        suppressed: 2,
        'list-unapproved': 1,
        'list-archived': 0,
        'account-restricted': 0,
        'content-unapproved': 0,
        'domain-unverified': 0,
        'no-postal-address': 0,
        'quota-exceeded': 0,
        'policy-unavailable': 0,
        'quiet-hours': 0,
        'quiet-hours-unknown': 0,
      },
      deferredUntil: null,
    });
    expect(ids.none).toBeTruthy();
    const smsReport = await s.gate.dryRun(accountId, sms.id);
    expect(smsReport).toMatchObject({ channel: 'sms', total: 1, allowed: 1 });
  });
});
