// CON-07 / CON-08: the consent service's own rules over an in-memory store — what an append is
// refused for before anything is written (bounds, the text shown, times, list, contact, form
// reference), what a withdrawal writes, and how a chain is read page by page. ledger.test.ts runs
// the same service over both real databases.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../test/helpers/clock.ts';
import { GENESIS_HASH } from './canonical.ts';
import { chainOf, rowOf } from './consent.testkit.ts';
import { MAX_EVENTS_PER_APPEND, MAX_TEXT_SHOWN_LENGTH, createConsentService } from './ledger.ts';
import type { ConsentStore } from './store.ts';
import type { ConsentEvent, ConsentState, NewConsentEvent } from './types.ts';

const clock = manualClock('2026-03-01T09:00:00.000Z');

function memoryStore(opts: { states?: ConsentState[]; chain?: ConsentEvent[]; pageSize?: number } = {}) {
  const calls = { formVersions: [] as string[][], chainRows: [] as Array<[number, number]> };
  const appended: ConsentEvent[][] = [];
  const projected: ConsentState[][] = [];
  const store: ConsentStore = {
    listChannels: async (_a, ids) =>
      new Map(ids.filter((id) => id !== 'missing-list').map((id) => [id, id.startsWith('sms') ? 'sms' : 'email'])),
    listFacts: async (_a, ids) =>
      new Map(
        ids
          .filter((id) => id !== 'missing-list')
          .map((id) => [id, { channel: id.startsWith('sms') ? ('sms' as const) : ('email' as const), version: 1 }]),
      ),
    liveContactIds: async (_a, ids) => new Set(ids.filter((id) => id !== 'erased')),
    formVersions: async (_a, ids) => (
      calls.formVersions.push(ids),
      new Map(ids.filter((id) => id === 'form-1').map((id) => [id, 3]))
    ),
    append: async (_a, _keys, plan) => {
      const p = plan({ lastSeq: 0, lastHash: GENESIS_HASH }, new Map());
      appended.push(p.events);
      projected.push(p.states);
      return p.events;
    },
    statesForContact: async () => opts.states ?? [],
    eventsForContact: async () => [],
    chainHead: async () => {
      const last = opts.chain?.at(-1);
      return { lastSeq: last?.seq ?? 0, lastHash: last?.hash ?? GENESIS_HASH };
    },
    eventPage: async () => [],
    chainRows: async (_a, after, _limit, toSeq) => {
      calls.chainRows.push([after, toSeq]);
      return (opts.chain ?? [])
        .filter((e) => e.seq > after && e.seq <= toSeq)
        .slice(0, opts.pageSize ?? 5_000)
        .map(rowOf);
    },
    accountsWithChains: async () => [],
  };
  return { store, calls, appended, projected, service: createConsentService({ store, clock }) };
}

const grant = (extra: Partial<NewConsentEvent> = {}): NewConsentEvent => ({
  contactId: 'c1',
  listId: 'list-1',
  channel: 'email',
  kind: 'granted',
  sourceType: 'form',
  textShown: 'Yes, send me the news.',
  ...extra,
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return e as { code: string; message: string };
  }
}

