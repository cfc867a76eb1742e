// System mail's data shapes and its store port (src/db/repositories/system-mail.ts).
import type { Actor } from '../audit/types.ts';
import type { SystemMailCategory, SystemMailSender } from './ports.ts';

export const SYSTEM_MAIL_STATUSES = ['queued', 'sent', 'failed', 'held', 'suppressed'] as const;
export type SystemMailStatus = (typeof SYSTEM_MAIL_STATUSES)[number];
export const SYSTEM_MAIL_CATEGORIES = ['critical', 'feature-news'] as const;

export const SYSTEM_MAIL_DELIVER_JOB = 'system-mail.deliver';
export const SYSTEM_MAIL_SWEEP_JOB = 'system-mail.sweep';
/** Queue retries for a transient (4xx, network) failure; the back-off doubles each time. */
export const SYSTEM_MAIL_RETRY_LIMIT = 10;
export const SYSTEM_MAIL_RETRY_DELAY_SECONDS = 5;
/** Deliveries a worker runs at once (the SMTP pool holds as many connections). */
export const SYSTEM_MAIL_CONCURRENCY = 5;
/** Longest stored error text. */
export const MAX_LAST_ERROR_LENGTH = 1000;
export const MAX_NOTICE_SUBJECT_LENGTH = 200;
export const MAX_NOTICE_BODY_LENGTH = 20_000;
export const MAX_OUTBOX_PAGE = 200;
/** Queued rows older than this are offered to the relay again by the sweep. */
export const SWEEP_AFTER_MS = 10 * 60 * 1000;
export const SWEEP_BATCH = 200;

export interface OutboxRow {
  id: string;
  accountId: string | null;
  to: string;
  template: string;
  category: SystemMailCategory;
  language: string;
  subject: string;
  text: string;
  html: string;
  status: SystemMailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface OwnerRecipient {
  accountId: string;
  accountName: string;
  email: string;
  /** The person's language, else the account's. */
  language: string;
  featureNewsOptOut: boolean;
}

export interface SystemMailStore {
  insert(row: OutboxRow): Promise<void>;
  get(id: string): Promise<OutboxRow | null>;
  list(filter: { status?: SystemMailStatus; accountId?: string; limit: number }): Promise<OutboxRow[]>;
  /** Account preferences for a mail to this account; null when the account does not exist. */
  accountPrefs(accountId: string): Promise<{ featureNewsOptOut: boolean; language: string } | null>;
  /** The owners of one account, or of every account when accountId is null. */
  owners(accountId: string | null): Promise<OwnerRecipient[]>;
  markSent(id: string, at: string): Promise<void>;
  markFailed(id: string, error: string): Promise<void>;
  /** A transient failure: attempts+1, the error, and when the next try is due. */
  markRetry(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  /** No relay configured: note it, keep the row queued. */
  markWaiting(id: string, note: string): Promise<void>;
  /** Ids of queued rows due for another try (created or last tried before `before`). */
  dueQueued(before: string, limit: number): Promise<string[]>;
}

export interface OwnersMail {
  accountId: string | null;
  template: string;
  category?: SystemMailCategory;
  /** Merged with { accountName } of each recipient's account. */
  data: Record<string, unknown>;
}

export interface NoticeInput {
  accountId?: string;
  all?: boolean;
  category: SystemMailCategory;
  subject: string;
  body: string;
  actor: Actor;
}

export interface SystemMailService extends SystemMailSender {
  /** Mail to the owner(s) of one account, or of all accounts (accountId null). */
  enqueueToOwners(mail: OwnersMail): Promise<{ ids: string[]; queued: number; suppressed: number }>;
  /** An operator's notice (ACC-07 "some to everyone, some just for you"); audited. */
  sendNotice(input: NoticeInput): Promise<{ queued: number; suppressed: number }>;
  listOutbox(filter?: { status?: SystemMailStatus; accountId?: string; limit?: number }): Promise<OutboxRow[]>;
  get(id: string): Promise<OutboxRow | null>;
  /** Queues delivery again for rows queued longer than SWEEP_AFTER_MS (a lost job, a relay added later); returns how many. */
  requeueStale(): Promise<number>;
}
