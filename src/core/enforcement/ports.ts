// What the enforcement area needs from storage (src/db/repositories/enforcement.ts) and from the
// areas it traces into (delivery records, contacts, campaigns).
import type { InboundEnvelope, InboundSource } from './types.ts';

export type InboundStatus = 'received' | 'processed' | 'untraceable' | 'failed';

export interface InboundRow {
  id: string;
  source: InboundSource;
  mailbox: string | null;
  dedupeKey: string;
  envelope: InboundEnvelope | null;
  raw: Buffer;
  size: number;
  status: InboundStatus;
  outcome: unknown;
  receivedAt: string;
  processedAt: string | null;
}

export interface InboundStore {
  /** Inserts unless the dedupe key exists; returns the stored row's id and whether it was new. */
  insert(row: Omit<InboundRow, 'status' | 'outcome' | 'processedAt'>): Promise<{ id: string; inserted: boolean }>;
  get(id: string): Promise<InboundRow | null>;
  finish(id: string, status: InboundStatus, outcome: unknown, at: string): Promise<void>;
  /** Items still 'received' since before `before` (their job was lost): re-queued by the sweep. */
  stale(before: string, limit: number): Promise<string[]>;
  counts(): Promise<Record<InboundStatus, number>>;
}

/** A delivery record as tracing sees it. */
export interface TracedDelivery {
  accountId: string;
  campaignId: string;
  contactId: string;
  status: string;
  bounceType: string | null;
  messageId: string | null;
  relay: string | null;
  /** The contact's address (null when erased). */
  address: string | null;
  /** The campaign's From domain. */
  fromDomain: string;
  campaignName: string;
}

export interface TraceLookup {
  byRecord(campaignId: string, contactId: string): Promise<TracedDelivery | null>;
  byMessageId(messageId: string): Promise<TracedDelivery | null>;
  /** The account owning the campaign, or null (a Feedback-ID's claim is checked against it). */
  campaignOwner(campaignId: string): Promise<string | null>;
}

export interface BounceEventRow {
  id: string;
  inboundId: string;
  seq: number;
  accountId: string;
  campaignId: string;
  contactId: string;
  kind: 'hard' | 'soft' | 'policy-block';
  status: string;
  reason: string;
  reply: string;
  at: string;
}

export type ComplaintSource = 'arf' | 'ses' | 'sendgrid' | 'abuse-mailbox' | 'report-form';
export type TracedBy = 'verp' | 'unsubscribe-token' | 'message-id' | 'feedback-id' | 'none';
export type ComplaintReview = 'open' | 'confirmed' | 'dismissed';

export interface ComplaintRow {
  id: string;
  inboundId: string;
  seq: number;
  source: ComplaintSource;
  feedbackType: string;
  accountId: string | null;
  campaignId: string | null;
  contactId: string | null;
  tracedBy: TracedBy;
  counted: boolean;
  reporter: string | null;
  comment: string | null;
  reviewStatus: ComplaintReview;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  receivedAt: string;
}

export type IncidentKind = 'policy-block' | 'blocklist';

export interface IncidentRow {
  id: string;
  kind: IncidentKind;
  subjectKind: 'domain' | 'ip' | 'account';
  subject: string;
  accountId: string | null;
  summary: string;
  details: Record<string, unknown>;
  occurrences: number;
  openedAt: string;
  lastSeenAt: string;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
}

export interface EnforcementStore {
  /** Idempotent on (inboundId, seq): false when it was recorded before. */
  addBounce(row: BounceEventRow): Promise<boolean>;
  /** The record's outcome after an asynchronous bounce (an accepted record becomes bounced). */
  markRecordBounced(campaignId: string, contactId: string, type: 'hard' | 'soft', reply: string, at: string): Promise<void>;
  /** The contact's latest delivery outcomes across campaigns, newest first (soft bounces in a row). */
  recentOutcomes(accountId: string, contactId: string, limit: number): Promise<{ status: string; bounceType: string | null }[]>;
  /** Idempotent on (inboundId, seq): false when it was recorded before. */
  addComplaint(row: ComplaintRow): Promise<boolean>;
  getComplaint(id: string): Promise<ComplaintRow | null>;
  listComplaints(filter: { reviewStatus?: ComplaintReview; accountId?: string; limit: number }): Promise<ComplaintRow[]>;
  reviewComplaint(id: string, to: ComplaintReview, by: string, note: string, at: string): Promise<boolean>;
  /** A dismissed complaint leaves the rates (its suppression stays: the recipient complained). */
  uncountComplaint(id: string): Promise<void>;
  getIncident(id: string): Promise<IncidentRow | null>;
  /** Opens an incident, or adds an occurrence to the open one for (kind, subject). */
  openIncident(row: IncidentRow): Promise<{ id: string; opened: boolean }>;
  listIncidents(filter: { open?: boolean; accountId?: string; limit: number }): Promise<IncidentRow[]>;
  closeIncident(id: string, by: string, note: string, at: string): Promise<boolean>;
  listBounces(filter: { accountId?: string; kind?: BounceEventRow['kind']; limit: number }): Promise<BounceEventRow[]>;
}
