// Lists and segments (migration 0010_lists_contacts).
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
  segments: SegmentsTable;
}
