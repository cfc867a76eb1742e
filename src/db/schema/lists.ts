// Lists and segments (migration 0010_lists_contacts); list versions (0060_list_versions).
import type { Generated } from 'kysely';

export interface ListsTable {
  id: string;
  account_id: string;
  name: string;
  purpose_text: string;
  /** 'email' | 'sms' — fixed at creation. */
  channel: string;
  frequency: string;
  /** 0/1; CON-06 default 1. */
  double_opt_in: number;
  sender_name: string;
  created_at: string;
  archived_at: string | null;
  /** The current list_versions.version (migration 0060). */
  version: Generated<number>;
}

/** One version of a list's consent wording (append-only, migration 0060). */
export interface ListVersionsTable {
  list_id: string;
  version: number;
  account_id: string;
  purpose_text: string;
  frequency: string;
  sender_name: string;
  created_at: string;
}

export interface SegmentsTable {
  id: string;
  account_id: string;
  name: string;
  /** JSON SegmentFilter, parsed with zod when read. */
  filter: string;
  created_at: string;
}

export interface ListTables {
  lists: ListsTable;
  list_versions: ListVersionsTable;
  segments: SegmentsTable;
}