describe('consent ledger: what an append is refused for', () => {
  it('an empty append writes nothing and reads nothing', async () => {
    const m = memoryStore();
    m.store.listFacts = () => Promise.reject(new Error('read'));
    expect(await m.service.record('a', [])).toEqual([]);
  });

  it('[CON-07] at most MAX_EVENTS_PER_APPEND events per call', async () => {
    const m = memoryStore();
    const many = (n: number) => Array.from({ length: n }, () => grant());
    expect(await refusal(m.service.record('a', many(MAX_EVENTS_PER_APPEND + 1)))).toMatchObject({
      code: 'TOO_MANY_EVENTS',
      message: `At most ${MAX_EVENTS_PER_APPEND} consent events per call.`,
    });
    expect(await m.service.record('a', many(MAX_EVENTS_PER_APPEND))).toHaveLength(MAX_EVENTS_PER_APPEND);
  });

  it('[CON-07] the text shown is bounded, and required on every kind that gives consent', async () => {
    const m = memoryStore();
    expect(await refusal(m.service.record('a', [grant({ textShown: 'x'.repeat(MAX_TEXT_SHOWN_LENGTH + 1) })]))).toMatchObject({
      code: 'TEXT_TOO_LONG',
      message: `The text shown is longer than ${MAX_TEXT_SHOWN_LENGTH} characters.`,
    });
    expect(await m.service.record('a', [grant({ textShown: 'x'.repeat(MAX_TEXT_SHOWN_LENGTH) })])).toHaveLength(1);
    for (const kind of ['requested', 'granted', 'reconfirmed'] as const) {
      expect(await refusal(m.service.record('a', [grant({ kind, textShown: '  ' })])), kind).toMatchObject({
        code: 'CONSENT_TEXT_REQUIRED',
        message: 'A consent event must carry the exact text that was shown.',
      });
    }
  });

  it('[CON-07] at most 10 partners', async () => {
    const m = memoryStore();
    const partners = (n: number) => Array.from({ length: n }, (_, i) => `Partner ${i}`);
    expect(await refusal(m.service.record('a', [grant({ partners: partners(11) })]))).toMatchObject({
      code: 'TOO_MANY_PARTNERS',
      message: 'At most 10 partners per consent.',
    });
    expect((await m.service.record('a', [grant({ partners: partners(10) })]))[0]!.partners).toHaveLength(10);
  });

  it('[CON-07] times are ISO-8601 UTC or with an offset; anything else is refused', async () => {
    const m = memoryStore();
    for (const t of ['2026-01-01T00:00:00Z', '2026-01-01T00:00Z', '2026-01-01T00:00:00.123+02:00', '2026-01-01T02:00:00-01:30']) {
      expect(await refusal(m.service.record('a', [grant({ occurredAt: t })])), t).toBeNull();
    }
    for (const t of [
      'yesterday',
      'x2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z junk',
      '2026-01-01T00:00:00+2:00',
      '2026-01-01T00:00:00+02:0',
      '2026-01-01T00:00:00+0a:00',
      '2026-01-01T00:00:00+02:a0',
      '2026-01-01T00:00:00*02:00',
      '2026-13-01T00:00:00Z',
    ]) {
      expect(await refusal(m.service.record('a', [grant({ occurredAt: t })])), t).toMatchObject({
        code: 'INVALID_TIME',
        message: 'occurredAt must be an ISO-8601 UTC time.',
      });
    }
    expect(
      await refusal(m.service.record('a', [grant({ kind: 'confirmed', confirmedAt: '2026-13-01T00:00:00Z' })])),
    ).toMatchObject({
      code: 'INVALID_TIME',
      message: 'confirmedAt must be an ISO-8601 UTC time.',
    });
  });

  it('[CON-01] the list must be the account’s and of the same channel; the contact must be live', async () => {
    const m = memoryStore();
    expect(await refusal(m.service.record('a', [grant({ listId: 'missing-list' })]))).toMatchObject({
      code: 'LIST_NOT_FOUND',
      message: 'No such list in this account.',
    });
    expect(await refusal(m.service.record('a', [grant({ listId: 'sms-1' })]))).toMatchObject({
      code: 'CHANNEL_MISMATCH',
      message: 'List sms-1 is a sms list; consent must name that channel (CON-01).',
    });
    expect(await refusal(m.service.record('a', [grant({ contactId: 'erased' })]))).toMatchObject({
      code: 'CONTACT_NOT_FOUND',
      message: 'No such contact in this account.',
    });
  });

  it('[CON-07] a form reference names a form of the account and a version it has; forms are read only when named', async () => {
    const m = memoryStore();
    await m.service.record('a', [grant()]);
    expect(m.calls.formVersions).toEqual([]);
    expect(await refusal(m.service.record('a', [grant({ formVersion: 1 })]))).toMatchObject({
      code: 'CONSENT_FORM_REQUIRED',
      message: 'formVersion names a version of a form: give formId too.',
    });
    expect(await refusal(m.service.record('a', [grant({ formId: 'form-9' })]))).toMatchObject({
      code: 'FORM_NOT_FOUND',
      message: 'No form form-9 in this account.',
    });
    expect(await refusal(m.service.record('a', [grant({ formId: 'form-1', formVersion: 4 })]))).toMatchObject({
      code: 'FORM_VERSION_NOT_FOUND',
      message: 'Form form-1 has no version 4 (latest is 3).',
    });
    const ok = await m.service.record('a', [grant({ formId: 'form-1', formVersion: 3 }), grant({ formId: 'form-1' }), grant()]);
    expect(ok.map((e) => [e.formId, e.formVersion])).toEqual([
      ['form-1', 3],
      ['form-1', null],
      [null, null],
    ]);
    expect(m.calls.formVersions.at(-1)).toEqual(['form-1']);
  });
});

