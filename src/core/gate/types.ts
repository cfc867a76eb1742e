// The send decision (DEL-01). A refusal always names its reason.
import type { Channel, ConsentStatus } from '../consent/types.ts';

export const SEND_REFUSALS = [
  'no-consent',
  'pending-confirmation',
  'withdrawn',
  'repermission-needed',
  'suppressed',
  'list-unapproved',
  'list-archived',
  'account-restricted',
  // Campaign-level refusals (issue 8), decided by the sender's preconditions for the whole batch.
  'content-unapproved',
  'domain-unverified',
  'no-postal-address',
  'quota-exceeded',
  'policy-unavailable',
  // SMS-03 (issue 11), SMS lists only: the recipient's local time is outside 08:00–21:00. A
  // DEFERRAL, not a refusal: the decision carries `deferUntil`, and it is never recorded in
  // send_refusals (the sender keeps the message queued with this reason until then).
  'quiet-hours',
  // SMS-03: no local time can be vouched for (the number's zone is unknown): refused and recorded.
  'quiet-hours-unknown',
] as const;
export type SendRefusal = (typeof SEND_REFUSALS)[number];

/** A reason that ends the attempt (everything but the quiet-hours deferral). */
export type FinalRefusal = Exclude<SendRefusal, 'quiet-hours'>;

export type SendDecision =
  | { allowed: true }
  | { allowed: false; reason: FinalRefusal }
  /** SMS-03: not now; the window opens for this recipient at `deferUntil` (re-queue, never drop). */
  | { allowed: false; reason: 'quiet-hours'; deferUntil: Date };

export interface AuthorizeSendInput {
  accountId: string;
  listId: string;
  channel: Channel;
  /** One batch of recipients; see MAX_GATE_BATCH. */
  contactIds: string[];
  now: Date;
  /** What the send belongs to (a campaign id), recorded with each refusal; null when none. */
  contextId?: string | null;
}

/**
 * What the send belongs to may refuse it whole (DEL-01): a campaign not approved for its current
 * content, its From domain no longer verified, the account without a postal address (MSG-03).
 * Asked once per batch when a contextId is given; null = may go.
 */
export interface SendPreconditions {
  check(accountId: string, contextId: string, channel: Channel): Promise<SendRefusal | null>;
}

/** One recorded refusal (DEL-01): every refused recipient of a real send, never of a dry run. */
export interface SendRefusalRecord {
  id: string;
  accountId: string;
  listId: string;
  contactId: string;
  channel: Channel;
  reason: SendRefusal;
  contextId: string | null;
  decidedAt: string;
}

/** Recorded refusals counted by reason, for one list (and one context, when named). */
export interface RefusalCounts {
  listId: string | null;
  contextId: string | null;
  total: number;
  refused: Record<SendRefusal, number>;
}

/** What the gate needs to know about one recipient, read in one query per batch. */
export interface RecipientFacts {
  contactId: string;
  /** Hash of the address for this channel (email or E.164 phone); null when none (or erased). */
  addressHash: string | null;
  erased: boolean;
  /** null = no consent_state row for this list and channel. */
  status: ConsentStatus | null;
  grantedAt: string | null;
  confirmedAt: string | null;
  lastSentAt: string | null;
  /** Non-null while an import holding this consent awaits review. */
  hold: string | null;
  /** SMS lists only (null for email): the stored E.164 phone and the contact's stated zone, for quiet hours. */
  phone: string | null;
  timeZone: string | null;
}

/** A dry-run row: the facts and whether the address is suppressed (own or platform-wide). */
export interface PageFacts extends RecipientFacts {
  suppressed: boolean;
}

export interface DryRunReport {
  listId: string;
  channel: Channel;
  total: number;
  allowed: number;
  refused: Record<SendRefusal, number>;
  /** SMS lists: when the last recipient waiting for quiet hours may be sent (null when none waits). */
  deferredUntil?: string | null;
}

export interface GateStore {
  list(accountId: string, listId: string): Promise<{ channel: Channel; archivedAt: string | null } | null>;
  /** ONE query: the given contacts of the account with their consent for (list, channel). Unknown ids are absent. */
  recipientFacts(accountId: string, listId: string, channel: Channel, contactIds: string[]): Promise<RecipientFacts[]>;
  /**
   * ONE query: a keyset page over the list's consent_state rows with contact_id in (after, upTo]
   * (upTo null: no upper bound), in contact_id order, at most `limit`, joined with contacts and
   * with suppression (own or platform-wide) decided (the dry run).
   */
  recipientPage(
    accountId: string,
    listId: string,
    channel: Channel,
    after: string | null,
    upTo: string | null,
    limit: number,
  ): Promise<PageFacts[]>;
  /** The contact_id of the `limit`-th consent row of the list after `after`, or null when there are fewer (page bounds for reading ahead). */
  pageBoundary(accountId: string, listId: string, channel: Channel, after: string | null, limit: number): Promise<string | null>;
  /** How many dry-run pages the engine reads at once (1: one after the other). */
  pageReadAhead: number;
  /** ONE query: which hashes are suppressed for the account (own or platform-wide entries). */
  suppressedHashes(accountId: string, hashes: string[]): Promise<Set<string>>;
  /** Contacts (among the given) whose consent for the list is held by an import under review. */
  unapprovedContactIds(accountId: string, listId: string, contactIds: string[]): Promise<Set<string>>;
  /** Sets or clears (null) the import hold on these consent rows (imports area). */
  setHold(accountId: string, listId: string, contactIds: string[], hold: string | null): Promise<void>;
  /** Clears one hold everywhere (an import approved). */
  releaseHold(accountId: string, hold: string): Promise<number>;
  /** ONE bulk insert: a batch's refusals (DEL-01). */
  recordRefusals(rows: SendRefusalRecord[]): Promise<void>;
  /** Recorded refusals of the account by reason; `listId` / `contextId` narrow it (contextId null = none named). */
  countRefusals(accountId: string, filter: { listId?: string; contextId?: string | null }): Promise<Map<SendRefusal, number>>;
  /** Deletes at most `limit` recorded refusals with an id below `beforeId` (ids are time-ordered); returns how many. */
  pruneRefusals(beforeId: string, limit: number): Promise<number>;
  /** Records a send for CON-12 (last_sent_at is a delivery fact, not consent). */
  markSent(accountId: string, listId: string, channel: Channel, contactIds: string[], at: string): Promise<void>;
}
