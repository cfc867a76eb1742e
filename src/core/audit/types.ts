// The audit log's vocabulary (see CONTEXT.md). Append-only: the port offers append and list only.
import { z } from 'zod';

export const AUDIT_ACTOR_TYPES = ['operator', 'system', 'user', 'api-key'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** Longest reason a person or rule may give; longer ones are refused, not cut. */
export const MAX_AUDIT_REASON_LENGTH = 1000;
export const MAX_AUDIT_RULE_LENGTH = 100;
export const MAX_AUDIT_ACTION_LENGTH = 100;
/** Largest page of entries one list call returns. */
export const MAX_AUDIT_PAGE = 500;
export const DEFAULT_AUDIT_PAGE = 100;

export interface Actor {
  type: AuditActorType;
  id: string;
}

export const AuditDetailsSchema = z.record(z.string(), z.unknown());
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;

export interface AuditEntryInput {
  actor: Actor;
  accountId: string | null;
  action: string;
  reason: string;
  rule?: string | null;
  details?: AuditDetails;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorType: AuditActorType;
  actorId: string;
  accountId: string | null;
  action: string;
  reason: string;
  rule: string | null;
  details: AuditDetails;
}

export interface AuditFilter {
  accountId?: string;
  /** Only entries whose action starts with this prefix, e.g. 'standing.'. */
  actionPrefix?: string;
  /** Entries with seq below this (paging backwards, newest first). */
  before?: number;
  limit?: number;
}

/** A stored entry ready to insert: what append() validated plus the id and time it was given. */
export interface AuditRow {
  id: string;
  at: string;
  actorType: AuditActorType;
  actorId: string;
  accountId: string | null;
  action: string;
  reason: string;
  rule: string | null;
  details: AuditDetails;
}

/** The store port (src/db/repositories/audit.ts). Deliberately no update and no delete. */
export interface AuditStore {
  insert(row: AuditRow): Promise<AuditEntry>;
  list(filter: Required<Pick<AuditFilter, 'limit'>> & AuditFilter): Promise<AuditEntry[]>;
}

/** The audit log as the rest of the core sees it (Services['audit']). */
export interface AuditLog {
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  list(filter?: AuditFilter): Promise<AuditEntry[]>;
}
