// The campaign area's store port (src/db/repositories/campaigns.ts) and the read ports it
// consults for the report. Types only.
import type { Campaign, CampaignStatus, PauseReason } from './types.ts';

/** The fields an edit may set (content fields bump the version; see service.ts). */
export type CampaignPatch = Partial<
  Pick<
    Campaign,
    | 'name'
    | 'listId'
    | 'segmentId'
    | 'subject'
    | 'preheader'
    | 'fromName'
    | 'fromEmail'
    | 'replyTo'
    | 'format'
    | 'body'
    | 'clickTracking'
    | 'version'
    | 'verdict'
    | 'status'
    | 'channel'
    | 'senderId'
    | 'scheduledAt'
    | 'timeZone'
    | 'pauseReason'
    | 'startedAt'
    | 'finishedAt'
  >
>;

export interface CampaignStore {
  insert(campaign: Campaign): Promise<void>;
  /** Scoped to the account: another account's id is absent. */
  get(accountId: string, id: string): Promise<Campaign | null>;
  /** By id alone (workers hold only the id). */
  getById(id: string): Promise<Campaign | null>;
  list(accountId: string, limit: number): Promise<Campaign[]>;
  /**
   * Compare-and-set: applies the patch (and updated_at) only while the row's status is one of
   * `whenStatus`; returns the updated campaign, or null when it did not apply.
   */
  update(
    accountId: string,
    id: string,
    whenStatus: readonly CampaignStatus[],
    patch: CampaignPatch,
    now: string,
  ): Promise<Campaign | null>;
  /** Scheduled campaigns due at `now` (scheduled_at ≤ now), oldest first. */
  due(now: string, limit: number): Promise<Campaign[]>;
  /** Campaigns waiting in review (the operator queue filters those held by the screen). */
  inReview(limit: number): Promise<Campaign[]>;
  /** The account's name, postal address (MSG-03) and language; null when there is no such account. */
  accountFacts(accountId: string): Promise<{ name: string; postalAddress: string; language: string } | null>;
  /** The verified addresses of the account's own team (test sends go only there). */
  teamEmails(accountId: string): Promise<string[]>;
  /**
   * How many times the account's campaigns were rejected (by the screen or a reviewer) at or after
   * `since`: the audit log's reject entries, so an edit that clears a verdict does not erase one.
   */
  rejectionsSince(accountId: string, since: string): Promise<number>;
  /** A reviewer's latest decision on this campaign (the audit log: who, when, the reason given), or null. */
  reviewDecision(
    accountId: string,
    campaignId: string,
  ): Promise<{ decision: 'approve' | 'reject'; reason: string; at: string; operatorId: string } | null>;
  /** Contacts who withdrew consent through this campaign's unsubscribe links (consent ledger, source_id = campaign). */
  unsubscribed(accountId: string, campaignId: string): Promise<number>;
}

/** Clicks of a campaign (the click-tracking area's click_events); 0 until that area lands. */
export interface ClickCounter {
  clicks(accountId: string, campaignId: string): Promise<number>;
}

export type { PauseReason };
