// The gate's decisions, batching, fail-closed paths and dry-run paging over an in-memory store:
// the rules that need no database (the engines' own behaviour is in authorize-send.test.ts and
// refusals.test.ts).
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../test/helpers/clock.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Logger } from '../ports.ts';
import type { StandingGate } from '../standing/ports.ts';
import {
  authorizeSend,
  decide,
  decideBatch,
  isDeferral,
  MAX_GATE_BATCH,
  quietHoursStep,
  repermissionCutoff,
  type RefusalsRecorded,
} from './authorize-send.ts';
import {
  createGateService,
  SEND_REFUSAL_PRUNE_BATCH,
  SEND_REFUSAL_PRUNE_CRON,
  SEND_REFUSAL_PRUNE_JOB,
  SEND_REFUSAL_RETENTION_DAYS,
} from './service.ts';
import type { GateStore, PageFacts, RecipientFacts, SendRefusalRecord } from './types.ts';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const CUTOFF = repermissionCutoff(NOW); // 2024-06-15T12:00:00.000Z
const RECENT = '2026-05-01T00:00:00.000Z';
const OLD = '2024-01-01T00:00:00.000Z';

const facts = (over: Partial<RecipientFacts> = {}): RecipientFacts => ({
  contactId: 'c1',
  addressHash: 'h1',
  erased: false,
  status: 'active',
  grantedAt: RECENT,
  confirmedAt: null,
  lastSentAt: null,
  hold: null,
  phone: null,
  timeZone: null,
  ...over,
});
const reasonOf = (f: RecipientFacts | undefined, suppressed = false) => {
  const d = decide(f, suppressed, CUTOFF);
  return d.allowed ? 'allowed' : d.reason;
};

interface Logged {
  obj: Record<string, unknown>;
  msg: string;
}
function recordingLogger(): Logger & { errors: Logged[] } {
  const errors: Logged[] = [];
  return {
    errors,
    info() {},
    warn() {},
    debug() {},
    error(obj: unknown, msg?: string) {
      errors.push({ obj: obj as Record<string, unknown>, msg: msg ?? '' });
    },
  } as Logger & { errors: Logged[] };
}

const allowAll: StandingGate = { assertServiceAllowed: async () => {} } as unknown as StandingGate;
const standingThrowing = (err: unknown): StandingGate =>
  ({
    assertServiceAllowed: async () => {
      throw err;
    },
  }) as unknown as StandingGate;

/** An in-memory GateStore; every call is counted in `calls`. */
function memoryStore(options: {
  list?: { channel: 'email' | 'sms'; archivedAt: string | null } | null;
  facts?: RecipientFacts[];
  suppressed?: string[];
  recordRefusals?: (rows: SendRefusalRecord[]) => Promise<void>;
}) {
  const calls: Record<string, unknown[][]> = {};
  const count = (name: string, args: unknown[]) => (calls[name] ??= []).push(args);
  const recorded: SendRefusalRecord[][] = [];
  const notUsed = (name: string) => async () => {
    throw new Error(`${name} not used here`);
  };
  const store: GateStore = {
    list: async (...a) => (count('list', a), options.list === undefined ? { channel: 'email', archivedAt: null } : options.list),
    recipientFacts: async (_acc, _list, _ch, ids) => (
      count('recipientFacts', [ids]),
      (options.facts ?? []).filter((f) => ids.includes(f.contactId))
    ),
    suppressedHashes: async (_acc, hashes) => (
      count('suppressedHashes', [hashes]),
      new Set(hashes.filter((h) => (options.suppressed ?? []).includes(h)))
    ),
    recordRefusals: async (rows) => {
      count('recordRefusals', [rows]);
      if (options.recordRefusals) return options.recordRefusals(rows);
      recorded.push(rows);
    },
    recipientPage: notUsed('recipientPage'),
    pageBoundary: notUsed('pageBoundary'),
    pageReadAhead: 1,
    unapprovedContactIds: notUsed('unapprovedContactIds'),
    setHold: notUsed('setHold'),
    releaseHold: notUsed('releaseHold'),
    countRefusals: notUsed('countRefusals'),
    pruneRefusals: notUsed('pruneRefusals'),
    markSent: notUsed('markSent'),
  };
  return { store, calls, recorded };
}

