// The gate's refusals on both engines (DEL-01): an archived list sends nothing, every refusal of a
// real send is recorded — one bulk insert per batch — and counted by reason per list and context;
// dry runs record nothing; a batch whose refusals cannot be recorded is refused whole.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { createGateStore } from '../../db/repositories/gate.ts';
import { createAccountRow, emailList, permissionServices } from '../../db/repositories/permission.testkit.ts';
import { silentLogger } from '../ports.ts';
import type { NewConsentEvent } from '../consent/types.ts';
import { createGateService, SEND_REFUSAL_RETENTION_DAYS } from './service.ts';
import type { GateStore } from './types.ts';

const grant = (contactId: string, listId: string, kind: NewConsentEvent['kind'] = 'granted'): NewConsentEvent => ({
  contactId,
  listId,
  channel: 'email',
  kind,
  sourceType: 'form',
  textShown: 'Yes, email me the newsletter.',
});
const allowAll = { assertServiceAllowed: async () => {} };

describeEachEngine('send gate refusals', (db) => {
  const clock = manualClock('2026-03-10T12:00:00.000Z');

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
    };
    await s.consent.record(accountId, [
      grant(ids.active, list.id),
      grant(ids.pending, list.id, 'requested'),
      grant(ids.withdrawn, list.id),
      grant(ids.withdrawn, list.id, 'withdrawn'),
    ]);
    return { s, accountId, list, ids };
  }

  const rows = (accountId: string) =>
    db().db.selectFrom('send_refusals').selectAll().where('account_id', '=', accountId).orderBy('contact_id').execute();

  it('[DEL-01] an archived list is not sendable: every recipient is refused with list-archived, in sends and dry runs', async () => {
    const { s, accountId, list, ids } = await world();
    expect(
      (await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.active] })).get(ids.active),
    ).toEqual({
      allowed: true,
    });
    await s.lists.archive(accountId, list.id);
    const d = await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: Object.values(ids) });
    expect([...d.values()].every((x) => !x.allowed && x.reason === 'list-archived')).toBe(true);
    const report = await s.gate.dryRun(accountId, list.id);
    expect(report.allowed).toBe(0);
    expect(report.refused['list-archived']).toBe(report.total);
    expect(report.total).toBe(3);
  });

  it('[DEL-01] records every refusal of a send with its reason and context in one insert per batch, and counts them by reason', async () => {
    const { accountId, list, ids } = await world();
    const real = createGateStore(db());
    let inserts = 0;
    const store: GateStore = { ...real, recordRefusals: (r) => (inserts++, real.recordRefusals(r)) };
    const gate = createGateService({ store, standing: allowAll, clock, logger: silentLogger });
    const batch = [...Object.values(ids), 'no-such-contact'];
    await gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: batch, contextId: 'campaign-7' });
    expect(inserts).toBe(1);
    const recorded = await rows(accountId);
    expect(recorded.map((r) => [r.contact_id, r.reason]).sort()).toEqual(
      [
        [ids.pending, 'pending-confirmation'],
        [ids.withdrawn, 'withdrawn'],
        [ids.none, 'no-consent'],
        ['no-such-contact', 'no-consent'],
      ].sort(),
    );
    for (const r of recorded) {
      expect(r).toMatchObject({
        list_id: list.id,
        channel: 'email',
        context_id: 'campaign-7',
        decided_at: clock.now().toISOString(),
      });
    }
    // A second batch without a context, and a batch where everyone is allowed (nothing to insert).
    await gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.withdrawn] });
    await gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.active] });
    expect(inserts).toBe(2);

    const forList = await gate.refusalCounts(accountId, { listId: list.id });
    expect(forList).toMatchObject({ listId: list.id, contextId: null, total: 5 });
    expect(forList.refused).toMatchObject({ 'no-consent': 2, withdrawn: 2, 'pending-confirmation': 1, suppressed: 0 });
    const forCampaign = await gate.refusalCounts(accountId, { listId: list.id, contextId: 'campaign-7' });
    expect(forCampaign.total).toBe(4);
    expect(forCampaign.refused.withdrawn).toBe(1);
    expect((await gate.refusalCounts(accountId, { contextId: null })).total).toBe(1);
    // Another account's counts are its own.
    expect((await gate.refusalCounts(await createAccountRow(db()), { listId: list.id })).total).toBe(0);
  });

  it('[DEL-01] a dry run records nothing', async () => {
    const { s, accountId, list } = await world();
    const report = await s.gate.dryRun(accountId, list.id);
    expect(report.total - report.allowed).toBeGreaterThan(0);
    expect(await rows(accountId)).toEqual([]);
  });

  it('[DEL-01] fails closed: when the refusals cannot be recorded the whole batch is refused', async () => {
    const { accountId, list, ids } = await world();
    const store: GateStore = {
      ...createGateStore(db()),
      recordRefusals: async () => {
        throw new Error('disk full');
      },
    };
    const gate = createGateService({ store, standing: allowAll, clock, logger: silentLogger });
    const d = await gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.active, ids.pending] });
    expect([...d.values()]).toEqual([
      { allowed: false, reason: 'policy-unavailable' },
      { allowed: false, reason: 'policy-unavailable' },
    ]);
  });

  it('[DEL-01] a send with a context asks its precondition once per batch: a refusal there refuses and records the whole batch; an error fails closed', async () => {
    const { accountId, list, ids } = await world();
    let answer: 'content-unapproved' | 'boom' | null = 'content-unapproved';
    let asked = 0;
    const preconditions = {
      check: async () => {
        asked++;
        if (answer === 'boom') throw new Error('campaign store down');
        return answer;
      },
    };
    const gate = createGateService({
      store: createGateStore(db()),
      standing: allowAll,
      clock,
      logger: silentLogger,
      preconditions,
    });
    const send = (contextId: string | null) =>
      gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.active, ids.pending], contextId });
    expect([...(await send('campaign-1')).values()]).toEqual([
      { allowed: false, reason: 'content-unapproved' },
      { allowed: false, reason: 'content-unapproved' },
    ]);
    expect(asked).toBe(1);
    expect((await gate.refusalCounts(accountId, { contextId: 'campaign-1' })).refused['content-unapproved']).toBe(2);
    // Without a context nothing is asked: the recipients' own facts decide.
    expect((await send(null)).get(ids.active)).toEqual({ allowed: true });
    expect(asked).toBe(1);
    answer = 'boom';
    expect((await send('campaign-1')).get(ids.active)).toEqual({ allowed: false, reason: 'policy-unavailable' });
    answer = null;
    expect((await send('campaign-1')).get(ids.active)).toEqual({ allowed: true });
  });

  it(`[DEL-01] recorded refusals are kept ${SEND_REFUSAL_RETENTION_DAYS} days, then pruned; newer ones stay`, async () => {
    const { s, accountId, list, ids } = await world();
    await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.none, ids.pending] });
    clock.advance((SEND_REFUSAL_RETENTION_DAYS - 1) * 86_400_000);
    await s.gate.authorizeSend({ accountId, listId: list.id, channel: 'email', contactIds: [ids.withdrawn] });
    expect(await s.gate.pruneRefusals()).toBe(0);
    clock.advance(2 * 86_400_000);
    const before = (await rows(accountId)).length;
    expect(before).toBe(3);
    expect(await s.gate.pruneRefusals()).toBeGreaterThanOrEqual(2);
    expect((await rows(accountId)).map((r) => r.contact_id)).toEqual([ids.withdrawn]);
    expect(await s.gate.pruneRefusals()).toBe(0);
  });
});
