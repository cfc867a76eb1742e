// Response shapes of the reputation API (REP-04..07): measures per scope and window, the
// thresholds they are held to, the crossings and the campaign hold.
import { z } from 'zod';
import { crossingReason } from '../../../core/reputation/rates.ts';
import { MAX_HISTORY_DAYS } from '../../../core/reputation/service.ts';
import type { CampaignHold, Crossing, Measure, ReputationView } from '../../../core/reputation/types.ts';

export const MeasureSchema = z.object({
  scope: z.enum(['account', 'campaign', 'domain']),
  /** The account id, campaign id or sending domain. */
  id: z.string(),
  window: z.enum(['day', '7d']),
  sent: z.number(),
  hardBounces: z.number(),
  complaints: z.number(),
  complaintRate: z.number(),
  hardBounceRate: z.number(),
});

export const CrossingSchema = z.object({
  rule: z.string(),
  action: z.enum(['warn', 'hold', 'pause']),
  metric: z.enum(['complaint-rate', 'hard-bounce-rate', 'daily-complaints']),
  scope: z.enum(['account', 'campaign', 'domain']),
  id: z.string(),
  window: z.enum(['day', '7d']),
  value: z.number(),
  threshold: z.number(),
  sent: z.number(),
  /** The crossing in plain words (the same sentence the audit entry and the notice carry). */
  reason: z.string(),
});

export const HoldSchema = z.object({ rule: z.string(), reason: z.string(), heldAt: z.string() });

export const ThresholdsSchema = z.object({
  complaintRate: z.object({ warn: z.number(), hold: z.number(), pause: z.number(), minDelivered: z.number() }),
  dailyComplaintCap: z.number(),
  hardBounceRate: z.object({ warn: z.number(), review: z.number(), pause: z.number(), minSent: z.number() }),
});

export const ReputationSchema = z.object({
  accountId: z.string(),
  measures: z.array(MeasureSchema),
  crossings: z.array(CrossingSchema),
  hold: HoldSchema.nullable(),
  thresholds: ThresholdsSchema,
});

export type ReputationAnswer = z.infer<typeof ReputationSchema>;

const toMeasure = (m: Measure): z.infer<typeof MeasureSchema> => ({
  scope: m.scope,
  id: m.id,
  window: m.window,
  sent: m.sent,
  hardBounces: m.hardBounces,
  complaints: m.complaints,
  complaintRate: m.complaintRate,
  hardBounceRate: m.hardBounceRate,
});

const toCrossing = (x: Crossing): z.infer<typeof CrossingSchema> => ({
  rule: x.rule,
  action: x.action,
  metric: x.metric,
  scope: x.scope,
  id: x.id,
  window: x.window,
  value: x.value,
  threshold: x.threshold,
  sent: x.sent,
  reason: crossingReason(x),
});

const toHold = (h: CampaignHold): z.infer<typeof HoldSchema> => ({ rule: h.rule, reason: h.reason, heldAt: h.heldAt });

export function toReputation(accountId: string, v: ReputationView): ReputationAnswer {
  const t = v.thresholds;
  return {
    accountId,
    measures: v.measures.map(toMeasure),
    crossings: v.crossings.map(toCrossing),
    hold: v.hold ? toHold(v.hold) : null,
    thresholds: {
      complaintRate: { ...t.complaintRate },
      dailyComplaintCap: t.dailyComplaintCap,
      hardBounceRate: { ...t.hardBounceRate },
    },
  };
}

/** ?days= of the history routes: 1..MAX_HISTORY_DAYS, default 30. */
export const HistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(MAX_HISTORY_DAYS).default(30) });

export const HistorySchema = z.array(
  z.object({
    day: z.string(),
    sent: z.number().int(),
    hardBounces: z.number().int(),
    complaints: z.number().int(),
    complaintRate: z.number(),
    hardBounceRate: z.number(),
  }),
);
export type ReputationHistoryAnswer = z.infer<typeof HistorySchema>;