const input = (contactIds: string[], over: Partial<Parameters<typeof authorizeSend>[1]> = {}) => ({
  accountId: 'acc-1',
  listId: 'list-1',
  channel: 'email' as const,
  contactIds,
  now: NOW,
  ...over,
});
const reasons = (d: Map<string, { allowed: boolean; reason?: string }>) =>
  Object.fromEntries([...d].map(([k, v]) => [k, v.allowed ? 'allowed' : v.reason]));

describe('gate decision for one recipient', () => {
  it('[DEL-01] refuses a recipient without facts, without an address, or without a consent row as no-consent', () => {
    expect(decide(undefined, false, CUTOFF)).toEqual({ allowed: false, reason: 'no-consent' });
    expect(decide(facts({ addressHash: null }), false, CUTOFF)).toEqual({ allowed: false, reason: 'no-consent' });
    expect(decide(facts({ status: null }), false, CUTOFF)).toEqual({ allowed: false, reason: 'no-consent' });
    expect(reasonOf(facts())).toBe('allowed');
    expect(reasonOf(facts({ erased: true, addressHash: null }))).toBe('suppressed');
  });

  it('[CON-12] consent with no time at all needs re-permission', () => {
    expect(reasonOf(facts({ grantedAt: null, confirmedAt: null }))).toBe('repermission-needed');
  });

  it('[CON-12] the newer of grant and confirmation counts, whichever came last', () => {
    expect(reasonOf(facts({ grantedAt: OLD, confirmedAt: RECENT }))).toBe('allowed');
    expect(reasonOf(facts({ grantedAt: RECENT, confirmedAt: OLD }))).toBe('allowed');
    expect(reasonOf(facts({ grantedAt: null, confirmedAt: RECENT }))).toBe('allowed');
    expect(reasonOf(facts({ grantedAt: OLD, confirmedAt: OLD }))).toBe('repermission-needed');
  });

  it('[CON-12] old consent needs re-permission unless a send happened within 24 months', () => {
    expect(reasonOf(facts({ grantedAt: OLD, lastSentAt: null }))).toBe('repermission-needed');
    expect(reasonOf(facts({ grantedAt: OLD, lastSentAt: '2024-02-01T00:00:00.000Z' }))).toBe('repermission-needed');
    expect(reasonOf(facts({ grantedAt: OLD, lastSentAt: RECENT }))).toBe('allowed');
  });

  it('[CON-12] consent or a send exactly 24 months old is still in use', () => {
    expect(CUTOFF).toBe('2024-06-15T12:00:00.000Z');
    expect(reasonOf(facts({ grantedAt: CUTOFF }))).toBe('allowed');
    expect(reasonOf(facts({ grantedAt: OLD, lastSentAt: CUTOFF }))).toBe('allowed');
  });
});

describe('gate batches', () => {
  it('[DEL-01] asks suppression only about the addresses there are, and not at all when there are none', async () => {
    const { store, calls } = memoryStore({ suppressed: ['h2'] });
    const d = await decideBatch(
      store,
      'acc-1',
      [facts({ contactId: 'a', addressHash: null }), facts({ contactId: 'b', addressHash: 'h2' }), facts({ contactId: 'c' })],
      NOW,
    );
    expect(calls.suppressedHashes).toEqual([[['h2', 'h1']]]);
    expect(reasons(d)).toEqual({ a: 'no-consent', b: 'suppressed', c: 'allowed' });
    const none = memoryStore({});
    await decideBatch(none.store, 'acc-1', [facts({ addressHash: null })], NOW);
    expect(none.calls.suppressedHashes).toBeUndefined();
  });

  it('[DEL-01] an empty batch decides nothing and asks nothing', async () => {
    const { store, calls } = memoryStore({});
    let standingCalls = 0;
    const standing = { assertServiceAllowed: async () => void standingCalls++ } as unknown as StandingGate;
    const d = await authorizeSend({ store, standing, logger: recordingLogger() }, input([]));
    expect(d.size).toBe(0);
    expect(calls).toEqual({});
    expect(standingCalls).toBe(0);
  });

  it(`[DEL-01] decides at most ${MAX_GATE_BATCH} distinct recipients per batch`, async () => {
    const { store } = memoryStore({});
    const ids = Array.from({ length: MAX_GATE_BATCH }, (_, i) => `c${i}`);
    const d = await authorizeSend({ store, standing: allowAll, logger: recordingLogger() }, input([...ids, 'c0']));
    expect(d.size).toBe(MAX_GATE_BATCH);
    const tooMany = authorizeSend({ store, standing: allowAll, logger: recordingLogger() }, input([...ids, 'one-more']));
    await expect(tooMany).rejects.toBeInstanceOf(AppError);
    await expect(tooMany).rejects.toMatchObject({
      code: 'BATCH_TOO_LARGE',
      message: `At most ${MAX_GATE_BATCH} recipients per decision batch.`,
    });
  });

  it('[CON-01] a list that does not exist, or is of another channel, carries no consent for the send', async () => {
    const c = facts({ contactId: 'c1' });
    for (const list of [null, { channel: 'sms' as const, archivedAt: null }]) {
      const { store, calls } = memoryStore({ list, facts: [c] });
      const logger = recordingLogger();
      const d = await authorizeSend({ store, standing: allowAll, logger }, input(['c1', 'c2']));
      expect(reasons(d)).toEqual({ c1: 'no-consent', c2: 'no-consent' });
      expect(calls.recipientFacts).toBeUndefined();
      expect(logger.errors).toEqual([]);
    }
  });
});

