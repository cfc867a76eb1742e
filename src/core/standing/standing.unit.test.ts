// Account standing without a database: the state machine (ACC-04), the refusal each standing gives
// (ACC-04, ACC-05, ACC-09), and the service's transitions, notices, listeners and fail-closed gate
// over an in-memory store (the engines' own behaviour is in standing.test.ts).
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../test/helpers/clock.ts';
import type { AuditEntry, AuditFilter, AuditLog } from '../audit/types.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../ports.ts';
import type { OwnersMail, SystemMailService } from '../system-mail/types.ts';
import { nextStanding, servicesOff, STANDING_ACTIONS, STANDINGS, type Standing, type StandingAction } from './machine.ts';
import { RESTRICTABLE_SERVICES } from './ports.ts';
import { createStandingService, MAX_ACCOUNT_LIST, standingRefusal } from './standing-service.ts';
import {
  BLOCK_REFUND_NOTE,
  type AccountListFilter,
  type AccountStandingRecord,
  type OperatorAccountRow,
  type ReviewChange,
  type StandingChange,
  type StandingEvent,
  type StandingStore,
} from './types.ts';

const ALL = ['import', 'email', 'sms', 'api'];

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('standing machine', () => {
  // CONTEXT.md: warn from active; restrict and suspend from active, warned, restricted; block from
  // any standing but blocked; reinstate from any standing but active.
  const allowed: Record<StandingAction, Standing[]> = {
    warn: ['active'],
    restrict: ['active', 'warned', 'restricted'],
    suspend: ['active', 'warned', 'restricted'],
    block: ['active', 'warned', 'restricted', 'suspended'],
    reinstate: ['warned', 'restricted', 'suspended', 'blocked'],
  };

  it('[ACC-04] allows exactly the documented transitions and names the refused one', async () => {
    for (const action of STANDING_ACTIONS) {
      for (const from of STANDINGS) {
        const services = action === 'restrict' ? (['email'] as const) : undefined;
        if (allowed[action].includes(from)) {
          expect(() => nextStanding(from, action, services)).not.toThrow();
          continue;
        }
        const err = await refusal(() => nextStanding(from, action, services));
        expect(err).toMatchObject({
          code: 'INVALID_TRANSITION',
          message: `An account that is ${from} cannot be moved by "${action}".`,
          details: { from, action, allowedFrom: allowed[action] },
        });
      }
    }
  });

  it('[ACC-04] lands each action on its standing with the services it switches off', () => {
    expect(nextStanding('active', 'warn')).toEqual({ standing: 'warned', restrictedServices: [] });
    expect(nextStanding('warned', 'suspend', [])).toEqual({ standing: 'suspended', restrictedServices: ALL });
    expect(nextStanding('suspended', 'block')).toEqual({ standing: 'blocked', restrictedServices: ALL });
    expect(nextStanding('blocked', 'reinstate')).toEqual({ standing: 'active', restrictedServices: [] });
    // Restrict names its services: deduplicated, in the canonical order; on restricted it replaces the set.
    expect(nextStanding('active', 'restrict', ['sms', 'import', 'sms'])).toEqual({
      standing: 'restricted',
      restrictedServices: ['import', 'sms'],
    });
    expect(nextStanding('restricted', 'restrict', ['api'])).toEqual({ standing: 'restricted', restrictedServices: ['api'] });
  });

  it('[ACC-04] restrict needs at least one service, and only restrict names services', async () => {
    for (const services of [undefined, []]) {
      expect(await refusal(() => nextStanding('active', 'restrict', services))).toMatchObject({
        code: 'SERVICES_REQUIRED',
        message: `Name the services to switch off: ${RESTRICTABLE_SERVICES.join(', ')}.`,
      });
    }
    expect(await refusal(() => nextStanding('active', 'suspend', ['email']))).toMatchObject({
      code: 'SERVICES_ONLY_FOR_RESTRICT',
      message: 'Services are named only when restricting an account.',
    });
  });

  it('[ACC-04] the services off: all when suspended or blocked, the named ones when restricted, none otherwise', () => {
    expect(servicesOff('suspended', [])).toEqual(ALL);
    expect(servicesOff('blocked', ['email'])).toEqual(ALL);
    expect(servicesOff('restricted', ['api', 'email', 'api'])).toEqual(['email', 'api']);
    expect(servicesOff('active', ['email'])).toEqual([]);
    expect(servicesOff('warned', ['email'])).toEqual([]);
  });
});

