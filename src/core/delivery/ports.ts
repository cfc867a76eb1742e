// The seams of the send engine (issue 8: DEL-01..03, IMP-07, ACC-08). The campaign area
// implements CampaignAccess; the delivery repository (src/db/repositories/delivery.ts)
// implements DeliveryStore; the relay pool implements Outbound (types.ts).
import type { Campaign, CampaignStatus, PauseReason } from '../campaigns/types.ts';
import type { DeliveryRecord, DeliveryStatus, RecipientView, SenderFacts } from './types.ts';

/** What the send engine needs from the campaign area. */
export interface CampaignAccess {
  /** The campaign by id, whatever its account (workers hold only the id), or null. */
  get(campaignId: string): Promise<Campaign | null>;
  /**
   * Compare-and-set move: `to` is applied only when the campaign's current status allows it
   * (CAMPAIGN_TRANSITIONS) — `from` narrows it further when given. Sets pauseReason (null unless
   * `to` is 'paused'), startedAt on the first 'sending', finishedAt on 'sent' / 'cancelled'.
   * Returns the updated campaign, or null when the move did not apply (someone else moved it).
   */
  setStatus(
    accountId: string,
    campaignId: string,
    to: CampaignStatus,
    options?: { pauseReason?: PauseReason | null; from?: CampaignStatus | readonly CampaignStatus[] },
  ): Promise<Campaign | null>;
}

/** One claimed record: the contact, its attempt count and whether it is an import sample. */
export interface ClaimedRecord {
  contactId: string;
  attempts: number;
  sample: boolean;
}

/** A result to write back for one record (one bulk statement per batch). */
export interface DeliveryUpdate {
  contactId: string;
  status: DeliveryStatus;
  reason: string | null;
  attempts: number;
  bounceType: 'hard' | 'soft' | null;
  smtpReply: string | null;
  queueId: string | null;
  relay: string | null;
  messageId: string | null;
  /** For queued (deferred) records: when to try again. */
  nextAttemptAt: string | null;
}

/** A recipient to materialise: the contact and whether it belongs to an import sample. */
export interface AudienceRow {
  contactId: string;
  /** The import (newly approved, not yet sampled) this contact's consent came from, else null. */
  importId: string | null;
}

export interface DeliveryProgress {
  campaignId: string;
  total: number;
  byStatus: Record<DeliveryStatus, number>;
  bounced: { hard: number; soft: number };
  refusedByReason: Record<string, number>;
  /** Per minute (ISO minute "2026-12-02T20:55Z"): accepted and bounced. */
  timeline: { minute: string; accepted: number; bounced: number }[];
}