describe('gate standing and fail-closed paths', () => {
  it('[DEL-01] only a forbidden AppError from standing is account-restricted; any other failure is policy-unavailable, logged', async () => {
    const { store } = memoryStore({ facts: [facts()] });
    const ask = async (err: unknown) => {
      const logger = recordingLogger();
      const d = await authorizeSend({ store, standing: standingThrowing(err), logger }, input(['c1']));
      return { reason: reasons(d).c1, logged: logger.errors };
    };
    expect(await ask(forbidden('SERVICE_RESTRICTED', 'Email is restricted.'))).toEqual({
      reason: 'account-restricted',
      logged: [],
    });
    const down = new AppError('POLICY_UNAVAILABLE', 'Standing store down.');
    expect(await ask(down)).toEqual({
      reason: 'policy-unavailable',
      logged: [{ obj: { err: down, accountId: 'acc-1' }, msg: expect.stringContaining('fail closed') }],
    });
    // Not an AppError, even if it claims to be forbidden.
    const lookalike = Object.assign(new Error('reset'), { kind: 'forbidden' });
    expect((await ask(lookalike)).reason).toBe('policy-unavailable');
  });

  it('[DEL-01] a failed lookup refuses the batch and is logged with the account and list', async () => {
    const boom = new Error('connection reset');
    const { store } = memoryStore({});
    store.recipientFacts = async () => {
      throw boom;
    };
    const logger = recordingLogger();
    const d = await authorizeSend({ store, standing: allowAll, logger }, input(['c1']));
    expect(reasons(d)).toEqual({ c1: 'policy-unavailable' });
    expect(logger.errors).toEqual([
      { obj: { err: boom, accountId: 'acc-1', listId: 'list-1' }, msg: expect.stringContaining('fail closed') },
    ]);
  });

  it('[DEL-01] refusals that cannot be recorded refuse the batch, logged with the account and list', async () => {
    const boom = new Error('disk full');
    const { store } = memoryStore({
      facts: [facts()],
      recordRefusals: async () => {
        throw boom;
      },
    });
    const logger = recordingLogger();
    const d = await authorizeSend({ store, standing: allowAll, logger }, input(['c1', 'c2']));
    expect(reasons(d)).toEqual({ c1: 'policy-unavailable', c2: 'policy-unavailable' });
    expect(logger.errors).toEqual([
      { obj: { err: boom, accountId: 'acc-1', listId: 'list-1' }, msg: expect.stringContaining('could not be recorded') },
    ]);
  });
});