describe('standing refusals', () => {
  const account = (over: Partial<Pick<AccountStandingRecord, 'standing' | 'restrictedServices' | 'review'>> = {}) => ({
    standing: 'active' as Standing,
    restrictedServices: [] as AccountStandingRecord['restrictedServices'],
    review: 'none' as const,
    ...over,
  });

  it('[ACC-05][ACC-09] blocked and suspended refuse every write, naming the first service or none', () => {
    expect(standingRefusal(account({ standing: 'blocked' }), [])).toEqual({
      code: 'ACCOUNT_BLOCKED',
      message: expect.stringContaining('blocked for a violation of the Anti-Spam Policy'),
      service: null,
    });
    expect(standingRefusal(account({ standing: 'blocked' }), ['sms', 'email'])).toMatchObject({ service: 'sms' });
    expect(standingRefusal(account({ standing: 'suspended' }), [])).toEqual({
      code: 'ACCOUNT_SUSPENDED',
      message: expect.stringContaining('suspended until an operator reinstates it'),
      service: null,
    });
    expect(standingRefusal(account({ standing: 'suspended' }), ['api'])).toMatchObject({ service: 'api' });
  });

  it('[ACC-04][ACC-09] restricted refuses only its services, whichever of the named ones it is', () => {
    const r = account({ standing: 'restricted', restrictedServices: ['import'] });
    expect(standingRefusal(r, [])).toBeNull();
    expect(standingRefusal(r, ['email'])).toBeNull();
    expect(standingRefusal(r, ['email', 'import'])).toEqual({
      code: 'SERVICE_RESTRICTED',
      message: 'The "import" service is switched off for this account.',
      service: 'import',
    });
    // Services left over from an earlier restriction count only while restricted.
    expect(standingRefusal(account({ standing: 'warned', restrictedServices: ['import'] }), ['import'])).toBeNull();
  });

  it('[ACC-02][ACC-09] a signup under review or refused may not send, yet may import; a restriction is named first', () => {
    const pending = account({ review: 'pending' });
    expect(standingRefusal(pending, ['import'])).toBeNull();
    expect(standingRefusal(pending, ['import', 'sms'])).toEqual({
      code: 'ACCOUNT_UNDER_REVIEW',
      message: 'This account is waiting for signup review; sending starts once it is approved.',
      service: 'sms',
    });
    expect(standingRefusal(account({ review: 'refused' }), ['email'])).toEqual({
      code: 'ACCOUNT_UNDER_REVIEW',
      message: "This account's signup was refused; it cannot send.",
      service: 'email',
    });
    expect(standingRefusal(account({ review: 'none' }), ['email', 'sms'])).toBeNull();
    const both = account({ standing: 'restricted', restrictedServices: ['api'], review: 'pending' });
    expect(standingRefusal(both, ['email', 'api'])).toMatchObject({ code: 'SERVICE_RESTRICTED', service: 'api' });
  });
});

// ---- the service over an in-memory store ----

const operator = { type: 'operator' as const, id: 'op-1' };
const rule = { type: 'system' as const, id: 'complaint-rule' };

interface Logged {
  obj: Record<string, unknown>;
  msg: string;
}

