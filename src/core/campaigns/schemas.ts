// One schema, one type: what a campaign accepts where it enters (HTTP, CLI) and the verdict
// JSON read back from the store.
import { z } from 'zod';
import type { ContentVerdict } from './types.ts';
import { SECOND_OPINION_UNAVAILABLE, type SecondOpinionResult } from '../content/second-opinion.ts';

export const MAX_CAMPAIGN_NAME_LENGTH = 200;
export const MAX_SUBJECT_LENGTH = 250;
export const MAX_PREHEADER_LENGTH = 250;
export const MAX_FROM_NAME_LENGTH = 100;
/** The largest body a campaign may hold (the content screen refuses larger HTML too). */
export const MAX_CAMPAIGN_BODY_BYTES = 1_000_000;
export const MAX_NOTE_LENGTH = 1000;

// Header values: no CR/LF where they enter (STYLE 6; header injection).
const headerText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line');
const email = z.string().trim().toLowerCase().email().max(254);

export const CampaignInputSchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_CAMPAIGN_NAME_LENGTH),
    listId: z.string().min(1).max(100),
    segmentId: z.string().min(1).max(100).nullable().optional(),
    subject: headerText(MAX_SUBJECT_LENGTH).pipe(z.string().trim().min(1)),
    preheader: headerText(MAX_PREHEADER_LENGTH).optional(),
    fromName: headerText(MAX_FROM_NAME_LENGTH).pipe(z.string().trim().min(1)),
    fromEmail: email,
    replyTo: email.nullable().optional(),
    format: z.enum(['mjml', 'html']),
    body: z.string().min(1),
    clickTracking: z.boolean().optional(),
  })
  .strict();
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

/** Longest sender ID text accepted where it enters; its form is checked by sender-id.ts (the SMS senders' rule) with SMS_SENDER_INVALID. */
export const MAX_SENDER_ID_INPUT_LENGTH = 32;
const senderId = z.string().trim().min(1).max(MAX_SENDER_ID_INPUT_LENGTH);

/**
 * An SMS campaign (issue 11 §6): a campaign to an SMS list is a text and the sender ID the
 * recipient sees, nothing of email (subject, preheader, From, HTML). The text's limits are
 * MAX_SMS_SEGMENTS parts and MAX_SMS_TEXT_LENGTH characters (src/core/sms/segments.ts), refused
 * with SMS_TOO_MANY_SEGMENTS by the service; the sender ID's form with SMS_SENDER_INVALID.
 */
export const SmsCampaignInputSchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_CAMPAIGN_NAME_LENGTH),
    listId: z.string().min(1).max(100),
    segmentId: z.string().min(1).max(100).nullable().optional(),
    senderId,
    body: z.string().min(1),
  })
  .strict();
export type SmsCampaignInput = z.infer<typeof SmsCampaignInputSchema>;

/** What POST /campaigns accepts: an email campaign or an SMS one; the list's channel decides which it must be. */
export const CampaignCreateSchema = z.union([CampaignInputSchema, SmsCampaignInputSchema]);
export type CampaignCreateInput = z.infer<typeof CampaignCreateSchema>;

/** An edit: any field of either kind; the service refuses fields of the other channel (CAMPAIGN_CHANNEL_FIELDS). */
export const CampaignUpdateSchema = CampaignInputSchema.partial().extend({ senderId: senderId.optional() }).strict();
export type CampaignUpdate = z.infer<typeof CampaignUpdateSchema>;

/** The fields only an email campaign has. */
export const EMAIL_ONLY_FIELDS = ['subject', 'preheader', 'fromName', 'fromEmail', 'replyTo', 'format', 'clickTracking'] as const;

export const SendOptionsSchema = z
  .object({ at: z.string().datetime({ offset: true }).optional(), timeZone: z.string().min(1).max(64).optional() })
  .strict();
export type SendOptions = z.infer<typeof SendOptionsSchema>;

/** The second opinion recorded with a verdict (issue 9 §4): a score with its rules, or why there is none. */
export const SecondOpinionSchema: z.ZodType<SecondOpinionResult> = z.union([
  z.object({
    engine: z.literal('spamassassin'),
    score: z.number(),
    threshold: z.number(),
    engineThreshold: z.number(),
    rules: z.array(z.string()),
  }),
  z.object({ status: z.literal('unavailable'), reason: z.enum(SECOND_OPINION_UNAVAILABLE), detail: z.string() }),
]);

export const ContentVerdictSchema: z.ZodType<ContentVerdict> = z.object({
  decision: z.enum(['allow', 'hold', 'reject']),
  contentHash: z.string(),
  policyRevision: z.string(),
  findings: z.array(z.unknown()),
  decidedAt: z.string(),
  decidedBy: z.string(),
  secondOpinion: SecondOpinionSchema.optional(),
  accountHold: z.object({ rule: z.string(), reason: z.string() }).optional(),
});