describe('gate refusal listeners', () => {
  const world = () =>
    memoryStore({
      facts: [
        facts({ contactId: 'ok' }),
        facts({ contactId: 'w1', status: 'withdrawn' }),
        facts({ contactId: 'w2', status: 'withdrawn' }),
        facts({ contactId: 'p', status: 'pending' }),
      ],
    });

  it('[DEL-01] tells the listener each recorded batch, counted by reason', async () => {
    const { store } = world();
    const events: RefusalsRecorded[] = [];
    const logger = recordingLogger();
    const d = await authorizeSend(
      { store, standing: allowAll, logger, onRecorded: (e) => events.push(e) },
      input(['ok', 'w1', 'w2', 'p', 'x'], { contextId: 'campaign-1' }),
    );
    expect(reasons(d)).toMatchObject({ ok: 'allowed', w1: 'withdrawn' });
    expect(events).toEqual([
      {
        accountId: 'acc-1',
        listId: 'list-1',
        channel: 'email',
        contextId: 'campaign-1',
        counts: { withdrawn: 2, 'pending-confirmation': 1, 'no-consent': 1 },
      },
    ]);
    expect(logger.errors).toEqual([]);
  });

  it('[DEL-01] a failing listener changes no decision and is logged', async () => {
    const { store, recorded } = world();
    const logger = recordingLogger();
    const boom = new Error('metrics down');
    const d = await authorizeSend(
      {
        store,
        standing: allowAll,
        logger,
        onRecorded: () => {
          throw boom;
        },
      },
      input(['ok', 'w1']),
    );
    expect(reasons(d)).toEqual({ ok: 'allowed', w1: 'withdrawn' });
    expect(recorded).toHaveLength(1);
    expect(logger.errors).toEqual([{ obj: { err: boom }, msg: 'gate: refusal listener failed' }]);
  });

  it('[DEL-01] the service tells every listener registered with onRefusals, and logs nothing without one', async () => {
    const clock = manualClock(NOW);
    const quiet = recordingLogger();
    const bare = createGateService({ store: world().store, standing: allowAll, clock, logger: quiet });
    await bare.authorizeSend({ accountId: 'acc-1', listId: 'list-1', channel: 'email', contactIds: ['w1'] });
    expect(quiet.errors).toEqual([]);

    const logger = recordingLogger();
    const gate = createGateService({ store: world().store, standing: allowAll, clock, logger });
    const a: RefusalsRecorded[] = [];
    const b: RefusalsRecorded[] = [];
    gate.onRefusals((e) => a.push(e));
    gate.onRefusals((e) => b.push(e));
    await gate.authorizeSend({ accountId: 'acc-1', listId: 'list-1', channel: 'email', contactIds: ['w1', 'p'] });
    expect(a).toEqual([expect.objectContaining({ counts: { withdrawn: 1, 'pending-confirmation': 1 }, contextId: null })]);
    expect(b).toEqual(a);
    expect(logger.errors).toEqual([]);
  });
});

describe('gate service: pruning and the job', () => {
  it(`[DEL-01] prunes below the first id of the cutoff millisecond, in batches of ${SEND_REFUSAL_PRUNE_BATCH} until one is short`, async () => {
    const clock = manualClock(NOW);
    const { store } = memoryStore({});
    const asked: Array<[string, number]> = [];
    const answers = [SEND_REFUSAL_PRUNE_BATCH, SEND_REFUSAL_PRUNE_BATCH, 3];
    store.pruneRefusals = async (beforeId, limit) => (asked.push([beforeId, limit]), answers.shift() ?? 0);
    const gate = createGateService({ store, standing: allowAll, clock, logger: recordingLogger() });
    expect(await gate.pruneRefusals()).toBe(2 * SEND_REFUSAL_PRUNE_BATCH + 3);
    const hex = (NOW.getTime() - SEND_REFUSAL_RETENTION_DAYS * 86_400_000).toString(16).padStart(12, '0');
    const beforeId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
    expect(asked).toEqual([
      [beforeId, SEND_REFUSAL_PRUNE_BATCH],
      [beforeId, SEND_REFUSAL_PRUNE_BATCH],
      [beforeId, SEND_REFUSAL_PRUNE_BATCH],
    ]);
  });

  it('[DEL-01] the prune job has a stable name and runs daily at 03:17 UTC', () => {
    expect(SEND_REFUSAL_PRUNE_JOB).toBe('gate.prune-refusals');
    expect(SEND_REFUSAL_PRUNE_CRON).toBe('17 3 * * *');
  });
});

