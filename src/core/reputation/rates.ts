// Rates and crossings, pure (REP-04..06): counts per campaign in, measures per account, campaign
// and sending domain out, and which of the policy's thresholds they cross.
import { COMPLAINT_RATE, DAILY_COMPLAINT_CAP, HARD_BOUNCE_RATE, REPUTATION_RULES } from '../../../policy/reputation.ts';
import type { CampaignCounts, Crossing, CrossingAction, Measure, RateWindow } from './types.ts';

export interface ReputationPolicy {
  complaintRate: { warn: number; hold: number; pause: number; minDelivered: number };
  dailyComplaintCap: number;
  hardBounceRate: { warn: number; review: number; pause: number; minSent: number };
}

export const DEFAULT_REPUTATION_POLICY: ReputationPolicy = {
  complaintRate: { ...COMPLAINT_RATE },
  dailyComplaintCap: DAILY_COMPLAINT_CAP,
  hardBounceRate: { ...HARD_BOUNCE_RATE },
};

const rate = (n: number, of: number) => (of > 0 ? n / of : 0);

function measure(scope: Measure['scope'], id: string, window: RateWindow, rows: CampaignCounts[]): Measure {
  const sent = rows.reduce((s, r) => s + r.sent, 0);
  const hardBounces = rows.reduce((s, r) => s + r.hardBounces, 0);
  const complaints = rows.reduce((s, r) => s + r.complaints, 0);
  return {
    scope,
    id,
    window,
    sent,
    hardBounces,
    complaints,
    complaintRate: rate(complaints, sent),
    hardBounceRate: rate(hardBounces, sent),
  };
}

/** The account's measures for one window: the account, each campaign, each From domain. */
export function measures(accountId: string, window: RateWindow, rows: CampaignCounts[]): Measure[] {
  const out = [measure('account', accountId, window, rows)];
  const byDomain = new Map<string, CampaignCounts[]>();
  for (const r of rows) {
    out.push(measure('campaign', r.campaignId, window, [r]));
    byDomain.set(r.fromDomain, [...(byDomain.get(r.fromDomain) ?? []), r]);
  }
  for (const [domain, list] of byDomain) out.push(measure('domain', domain, window, list));
  return out;
}

const SEVERITY: Record<CrossingAction, number> = { warn: 1, hold: 2, pause: 3 };

/**
 * Every threshold crossed, harshest first. A scope acts only past its minimum volume; the daily
 * complaint cap (REP-05) counts the account's complaints in the UTC day whatever was sent.
 */
export function crossings(all: Measure[], policy: ReputationPolicy = DEFAULT_REPUTATION_POLICY): Crossing[] {
  const out: Crossing[] = [];
  const c = policy.complaintRate;
  const b = policy.hardBounceRate;
  for (const m of all) {
    const base = { scope: m.scope, id: m.id, window: m.window, sent: m.sent };
    if (m.sent >= c.minDelivered) {
      const step: [CrossingAction, number, string] | null =
        m.complaintRate >= c.pause
          ? ['pause', c.pause, REPUTATION_RULES.complaintPause]
          : m.complaintRate >= c.hold
            ? ['hold', c.hold, REPUTATION_RULES.complaintHold]
            : m.complaintRate >= c.warn
              ? ['warn', c.warn, REPUTATION_RULES.complaintWarn]
              : null;
      if (step)
        out.push({
          ...base,
          rule: step[2],
          action: step[0],
          metric: 'complaint-rate',
          value: m.complaintRate,
          threshold: step[1],
        });
    }
    if (m.sent >= b.minSent) {
      const step: [CrossingAction, number, string] | null =
        m.hardBounceRate >= b.pause
          ? ['pause', b.pause, REPUTATION_RULES.bouncePause]
          : m.hardBounceRate >= b.review
            ? ['hold', b.review, REPUTATION_RULES.bounceReview]
            : m.hardBounceRate >= b.warn
              ? ['warn', b.warn, REPUTATION_RULES.bounceWarn]
              : null;
      if (step)
        out.push({
          ...base,
          rule: step[2],
          action: step[0],
          metric: 'hard-bounce-rate',
          value: m.hardBounceRate,
          threshold: step[1],
        });
    }
    if (m.scope === 'account' && m.window === 'day' && m.complaints >= policy.dailyComplaintCap) {
      out.push({
        ...base,
        rule: REPUTATION_RULES.complaintCap,
        action: 'pause',
        metric: 'daily-complaints',
        value: m.complaints,
        threshold: policy.dailyComplaintCap,
      });
    }
  }
  return out.sort((x, y) => SEVERITY[y.action] - SEVERITY[x.action]);
}

const pct = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** The reason written to the audit log and shown to the customer, in plain words. */
export function crossingReason(x: Crossing): string {
  const where =
    x.scope === 'account' ? 'the account' : x.scope === 'campaign' ? `campaign ${x.id}` : `the sending domain ${x.id}`;
  const span = x.window === 'day' ? 'today (UTC)' : 'over the last 7 days';
  const act =
    x.action === 'pause'
      ? 'email sending is paused until a platform operator reviews the account'
      : x.action === 'hold'
        ? 'new campaigns wait for a reviewer before they are sent'
        : 'this is a warning';
  if (x.metric === 'daily-complaints')
    return `${x.value} spam complaints ${span}, at or over the daily limit of ${x.threshold}: ${act}.`;
  const what = x.metric === 'complaint-rate' ? 'complaint rate' : 'hard-bounce rate';
  return `The ${what} of ${where} ${span} is ${pct(x.value)} of ${x.sent} messages, at or over the ${pct(x.threshold)} limit: ${act}.`;
}