function world(start: Partial<AccountStandingRecord> = {}) {
  const clock = manualClock('2026-11-22T10:00:00.000Z');
  const record: AccountStandingRecord = {
    id: 'acc-1',
    name: 'Acme',
    standing: 'active',
    restrictedServices: [],
    review: 'none',
    refundEligible: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...start,
  };
  const accounts = new Map<string, AccountStandingRecord>([[record.id, record]]);
  const entries: AuditEntry[] = [];
  const changes: StandingChange[] = [];
  const reviews: ReviewChange[] = [];
  const listFilters: AccountListFilter[] = [];
  const mails: OwnersMail[] = [];
  const errors: Logged[] = [];
  const auditFilters: AuditFilter[] = [];
  const fail = { getAccount: null as Error | null, auditList: false, mail: false, applyChange: false, applyReview: false };
  const view = (a: AccountStandingRecord): OperatorAccountRow => ({
    ...a,
    ownerEmail: 'owner@acme.test',
    postalAddress: 'Main St 1',
    industry: 'retail',
    declaredSending: 'newsletter',
    language: 'en',
  });
  const store: StandingStore = {
    getAccount: async (id) => {
      if (fail.getAccount) throw fail.getAccount;
      const a = accounts.get(id);
      return a ? { ...a } : null;
    },
    getOperatorAccount: async (id) => {
      const a = accounts.get(id);
      return a ? view(a) : null;
    },
    listAccounts: async (f) => (listFilters.push(f), [...accounts.values()].map(view)),
    applyChange: async (c) => {
      changes.push(c);
      if (fail.applyChange) return false;
      const a = accounts.get(c.accountId)!;
      a.standing = c.to;
      a.restrictedServices = c.restrictedServices;
      if (c.noRefundNote) a.refundEligible = false;
      entries.unshift({ ...c.audit, seq: entries.length + 1 });
      return true;
    },
    applyReview: async (c) => {
      reviews.push(c);
      if (fail.applyReview) return false;
      accounts.get(c.accountId)!.review = c.to;
      entries.unshift({ ...c.audit, seq: entries.length + 1 });
      return true;
    },
    getBilling: async (id) =>
      id === 'acc-1'
        ? { accountId: id, plan: 'pro', paidTotalCents: 100, refundEligible: true, refundNote: null, updatedAt: record.createdAt }
        : null,
  };
  const audit: AuditLog = {
    append: async () => {
      throw new Error('the service writes audit rows through the store');
    },
    list: async (f = {}) => {
      auditFilters.push(f);
      if (fail.auditList) throw new Error('audit down');
      return entries
        .filter((e) => e.accountId === f.accountId && e.action.startsWith(f.actionPrefix ?? ''))
        .slice(0, f.limit ?? 100);
    },
  };
  const systemMail = {
    enqueueToOwners: async (m: OwnersMail) => {
      mails.push(m);
      if (fail.mail) throw new Error('outbox down');
      return { ids: ['m1'], queued: 1, suppressed: 0 };
    },
  } as unknown as SystemMailService;
  const logger: Logger = {
    info() {},
    warn() {},
    debug() {},
    error: (obj, msg) => void errors.push({ obj: obj as Record<string, unknown>, msg: msg ?? '' }),
  };
  const service = createStandingService({ store, audit, systemMail, clock, logger });
  return { service, clock, accounts, entries, changes, reviews, listFilters, mails, errors, auditFilters, fail };
}