describe('gate dry run paging', () => {
  const ids = Array.from({ length: 10 }, (_, i) => `c${String(i).padStart(2, '0')}`);
  const row = (contactId: string, over: Partial<PageFacts> = {}): PageFacts => ({
    ...facts({ contactId }),
    suppressed: false,
    ...over,
  });

  /** A store over `rows` (kept in contact_id order) whose page reads resolve on a later tick. */
  function pagedStore(rows: PageFacts[], pageReadAhead: number) {
    const { store } = memoryStore({});
    const stats = { pages: 0, boundaries: 0, inFlight: 0, maxInFlight: 0, settled: 0 };
    const sorted = () => [...rows].sort((a, b) => (a.contactId < b.contactId ? -1 : 1));
    store.pageReadAhead = pageReadAhead;
    store.pageBoundary = async (_a, _l, _c, after, limit) => {
      stats.boundaries++;
      const rest = sorted().filter((r) => after === null || r.contactId > after);
      return rest.length >= limit ? rest[limit - 1]!.contactId : null;
    };
    store.recipientPage = (_a, _l, _c, after, upTo, limit) => {
      stats.pages++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      const page = sorted()
        .filter((r) => (after === null || r.contactId > after) && (upTo === null || r.contactId <= upTo))
        .slice(0, limit);
      return new Promise((resolve) =>
        setTimeout(() => {
          stats.inFlight--;
          stats.settled++;
          resolve(page);
        }, 1),
      );
    };
    return { store, stats };
  }

  const service = (store: GateStore, logger: Logger = recordingLogger()) =>
    createGateService({ store, standing: allowAll, clock: manualClock(NOW), logger });

  it('[DEL-01] one engine reads page after page, finding no bounds', async () => {
    const { store, stats } = pagedStore(
      ids.map((id, i) => row(id, i < 3 ? { status: 'withdrawn' } : {})),
      1,
    );
    const report = await service(store).dryRun('acc-1', 'list-1', { pageSize: 3 });
    expect(report).toMatchObject({ total: 10, allowed: 7, refused: { withdrawn: 3 } });
    expect(stats).toMatchObject({ pages: 4, boundaries: 0, maxInFlight: 1 });
  });

  it('[DEL-01] a read-ahead engine finds the bounds first, reads 3 pages at once and each page with one query', async () => {
    const { store, stats } = pagedStore(
      ids.map((id, i) => row(id, i % 2 === 0 ? { suppressed: true } : {})),
      3,
    );
    const report = await service(store).dryRun('acc-1', 'list-1', { pageSize: 2 });
    expect(report).toMatchObject({ total: 10, allowed: 5, refused: { suppressed: 5 } });
    // 5 full pages and the empty one after the last bound.
    expect(stats).toMatchObject({ pages: 6, boundaries: 6, maxInFlight: 3 });
  });

  it('[DEL-01] rows added to a page after its bounds were found are read by a further page', async () => {
    const rows = ids.map((id) => row(id));
    const { store, stats } = pagedStore(rows, 3);
    const boundary = store.pageBoundary;
    let added = false;
    store.pageBoundary = async (...a) => {
      const upTo = await boundary(...a);
      if (!added) {
        added = true;
        rows.push(row('c00a'), row('c00b')); // inside the first page's range, before its bound
      }
      return upTo;
    };
    const report = await service(store).dryRun('acc-1', 'list-1', { pageSize: 2 });
    expect(report.total).toBe(12);
    expect(stats.pages).toBeGreaterThan(6);
  });

  it('[DEL-01] a failed dry-run read is logged and thrown only once no other read is running', async () => {
    const { store, stats } = pagedStore(
      ids.map((id) => row(id)),
      3,
    );
    const read = store.recipientPage;
    const boom = new Error('read failed');
    store.recipientPage = (...a) => (a[3] === null ? Promise.reject(boom) : read(...a));
    const logger = recordingLogger();
    const run = service(store, logger).dryRun('acc-1', 'list-1', { pageSize: 2 });
    await expect(run).rejects.toBe(boom);
    expect(stats.inFlight).toBe(0);
    expect(stats.settled).toBe(2);
    expect(logger.errors).toEqual([{ obj: { err: boom, accountId: 'acc-1', listId: 'list-1' }, msg: 'dry run: lookup failed' }]);
  });

  it('[DEL-01] a dry run of a list that is not the account’s is LIST_NOT_FOUND', async () => {
    const { store } = memoryStore({ list: null });
    const run = service(store).dryRun('acc-1', 'list-x');
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toMatchObject({
      code: 'LIST_NOT_FOUND',
      kind: 'not-found',
      message: 'No such list in this account.',
    });
  });
});

