// The reputation service (REP-04..07, ACC-08): measures an account's complaint and hard-bounce
// rates from the delivery records and complaints, and acts on each crossing through the standing
// service — warn, hold new campaigns for a reviewer, pause email sending (restrict 'email') —
// with the rule id, the measured values and the thresholds in the audit entry, and the owners
// told. Rules only escalate: lifting a pause is an operator's reinstate (REP-07).
import type { AuditLog } from '../audit/types.ts';
import type { Clock, Logger } from '../ports.ts';
import type { StandingService } from '../standing/standing-service.ts';
import type { SystemMailService } from '../system-mail/types.ts';
import { crossingReason, crossings, DEFAULT_REPUTATION_POLICY, measures, type ReputationPolicy } from './rates.ts';
import type { Crossing, DailyRates, Measure, ReputationStore, ReputationView } from './types.ts';

export const REPUTATION_EVALUATE_JOB = 'reputation.evaluate';
/** Every account that sent or was complained about in the last day is evaluated this often too. */
export const REPUTATION_SWEEP_CRON = '*/10 * * * *';
export const REPUTATION_ACTOR = { type: 'system', id: 'reputation' } as const;
export const HOLD_ACTION = 'reputation.hold';
export const HOLD_LIFT_ACTION = 'reputation.hold-lifted';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest history the charts ask for. */
export const MAX_HISTORY_DAYS = 90;

export interface ReputationService {
  /** The account's measures (day and 7 days), what they cross, and the current hold. */
  view(accountId: string): Promise<ReputationView>;
  /** Measures and acts; returns the crossings acted on (those that changed something). */
  evaluate(accountId: string): Promise<Crossing[]>;
  /** Whether new campaigns of the account go to a reviewer (the campaign area asks at submit). */
  isHeld(accountId: string): Promise<{ rule: string; reason: string } | null>;
  /** An operator lifts the hold after review. */
  liftHold(accountId: string, operatorId: string, reason: string): Promise<boolean>;
  /** The account's rates per UTC day over the last `days` days (today included), every day present. */
  history(accountId: string, days: number): Promise<DailyRates[]>;
  /** Accounts active since `since` (for the periodic sweep). */
  activeAccounts(since: Date): Promise<string[]>;
}