describe('standing service: transitions', () => {
  it('[ACC-04] a transition applies its change and audit entry together, with the trimmed reason, rule and time', async () => {
    const w = world();
    const row = await w.service.transition({
      accountId: 'acc-1',
      action: 'restrict',
      reason: '  Imported a list without proof  ',
      rule: 'anti-spam-2',
      services: ['import'],
      actor: operator,
    });
    expect(row).toMatchObject({
      id: 'acc-1',
      standing: 'restricted',
      restrictedServices: ['import'],
      ownerEmail: 'owner@acme.test',
    });
    expect(w.changes).toHaveLength(1);
    const change = w.changes[0]!;
    expect(change).toEqual({
      accountId: 'acc-1',
      expectedFrom: 'active',
      to: 'restricted',
      restrictedServices: ['import'],
      at: '2026-11-22T10:00:00.000Z',
      audit: expect.objectContaining({
        actorType: 'operator',
        actorId: 'op-1',
        accountId: 'acc-1',
        action: 'standing.restrict',
        reason: 'Imported a list without proof',
        rule: 'anti-spam-2',
        at: '2026-11-22T10:00:00.000Z',
        details: { from: 'active', to: 'restricted', restrictedServices: ['import'] },
      }),
    });
  });

  it('[ACC-04] only an operator reinstates; a rule may escalate', async () => {
    const w = world({ standing: 'suspended', restrictedServices: ['import', 'email', 'sms', 'api'] });
    const err = await refusal(w.service.transition({ accountId: 'acc-1', action: 'reinstate', reason: 'ok', actor: rule }));
    expect(err).toMatchObject({ code: 'OPERATOR_ONLY', message: 'Only a platform operator can reinstate an account.' });
    expect(w.changes).toEqual([]);
    expect(
      (await w.service.transition({ accountId: 'acc-1', action: 'block', reason: 'spam trap hits', actor: rule })).standing,
    ).toBe('blocked');
    expect(
      (await w.service.transition({ accountId: 'acc-1', action: 'reinstate', reason: 'appeal', actor: operator })).standing,
    ).toBe('active');
  });

  it('[ACC-04] refuses an unknown account, and a change the store saw move meanwhile', async () => {
    const w = world();
    expect(
      await refusal(w.service.transition({ accountId: 'nope', action: 'warn', reason: 'x', actor: operator })),
    ).toMatchObject({ code: 'ACCOUNT_NOT_FOUND', message: 'No such account.' });
    expect(await refusal(w.service.getAccount('nope'))).toMatchObject({ code: 'ACCOUNT_NOT_FOUND', message: 'No such account.' });
    w.fail.applyChange = true;
    const err = await refusal(w.service.transition({ accountId: 'acc-1', action: 'warn', reason: 'x', actor: operator }));
    expect(err).toMatchObject({
      code: 'STANDING_CHANGED',
      message: 'The account standing changed meanwhile; reload and try again.',
    });
    expect(w.mails).toEqual([]);
  });

  it('[ACC-05][ACC-06] a block writes the no-refund note and tells the blocked listeners; other changes tell only the transition listeners', async () => {
    const w = world();
    const transitions: StandingEvent[] = [];
    const blocked: StandingEvent[] = [];
    w.service.onTransition((e) => void transitions.push(e));
    w.service.onBlocked((e) => void blocked.push(e));
    await w.service.transition({ accountId: 'acc-1', action: 'warn', reason: 'complaints', actor: rule });
    expect(w.changes[0]!.noRefundNote).toBeUndefined();
    expect(w.changes[0]!.audit.details).toEqual({ from: 'active', to: 'warned', restrictedServices: [] });
    expect(blocked).toEqual([]);
    w.clock.advance(60_000);
    const row = await w.service.transition({ accountId: 'acc-1', action: 'block', reason: ' purchased list ', actor: operator });
    expect(row).toMatchObject({ standing: 'blocked', refundEligible: false });
    const change = w.changes[1]!;
    expect(change.noRefundNote).toBe(BLOCK_REFUND_NOTE);
    expect(change.audit.details).toEqual({
      from: 'warned',
      to: 'blocked',
      restrictedServices: ALL,
      refundEligible: false,
      refundNote: BLOCK_REFUND_NOTE,
    });
    const event: StandingEvent = {
      accountId: 'acc-1',
      from: 'warned',
      to: 'blocked',
      action: 'block',
      restrictedServices: ALL as StandingEvent['restrictedServices'],
      reason: 'purchased list',
      rule: null,
      actor: operator,
      at: '2026-11-22T10:01:00.000Z',
      auditId: change.audit.id,
    };
    expect(transitions).toHaveLength(2);
    expect(transitions[1]).toEqual(event);
    expect(blocked).toEqual([event]);
  });

  it('[ACC-05] a failing listener is logged; the change stands and the next listener still runs', async () => {
    const w = world();
    const seen: string[] = [];
    const boom = new Error('listener down');
    w.service.onBlocked(() => {
      throw boom;
    });
    w.service.onBlocked((e) => void seen.push(e.to));
    const row = await w.service.transition({ accountId: 'acc-1', action: 'block', reason: 'spam', actor: operator });
    expect(row.standing).toBe('blocked');
    expect(seen).toEqual(['blocked']);
    expect(w.errors).toEqual([{ obj: { err: boom, accountId: 'acc-1', to: 'blocked' }, msg: 'standing listener failed' }]);
  });

  it('[ACC-07][ACC-06] every transition queues a critical standing notice; a block says no refund; a failed notice is logged', async () => {
    const w = world();
    await w.service.transition({ accountId: 'acc-1', action: 'restrict', reason: 'bounces', services: ['sms'], actor: operator });
    expect(w.mails).toEqual([
      {
        accountId: 'acc-1',
        template: 'standing-changed',
        category: 'critical',
        data: { standing: 'restricted', services: ['sms'], reason: 'bounces', refundEligible: true },
      },
    ]);
    w.fail.mail = true;
    const row = await w.service.transition({ accountId: 'acc-1', action: 'block', reason: 'spam', actor: operator });
    expect(row.standing).toBe('blocked');
    expect(w.mails[1]!.data).toEqual({ standing: 'blocked', services: ALL, reason: 'spam', refundEligible: false });
    expect(w.errors).toEqual([
      { obj: { err: expect.any(Error), accountId: 'acc-1' }, msg: 'standing notice could not be queued' },
    ]);
    // Reinstated: refund eligibility stays lost (ACC-06).
    w.fail.mail = false;
    await w.service.transition({ accountId: 'acc-1', action: 'reinstate', reason: 'appeal', actor: operator });
    expect(w.mails[2]!.data).toMatchObject({ standing: 'active', refundEligible: false });
  });
});