describe('gate quiet hours (SMS lists)', () => {
  // NOW is 12:00 UTC in June: Bucharest 15:00 (open), New York 08:00 (open), Tokyo 21:00 (quiet).
  const sms = { channel: 'sms' as const, archivedAt: null };
  const people = [
    facts({ contactId: 'ro', addressHash: 'h-ro', phone: '+40722123456' }),
    facts({ contactId: 'ny', addressHash: 'h-ny', phone: '+12125550123' }),
    facts({ contactId: 'jp', addressHash: 'h-jp', phone: '+819012345678' }),
    facts({ contactId: 'xx', addressHash: 'h-xx', phone: '+99912345678' }),
  ];

  it('[SMS-03] defers without recording, refuses an unknown zone with a record, and counts only the refusals', async () => {
    const { store, recorded } = memoryStore({ list: sms, facts: people });
    const events: RefusalsRecorded[] = [];
    const d = await authorizeSend(
      { store, standing: allowAll, logger: recordingLogger(), onRecorded: (e) => events.push(e) },
      input(['ro', 'ny', 'jp', 'xx'], { channel: 'sms' }),
    );
    expect(reasons(d)).toEqual({ ro: 'allowed', ny: 'allowed', jp: 'quiet-hours', xx: 'quiet-hours-unknown' });
    expect(d.get('jp')).toEqual({ allowed: false, reason: 'quiet-hours', deferUntil: new Date('2026-06-15T23:00:00.000Z') });
    expect(recorded.flat().map((r) => [r.contactId, r.reason])).toEqual([['xx', 'quiet-hours-unknown']]);
    expect(events.map((e) => e.counts)).toEqual([{ 'quiet-hours-unknown': 1 }]);
  });

  it('[SMS-03] an email list with the same people (phones and all) is never deferred', async () => {
    const { store, recorded } = memoryStore({ list: { channel: 'email', archivedAt: null }, facts: people });
    const d = await authorizeSend({ store, standing: allowAll, logger: recordingLogger() }, input(['ro', 'ny', 'jp', 'xx']));
    expect(reasons(d)).toEqual({ ro: 'allowed', ny: 'allowed', jp: 'allowed', xx: 'allowed' });
    expect(recorded).toEqual([]);
    expect(reasons(await decideBatch(store, 'acc-1', people, NOW))).toEqual({
      ro: 'allowed',
      ny: 'allowed',
      jp: 'allowed',
      xx: 'allowed',
    });
  });

  it('[SMS-03] a batch of 10,000 works quiet hours out once per zone set: recipients of one set share one decision', async () => {
    const many = Array.from({ length: MAX_GATE_BATCH }, (_, i) =>
      facts({
        contactId: `c${i}`,
        addressHash: `h${i}`,
        phone: i % 2 ? `+4072${String(i).padStart(7, '0')}` : `+8190${String(i).padStart(8, '0')}`,
      }),
    );
    const d = await decideBatch(memoryStore({}).store, 'acc-1', many, NOW, 'sms');
    const distinct = new Set(d.values());
    expect(distinct.size).toBe(2);
    expect(d.get('c1')).toEqual({ allowed: true });
    expect(d.get('c0')).toMatchObject({ reason: 'quiet-hours', deferUntil: new Date('2026-06-15T23:00:00.000Z') });
    expect(d.get('c2')).toBe(d.get('c0'));
  });

  it("[SMS-03] the contact's stated zone decides when Intl knows it, the number otherwise", () => {
    const step = quietHoursStep(NOW);
    expect(step({ phone: '+40722123456', timeZone: 'Asia/Tokyo' })).toMatchObject({ reason: 'quiet-hours' });
    expect(step({ phone: '+819012345678', timeZone: 'Europe/Bucharest' })).toEqual({ allowed: true });
    expect(step({ phone: '+40722123456', timeZone: 'Nowhere/Special' })).toEqual({ allowed: true });
    expect(step({ phone: null, timeZone: null })).toEqual({ allowed: false, reason: 'quiet-hours-unknown' });
    expect(isDeferral(step({ phone: '+819012345678', timeZone: null }))).toBe(true);
    expect(isDeferral(step({ phone: '+40722123456', timeZone: null }))).toBe(false);
  });

  it('a precondition cannot defer a whole batch: that answer fails closed', async () => {
    const { store } = memoryStore({ list: sms, facts: people });
    const logger = recordingLogger();
    const d = await authorizeSend(
      { store, standing: allowAll, logger, preconditions: { check: async () => 'quiet-hours' } },
      input(['ro', 'jp'], { channel: 'sms', contextId: 'camp-1' }),
    );
    expect(reasons(d)).toEqual({ ro: 'policy-unavailable', jp: 'policy-unavailable' });
    expect(logger.errors).toHaveLength(1);
  });
});