export function createReputationService(deps: {
  store: ReputationStore;
  standing: StandingService;
  audit: AuditLog;
  systemMail: SystemMailService;
  clock: Clock;
  logger: Logger;
  policy?: ReputationPolicy;
}): ReputationService {
  const policy = deps.policy ?? DEFAULT_REPUTATION_POLICY;

  async function measureAll(accountId: string): Promise<Measure[]> {
    const now = deps.clock.now();
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const weekStart = new Date(now.getTime() - 7 * DAY_MS);
    // REP-07: after an operator's review the rates start afresh (what was reviewed does not pause again).
    const reviewed = await deps.store.lastReviewedAt(accountId);
    const from = (start: Date) => (reviewed && reviewed > start.toISOString() ? reviewed : start.toISOString());
    const [day, week] = await Promise.all([
      deps.store.campaignCounts(accountId, from(dayStart)),
      deps.store.campaignCounts(accountId, from(weekStart)),
    ]);
    return [...measures(accountId, 'day', day), ...measures(accountId, '7d', week)];
  }

  const details = (x: Crossing) => ({
    metric: x.metric,
    scope: x.scope,
    subject: x.id,
    window: x.window,
    measured: x.value,
    threshold: x.threshold,
    sent: x.sent,
  });

  async function pause(accountId: string, x: Crossing): Promise<boolean> {
    const account = await deps.standing.getAccount(accountId);
    if (account.standing === 'blocked' || account.standing === 'suspended') return false;
    if (account.standing === 'restricted' && account.restrictedServices.includes('email')) return false;
    const services = [...new Set([...(account.standing === 'restricted' ? account.restrictedServices : []), 'email' as const])];
    await deps.standing.transition({
      accountId,
      action: 'restrict',
      services,
      reason: crossingReason(x),
      rule: x.rule,
      actor: REPUTATION_ACTOR,
      details: details(x),
    });
    return true;
  }

  async function hold(accountId: string, x: Crossing): Promise<boolean> {
    const reason = crossingReason(x);
    const added = await deps.store.addHold({ accountId, rule: x.rule, reason, heldAt: deps.clock.now().toISOString() });
    if (!added) return false;
    await deps.audit.append({
      actor: REPUTATION_ACTOR,
      accountId,
      action: HOLD_ACTION,
      reason,
      rule: x.rule,
      details: details(x),
    });
    const account = await deps.standing.getAccount(accountId);
    // The standing notice tells the owners; an account already past warned gets a notice of its own.
    if (account.standing === 'active') {
      await deps.standing.transition({
        accountId,
        action: 'warn',
        reason,
        rule: x.rule,
        actor: REPUTATION_ACTOR,
        details: details(x),
      });
    } else {
      await notice(accountId, reason);
    }
    return true;
  }

  async function warn(accountId: string, x: Crossing): Promise<boolean> {
    const account = await deps.standing.getAccount(accountId);
    if (account.standing !== 'active') return false;
    await deps.standing.transition({
      accountId,
      action: 'warn',
      reason: crossingReason(x),
      rule: x.rule,
      actor: REPUTATION_ACTOR,
      details: details(x),
    });
    return true;
  }

  async function notice(accountId: string, reason: string) {
    try {
      await deps.systemMail.enqueueToOwners({
        accountId,
        template: 'campaign-hold',
        category: 'critical',
        data: { reason },
      });
    } catch (err) {
      deps.logger.error({ err, accountId }, 'reputation notice could not be queued');
    }
  }

  return {
    async view(accountId) {
      const all = await measureAll(accountId);
      return { measures: all, crossings: crossings(all, policy), hold: await deps.store.getHold(accountId), thresholds: policy };
    },

    async evaluate(accountId) {
      const found = crossings(await measureAll(accountId), policy);
      const acted: Crossing[] = [];
      // Harshest first: a pause makes a hold or warning of the same moment moot.
      const top = found[0];
      if (!top) return acted;
      try {
        if (top.action === 'pause' && (await pause(accountId, top))) acted.push(top);
        const holdOn = found.find((x) => x.action === 'hold');
        if (holdOn && (await hold(accountId, holdOn))) acted.push(holdOn);
        const warnOn = found.find((x) => x.action === 'warn');
        if (top.action === 'warn' && warnOn && (await warn(accountId, warnOn))) acted.push(warnOn);
      } catch (err) {
        // STANDING_CHANGED: someone moved the standing meanwhile; the next evaluation sees it.
        deps.logger.warn({ err, accountId }, 'reputation action did not apply');
      }
      if (acted.length) deps.logger.warn({ accountId, rules: acted.map((x) => x.rule) }, 'reputation thresholds crossed');
      return acted;
    },

    async isHeld(accountId) {
      const h = await deps.store.getHold(accountId);
      return h ? { rule: h.rule, reason: h.reason } : null;
    },

    async liftHold(accountId, operatorId, reason) {
      const removed = await deps.store.removeHold(accountId);
      if (removed)
        await deps.audit.append({ actor: { type: 'operator', id: operatorId }, accountId, action: HOLD_LIFT_ACTION, reason });
      return removed;
    },

    async history(accountId, days) {
      const n = Math.min(Math.max(1, Math.floor(days)), MAX_HISTORY_DAYS);
      const now = deps.clock.now();
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (n - 1) * DAY_MS);
      const rows = new Map((await deps.store.dailyCounts(accountId, first.toISOString())).map((r) => [r.day, r]));
      return Array.from({ length: n }, (_, i) => {
        const day = new Date(first.getTime() + i * DAY_MS).toISOString().slice(0, 10);
        const r = rows.get(day) ?? { day, sent: 0, hardBounces: 0, complaints: 0 };
        return {
          ...r,
          complaintRate: r.sent > 0 ? r.complaints / r.sent : 0,
          hardBounceRate: r.sent > 0 ? r.hardBounces / r.sent : 0,
        };
      });
    },

    activeAccounts: (since) => deps.store.activeAccounts(since.toISOString()),
  };
}