describe('standing service: the gate', () => {
  it('[ACC-04] fails closed: a standing lookup error is POLICY_UNAVAILABLE and logged', async () => {
    const w = world();
    const boom = new Error('db down');
    w.fail.getAccount = boom;
    for (const check of [() => w.service.assertServiceAllowed('acc-1', 'email'), () => w.service.assertWriteAllowed('acc-1')]) {
      expect(await refusal(check())).toMatchObject({
        code: 'POLICY_UNAVAILABLE',
        kind: 'unavailable',
        message: 'The account standing cannot be checked right now; try again shortly.',
      });
    }
    expect(w.errors[0]).toEqual({ obj: { err: boom, accountId: 'acc-1' }, msg: 'standing lookup failed' });
    w.fail.getAccount = null;
    expect(await refusal(w.service.assertWriteAllowed('nope'))).toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
      message: 'No such account.',
    });
  });

  it('[ACC-05][ACC-09] a refusal carries the service, standing, review and the audited reason', async () => {
    const w = world();
    await expect(w.service.assertWriteAllowed('acc-1')).resolves.toBeUndefined();
    await w.service.transition({
      accountId: 'acc-1',
      action: 'restrict',
      reason: 'no proof',
      services: ['import'],
      actor: operator,
    });
    await expect(w.service.assertServiceAllowed('acc-1', 'email')).resolves.toBeUndefined();
    expect(await refusal(w.service.assertServiceAllowed('acc-1', 'import'))).toMatchObject({
      code: 'SERVICE_RESTRICTED',
      kind: 'forbidden',
      details: { service: 'import', standing: 'restricted', review: 'none', reason: 'no proof' },
    });
    expect(w.auditFilters.at(-1)).toEqual({ accountId: 'acc-1', actionPrefix: 'standing.', limit: 1 });
    await w.service.transition({ accountId: 'acc-1', action: 'suspend', reason: 'repeated bounces', actor: operator });
    expect(await refusal(w.service.assertWriteAllowed('acc-1'))).toMatchObject({
      code: 'ACCOUNT_SUSPENDED',
      details: { service: null, standing: 'suspended', review: 'none', reason: 'repeated bounces' },
    });
    // The reason is best effort: an audit failure still refuses, with no reason.
    w.fail.auditList = true;
    expect(await refusal(w.service.assertWriteAllowed('acc-1', ['email']))).toMatchObject({
      code: 'ACCOUNT_SUSPENDED',
      details: { service: 'email', reason: null },
    });
  });

  it('[ACC-02][ACC-09] a signup under review is refused without reading the audit log', async () => {
    const w = world({ review: 'pending' });
    expect(await refusal(w.service.assertServiceAllowed('acc-1', 'email'))).toMatchObject({
      code: 'ACCOUNT_UNDER_REVIEW',
      details: { service: 'email', standing: 'active', review: 'pending', reason: null },
    });
    expect(w.auditFilters).toEqual([]);
  });
});

