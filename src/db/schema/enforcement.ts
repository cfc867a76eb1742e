// Enforcement (migration 0051_enforcement): inbound items, bounce events, complaints, incidents,
// campaign holds.
export interface InboundMessagesTable {
  id: string;
  source: string;
  mailbox: string | null;
  dedupe_key: string;
  /** JSON InboundEnvelope, or null for webhook events and form reports. */
  envelope: string | null;
  raw: Buffer | Uint8Array;
  size: number;
  /** 'received' | 'processed' | 'untraceable' | 'failed'. */
  status: string;
  /** JSON: what processing did (kinds, traces, actions). */
  outcome: string | null;
  received_at: string;
  processed_at: string | null;
}

export interface BounceEventsTable {
  id: string;
  inbound_id: string;
  seq: number;
  account_id: string;
  campaign_id: string;
  contact_id: string;
  kind: string;
  status: string;
  reason: string;
  reply: string;
  at: string;
}

export interface ComplaintsTable {
  id: string;
  inbound_id: string;
  seq: number;
  source: string;
  feedback_type: string;
  account_id: string | null;
  campaign_id: string | null;
  contact_id: string | null;
  traced_by: string;
  counted: number;
  reporter: string | null;
  comment: string | null;
  review_status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  received_at: string;
}

export interface IncidentsTable {
  id: string;
  kind: string;
  subject_kind: string;
  subject: string;
  account_id: string | null;
  summary: string;
  /** JSON. */
  details: string;
  occurrences: number;
  opened_at: string;
  last_seen_at: string;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string | null;
}

export interface CampaignHoldsTable {
  account_id: string;
  rule: string;
  reason: string;
  held_at: string;
}

export interface EnforcementTables {
  inbound_messages: InboundMessagesTable;
  bounce_events: BounceEventsTable;
  complaints: ComplaintsTable;
  incidents: IncidentsTable;
  campaign_holds: CampaignHoldsTable;
}
