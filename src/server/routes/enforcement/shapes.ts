// Response shapes of the operator's enforcement API (REP-01, REP-03, BL-03): complaints, the
// message a complaint is about, incidents, bounce events and inbound counts.
import { z } from 'zod';
import type {
  BounceEventRow,
  ComplaintReview,
  ComplaintRow,
  ComplaintSource,
  IncidentKind,
  IncidentRow,
  TracedBy,
} from '../../../core/enforcement/ports.ts';
import { MAX_ENFORCEMENT_PAGE } from '../../../core/enforcement/service.ts';
import { AccountNameField, nameOf, type AccountNames } from '../operator/account-names.ts';

export const COMPLAINT_REVIEWS = ['open', 'confirmed', 'dismissed'] as const satisfies readonly ComplaintReview[];
export const COMPLAINT_SOURCES = [
  'arf',
  'ses',
  'sendgrid',
  'abuse-mailbox',
  'report-form',
] as const satisfies readonly ComplaintSource[];
export const TRACED_BY = [
  'verp',
  'unsubscribe-token',
  'message-id',
  'feedback-id',
  'none',
] as const satisfies readonly TracedBy[];
export const BOUNCE_KINDS = ['hard', 'soft', 'policy-block'] as const satisfies readonly BounceEventRow['kind'][];
export const INCIDENT_KINDS = ['policy-block', 'blocklist'] as const satisfies readonly IncidentKind[];
export const INCIDENT_SUBJECT_KINDS = ['domain', 'ip', 'account'] as const satisfies readonly IncidentRow['subjectKind'][];
/** Characters of the campaign body shown beside a complaint. */
export const CAMPAIGN_BODY_EXCERPT_CHARS = 2_000;

export const IdParams = z.object({ id: z.string().min(1).max(100) });
export const AccountFilter = z.string().min(1).max(100).optional();
export const PageLimit = z.coerce.number().int().min(1).max(MAX_ENFORCEMENT_PAGE).optional();

export const ComplaintSchema = z.object({
  id: z.string(),
  inboundId: z.string(),
  seq: z.number(),
  source: z.enum(COMPLAINT_SOURCES),
  feedbackType: z.string(),
  accountId: z.string().nullable(),
  accountName: AccountNameField,
  campaignId: z.string().nullable(),
  contactId: z.string().nullable(),
  tracedBy: z.enum(TRACED_BY),
  /** Whether the complaint counts in the account's rates (a dismissed one does not). */
  counted: z.boolean(),
  reporter: z.string().nullable(),
  comment: z.string().nullable(),
  reviewStatus: z.enum(COMPLAINT_REVIEWS),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  receivedAt: z.string(),
});

export type ComplaintAnswer = z.infer<typeof ComplaintSchema>;

export function toComplaint(c: ComplaintRow, names: AccountNames): ComplaintAnswer {
  return {
    id: c.id,
    inboundId: c.inboundId,
    seq: c.seq,
    source: c.source,
    feedbackType: c.feedbackType,
    accountId: c.accountId,
    accountName: nameOf(names, c.accountId),
    campaignId: c.campaignId,
    contactId: c.contactId,
    tracedBy: c.tracedBy,
    counted: c.counted,
    reporter: c.reporter,
    comment: c.comment,
    reviewStatus: c.reviewStatus,
    reviewedBy: c.reviewedBy,
    reviewedAt: c.reviewedAt,
    reviewNote: c.reviewNote,
    receivedAt: c.receivedAt,
  };
}

export const IncidentSchema = z.object({
  id: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  subjectKind: z.enum(INCIDENT_SUBJECT_KINDS),
  subject: z.string(),
  accountId: z.string().nullable(),
  accountName: AccountNameField,
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  occurrences: z.number(),
  openedAt: z.string(),
  lastSeenAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closeNote: z.string().nullable(),
});

export type IncidentAnswer = z.infer<typeof IncidentSchema>;

export function toIncident(i: IncidentRow, names: AccountNames): IncidentAnswer {
  return {
    id: i.id,
    kind: i.kind,
    subjectKind: i.subjectKind,
    subject: i.subject,
    accountId: i.accountId,
    accountName: nameOf(names, i.accountId),
    summary: i.summary,
    details: i.details,
    occurrences: i.occurrences,
    openedAt: i.openedAt,
    lastSeenAt: i.lastSeenAt,
    closedAt: i.closedAt,
    closedBy: i.closedBy,
    closeNote: i.closeNote,
  };
}

export const BounceSchema = z.object({
  id: z.string(),
  inboundId: z.string(),
  seq: z.number(),
  accountId: z.string(),
  accountName: AccountNameField,
  campaignId: z.string(),
  contactId: z.string(),
  kind: z.enum(BOUNCE_KINDS),
  status: z.string(),
  reason: z.string(),
  reply: z.string(),
  at: z.string(),
});

export type BounceAnswer = z.infer<typeof BounceSchema>;

export function toBounce(b: BounceEventRow, names: AccountNames): BounceAnswer {
  return {
    id: b.id,
    inboundId: b.inboundId,
    seq: b.seq,
    accountId: b.accountId,
    accountName: nameOf(names, b.accountId),
    campaignId: b.campaignId,
    contactId: b.contactId,
    kind: b.kind,
    status: b.status,
    reason: b.reason,
    reply: b.reply,
    at: b.at,
  };
}

/** Most listings one answer holds; most checks of one target's history. */
export const MAX_LISTINGS = 500;
export const MAX_HISTORY_CHECKS = 1_000;

export const BlocklistCheckSchema = z.object({
  zone: z.string(),
  outcome: z.enum(['listed', 'not-listed', 'error']),
  answer: z.string().nullable(),
  reason: z.string().nullable(),
  error: z.string().nullable(),
  checkedAt: z.string(),
});

export const ListingSchema = z.object({
  target: z.string(),
  targetKind: z.enum(['ip', 'domain']),
  zone: z.string(),
  answer: z.string(),
  reason: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  clearedAt: z.string().nullable(),
});
export type BlocklistStatusTarget = {
  target: string;
  kind: 'ip' | 'domain';
  listed: boolean;
  checks: z.infer<typeof BlocklistCheckSchema>[];
};
export type ListingAnswer = z.infer<typeof ListingSchema>;