describe('standing service: signup review, views and lists', () => {
  it('[ACC-02] decides a pending signup review by an operator, audited and told to the owners', async () => {
    const w = world({ review: 'pending' });
    const refused = await refusal(
      w.service.decideSignupReview({ accountId: 'acc-1', decision: 'approve', reason: 'ok', actor: rule }),
    );
    expect(refused).toMatchObject({ code: 'OPERATOR_ONLY', message: 'Only a platform operator decides a signup review.' });
    const row = await w.service.decideSignupReview({
      accountId: 'acc-1',
      decision: 'refuse',
      reason: ' no website ',
      actor: operator,
    });
    expect(row.review).toBe('refused');
    expect(w.reviews).toEqual([
      {
        accountId: 'acc-1',
        to: 'refused',
        at: '2026-11-22T10:00:00.000Z',
        audit: expect.objectContaining({
          action: 'signup-review.refuse',
          reason: 'no website',
          actorId: 'op-1',
          details: { from: 'pending', to: 'refused' },
        }),
      },
    ]);
    expect(w.mails).toEqual([
      {
        accountId: 'acc-1',
        template: 'signup-review-outcome',
        category: 'critical',
        data: { decision: 'refuse', reason: 'no website' },
      },
    ]);
    const again = await refusal(
      w.service.decideSignupReview({ accountId: 'acc-1', decision: 'approve', reason: 'ok', actor: operator }),
    );
    expect(again).toMatchObject({
      code: 'REVIEW_NOT_PENDING',
      message: 'This signup is not waiting for review (review: refused).',
      details: { review: 'refused' },
    });
  });

  it('[ACC-02] an approval sets review none; a review that moved meanwhile, or a failed notice, is handled', async () => {
    const w = world({ review: 'pending' });
    w.fail.mail = true;
    const row = await w.service.decideSignupReview({ accountId: 'acc-1', decision: 'approve', reason: 'fine', actor: operator });
    expect(row.review).toBe('none');
    expect(w.reviews[0]!.audit.details).toEqual({ from: 'pending', to: 'none' });
    expect(w.errors).toEqual([
      { obj: { err: expect.any(Error), accountId: 'acc-1' }, msg: 'signup review notice could not be queued' },
    ]);
    const v = world({ review: 'pending' });
    v.fail.applyReview = true;
    expect(
      await refusal(v.service.decideSignupReview({ accountId: 'acc-1', decision: 'approve', reason: 'fine', actor: operator })),
    ).toMatchObject({ code: 'REVIEW_NOT_PENDING', message: 'This signup is no longer waiting for review.' });
  });

  it('[ACC-04] the standing view: the latest reason and its time, else none since creation', async () => {
    const w = world();
    expect(await w.service.getStanding('acc-1')).toEqual({
      standing: 'active',
      restrictedServices: [],
      reason: null,
      since: '2026-01-01T00:00:00.000Z',
      refundEligible: true,
    });
    w.clock.set('2026-11-23T08:00:00.000Z');
    await w.service.transition({ accountId: 'acc-1', action: 'warn', reason: 'complaints', actor: rule });
    expect(await w.service.getStanding('acc-1')).toEqual({
      standing: 'warned',
      restrictedServices: [],
      reason: 'complaints',
      since: '2026-11-23T08:00:00.000Z',
      refundEligible: true,
    });
    expect(await w.service.getBilling('acc-1')).toMatchObject({ accountId: 'acc-1', plan: 'pro' });
    expect(await w.service.getBilling('nope')).toBeNull();
  });

  it(`lists accounts at most ${MAX_ACCOUNT_LIST} at a time, at least one`, async () => {
    const w = world();
    expect(await w.service.listAccounts({ standing: 'active' })).toHaveLength(1);
    await w.service.listAccounts({ limit: 0 });
    await w.service.listAccounts({ limit: 50 });
    await w.service.listAccounts({ limit: 10_000 });
    expect(w.listFilters).toEqual([
      { standing: 'active', limit: MAX_ACCOUNT_LIST },
      { limit: 1 },
      { limit: 50 },
      { limit: MAX_ACCOUNT_LIST },
    ]);
  });
});
