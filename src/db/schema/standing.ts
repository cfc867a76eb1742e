// Account standing's audit log and billing records (migration 0002_standing_audit).
import type { Generated } from 'kysely';

export type AuditActorType = 'operator' | 'system' | 'user' | 'api-key';

/** Append-only (ACC-04): rows are inserted, never updated or deleted (triggers refuse both). */
export interface AuditLogTable {
  /** Insertion order; `bigserial` on PostgreSQL, `integer primary key autoincrement` on SQLite. */
  seq: Generated<number>;
  id: string;
  at: string;
  actor_type: AuditActorType;
  actor_id: string;
  account_id: string | null;
  action: string;
  reason: string;
  rule: string | null;
  /** JSON object, parsed with zod when read back. */
  details: string;
}

/** One row per account that has billing facts; written when a block decides refund eligibility. */
export interface BillingRecordsTable {
  account_id: string;
  plan: string;
  paid_total_cents: number;
  /** 0 once the account was blocked for a policy violation (ACC-06 "No refunds"). */
  refund_eligible: number;
  refund_note: string | null;
  updated_at: string;
}

export interface StandingTables {
  audit_log: AuditLogTable;
  billing_records: BillingRecordsTable;
}
