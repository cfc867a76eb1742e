// Shapes of the campaign API (OpenAPI through zod).
import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../../../core/campaigns/types.ts';
import { SEND_REFUSALS } from '../../../core/gate/types.ts';
import { SECOND_OPINION_UNAVAILABLE } from '../../../core/content/second-opinion.ts';

export const TAGS = ['campaigns'];
export const IdParams = z.object({ id: z.string().min(1).max(100) });

export const VerdictSchema = z.object({
  decision: z.enum(['allow', 'hold', 'reject']),
  contentHash: z.string(),
  policyRevision: z.string(),
  findings: z.array(z.unknown()),
  decidedAt: z.string(),
  decidedBy: z.string(),
  // The second opinion (SpamAssassin's spamd, when configured): score and rules, or why it was unavailable.
  secondOpinion: z
    .union([
      z.object({
        engine: z.literal('spamassassin'),
        score: z.number(),
        threshold: z.number(),
        engineThreshold: z.number(),
        rules: z.array(z.string()),
      }),
      z.object({ status: z.literal('unavailable'), reason: z.enum(SECOND_OPINION_UNAVAILABLE), detail: z.string() }),
    ])
    .optional(),
});

export const CampaignSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  listId: z.string(),
  segmentId: z.string().nullable(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  // The list's channel: an SMS campaign has a text body (format 'text') and a sender ID, no email fields.
  channel: z.enum(['email', 'sms']).optional(),
  senderId: z.string().nullable().optional(),
  subject: z.string(),
  preheader: z.string(),
  fromName: z.string(),
  fromEmail: z.string(),
  replyTo: z.string().nullable(),
  format: z.enum(['mjml', 'html', 'text']),
  body: z.string(),
  clickTracking: z.boolean(),
  version: z.number(),
  verdict: VerdictSchema.nullable(),
  scheduledAt: z.string().nullable(),
  timeZone: z.string().nullable(),
  pauseReason: z.enum(['owner', 'relay-unavailable', 'sample-pending', 'quota', 'standing']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const refusedCounts = z.object(Object.fromEntries(SEND_REFUSALS.map((r) => [r, z.number()])) as Record<string, z.ZodNumber>);

export const DryRunSchema = z.object({
  total: z.number(),
  allowed: z.number(),
  refused: refusedCounts,
  campaignRefusal: z.enum(SEND_REFUSALS).nullable(),
});

export const ReportSchema = z.object({
  campaignId: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  audience: z.number(),
  refused: refusedCounts,
  refusedTotal: z.number(),
  accepted: z.number(),
  deferred: z.number(),
  bounced: z.object({ hard: z.number(), soft: z.number() }),
  unsubscribed: z.number(),
  clicks: z.number().nullable(),
  timeline: z.array(z.object({ minute: z.string(), accepted: z.number(), bounced: z.number() })),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