export interface DeliveryStore {
  /**
   * A keyset page of the campaign's audience: the list's contacts with a consent_state row for
   * (list, 'email'), narrowed by the segment when given, contact_id > after, in contact_id order.
   */
  audiencePage(
    accountId: string,
    listId: string,
    segmentId: string | null,
    after: string | null,
    limit: number,
  ): Promise<AudienceRow[]>;
  /** Bulk insert of records (status queued / held); existing (campaign, contact) rows are kept. */
  insertRecords(
    rows: {
      campaignId: string;
      accountId: string;
      contactId: string;
      status: DeliveryStatus;
      reason: string | null;
      sample: boolean;
      now: string;
    }[],
  ): Promise<number>;
  /**
   * Claims at most `limit` queued records with next_attempt_at ≤ now, and sending records whose
   * lease expired (a crashed worker): status 'sending', claimed_by, lease_until. PostgreSQL:
   * FOR UPDATE SKIP LOCKED; SQLite: one write transaction.
   */
  claim(campaignId: string, workerId: string, now: string, leaseUntil: string, limit: number): Promise<ClaimedRecord[]>;
  /** Puts claimed records back to queued (campaign paused / cancelled) untouched. */
  release(campaignId: string, workerId: string, contactIds: string[]): Promise<void>;
  /** Writes a batch's results (only rows still claimed by this worker). */
  update(campaignId: string, workerId: string, now: string, rows: DeliveryUpdate[]): Promise<void>;
  /** How many records are still to do (queued or sending), and how many held. */
  remaining(campaignId: string): Promise<{ open: number; held: number; sampleOpen: number }>;
  /**
   * Whether any record is still open, held, or an open sample record: existence checks that stop
   * at the first row (the engine asks after every batch; counting a million-row campaign each
   * time made a batch's cost grow with the campaign).
   */
  openState(campaignId: string): Promise<{ open: boolean; held: boolean; sampleOpen: boolean }>;
  /** Moves held records to queued (sample passed) or to refused with a reason (sample failed). */
  settleHeld(campaignId: string, to: 'queued' | 'refused', reason: string | null, now: string): Promise<number>;
  /** Sample outcome: settled sample records and the hard bounces among them. */
  sampleOutcome(campaignId: string): Promise<{ settled: number; hardBounced: number }>;
  /** Cancels the open records (campaign cancelled): queued / held → refused 'cancelled'. */
  cancelOpen(campaignId: string, now: string): Promise<number>;
  progress(campaignId: string): Promise<DeliveryProgress>;
  recipients(accountId: string, contactIds: string[]): Promise<RecipientView[]>;
  senderFacts(accountId: string, listId: string): Promise<SenderFacts | null>;
  /** Records of one campaign (tests, bounce tracing). */
  records(campaignId: string): Promise<DeliveryRecord[]>;
  /** Remembers a campaign the engine paused (relay-unavailable, quota, sample-pending): it resumes them. */
  markPaused(accountId: string, campaignId: string, reason: string, now: string): Promise<void>;
  clearPaused(campaignId: string): Promise<void>;
  pausedCampaigns(): Promise<{ campaignId: string; accountId: string; reason: string; pausedAt: string }[]>;

  // ACC-08: the per-account daily quota and the shared token bucket.
  /** Adds `n` to today's (UTC day) usage if it stays ≤ quota; returns how many were granted (0..n). */
  takeQuota(accountId: string, day: string, quota: number, n: number): Promise<number>;
  /** What the account used of the day's quota. */
  quotaUsed(accountId: string, day: string): Promise<number>;
  /** Recipients waiting for a later day's quota: queued over quota, or in a campaign paused for 'quota'. */
  waitingForQuota(accountId: string): Promise<number>;
  /** Returns unused quota (records that did not go out after all). */
  returnQuota(accountId: string, day: string, n: number): Promise<void>;
  /** Account health for the warm-up: days with sending, and recent accepted / bounced / complaints. */
  sendingHistory(
    accountId: string,
    now: string,
  ): Promise<{ activeDays: number; sent: number; hardBounced: number; complaints: number }>;
  /**
   * Token bucket shared by all workers (compare-and-set on one row per account): refill at
   * `ratePerSecond` up to `burst`, take up to `n`; returns how many tokens were taken.
   */
  takeTokens(accountId: string, n: number, ratePerSecond: number, burst: number, now: Date): Promise<number>;

  // IMP-07: the first campaign of a newly approved import sends to a sample first.
  /** Records that this campaign samples these imports (status 'sampling'). */
  startSamples(accountId: string, campaignId: string, importIds: string[], now: string): Promise<void>;
  /** The imports this campaign is sampling (status 'sampling'). */
  samplingImports(campaignId: string): Promise<string[]>;
  /** Settles this campaign's samples: 'passed', or 'declined' with the reason (shown to customer and reviewer). */
  settleSamples(campaignId: string, status: 'passed' | 'declined', reason: string | null, now: string): Promise<void>;
  /** The sample verdict of an import, if any. */
  sampleOf(importId: string): Promise<{ campaignId: string; status: string; reason: string | null } | null>;
}

/**
 * Where the engine keeps a prepared campaign's tracked links (SEC-04), by index: the click
 * redirect (/c/<token>) goes only to these. Idempotent: the same list again is a no-op.
 */
export interface CampaignLinkSink {
  saveLinks(accountId: string, campaignId: string, links: readonly string[]): Promise<void>;
}
