// The consent ledger, its chain heads and its projection (migration 0011_consent_ledger).

/** Append-only (CON-08): never updated or deleted by the code; triggers refuse both. */
export interface ConsentEventsTable {
  account_id: string;
  /** Position in the account's chain, from 1; unique (account_id, seq). */
  seq: number;
  id: string;
  contact_id: string;
  list_id: string;
  channel: string;
  kind: string;
  source_type: string;
  source_id: string | null;
  form_id: string | null;
  form_version: number | null;
  text_shown: string;
  text_hash: string;
  /** JSON array of partner names. */
  partners: string;
  ip: string | null;
  user_agent: string | null;
  language: string | null;
  occurred_at: string;
  confirmed_at: string | null;
  confirm_ip: string | null;
  confirm_user_agent: string | null;
  /** JSON object of extra evidence. */
  evidence: string;
  prev_hash: string;
  hash: string;
}

export interface ConsentChainHeadsTable {
  account_id: string;
  last_seq: number;
  last_hash: string;
}

/** The derived current consent per (contact, list, channel); written only with an append (plus last_sent_at / hold). */
export interface ConsentStateTable {
  account_id: string;
  contact_id: string;
  list_id: string;
  channel: string;
  status: string;
  granted_at: string | null;
  confirmed_at: string | null;
  last_event_seq: number;
  last_sent_at: string | null;
  /** Non-null while an import under review holds this consent (DEL-01 'list-unapproved'). */
  hold: string | null;
}

/** CON-13: one row per consent taken in by the API (rate limit, rolling review window). */
export interface ConsentIntakeLogTable {
  id: string;
  account_id: string;
  recorded_at: string;
  contact_id: string;
  list_id: string;
  source_id: string | null;
  /** The held review batch (imports row) this intake belongs to; null = not held. */
  batch_id: string | null;
}

export interface ConsentTables {
  consent_intake_log: ConsentIntakeLogTable;
  consent_events: ConsentEventsTable;
  consent_chain_heads: ConsentChainHeadsTable;
  consent_state: ConsentStateTable;
}