describe('consent ledger: withdrawals', () => {
  const st = (listId: string, status: ConsentState['status']): ConsentState => ({
    accountId: 'a',
    contactId: 'c1',
    listId,
    channel: listId.startsWith('sms') ? 'sms' : 'email',
    status,
    grantedAt: null,
    confirmedAt: null,
    lastEventSeq: 1,
    lastSentAt: null,
    hold: null,
  });
  const states = [st('list-1', 'active'), st('list-2', 'pending'), st('sms-1', 'active'), st('list-3', 'withdrawn')];

  it('[CON-08] withdraws the named lists that are not withdrawn yet, with the source and blanks for what was not given', async () => {
    const m = memoryStore({ states });
    const out = await m.service.withdraw('a', 'c1', ['list-2', 'list-3'], { sourceType: 'unsubscribe' });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      listId: 'list-2',
      kind: 'withdrawn',
      sourceType: 'unsubscribe',
      sourceId: null,
      textShown: '',
      ip: null,
      userAgent: null,
      language: null,
    });
    const all = await m.service.withdraw('a', 'c1', 'all', {
      sourceType: 'preference-center',
      sourceId: 'pc-1',
      textShown: 'Unsubscribe from everything',
      ip: '192.0.2.1',
      userAgent: 'Firefox',
      language: 'ro',
      evidence: { page: 'preferences' },
    });
    expect(all.map((e) => [e.listId, e.channel])).toEqual([
      ['list-1', 'email'],
      ['list-2', 'email'],
      ['sms-1', 'sms'],
    ]);
    // One projected state per contact, list and channel.
    expect(m.projected.at(-1)!.map((x) => [x.listId, x.channel, x.status])).toEqual([
      ['list-1', 'email', 'withdrawn'],
      ['list-2', 'email', 'withdrawn'],
      ['sms-1', 'sms', 'withdrawn'],
    ]);
    expect(all[2]).toMatchObject({
      sourceId: 'pc-1',
      textShown: 'Unsubscribe from everything',
      ip: '192.0.2.1',
      userAgent: 'Firefox',
      language: 'ro',
      evidence: { page: 'preferences' },
    });
  });
});

describe('consent ledger: reading a chain to verify it', () => {
  const chain = chainOf(7);

  it('[CON-08] the chain is read in pages up to the head and every link is checked', async () => {
    const m = memoryStore({ chain, pageSize: 3 });
    expect(await m.service.verifyChain('a')).toEqual({ accountId: 'a', events: 7, ok: true, firstProblem: null });
    expect(m.calls.chainRows).toEqual([
      [0, 7],
      [3, 7],
      [6, 7],
    ]);
  });

  it('[CON-08] a range after the start checks from its own first link; the first link of the chain must be the genesis', async () => {
    const m = memoryStore({ chain, pageSize: 2 });
    const r = await m.service.checkRange('a', 3, 6);
    expect(r).toEqual({
      afterSeq: 3,
      toSeq: 6,
      events: 3,
      firstPrevHash: chain[2]!.hash,
      last: { seq: 6, hash: chain[5]!.hash },
      problem: null,
    });
    const relinked = chainOf(7, 1, 'e'.repeat(64));
    const bad = memoryStore({ chain: relinked });
    expect((await bad.service.checkRange('a', 0, 7)).problem).toMatchObject({ seq: 1, problem: 'prev-hash-mismatch' });
    expect((await bad.service.checkRange('a', 2, 7)).problem).toBeNull();
  });

  it('[CON-08] a problem stops the range at the first bad event', async () => {
    const tampered = chain.map((e) => (e.seq === 5 ? { ...e, ip: '203.0.113.5' } : e));
    const m = memoryStore({ chain: tampered, pageSize: 2 });
    const r = await m.service.checkRange('a', 0, 7);
    expect(r).toMatchObject({ events: 4, last: { seq: 4, hash: chain[3]!.hash }, problem: { seq: 5, problem: 'hash-mismatch' } });
  });
});
