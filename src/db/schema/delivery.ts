// Delivery records, import samples, send quota and buckets (migrations 0032_delivery, 0033_send_rate).
export interface DeliveryRecordsTable {
  campaign_id: string;
  contact_id: string;
  account_id: string;
  /** A DeliveryStatus (src/core/delivery/types.ts). */
  status: string;
  reason: string | null;
  attempts: number;
  bounce_type: string | null;
  smtp_reply: string | null;
  queue_id: string | null;
  relay: string | null;
  message_id: string | null;
  sample: number;
  next_attempt_at: string;
  claimed_by: string | null;
  lease_until: string | null;
  updated_at: string;
}

export interface ImportSamplesTable {
  import_id: string;
  account_id: string;
  campaign_id: string;
  /** 'sampling' | 'passed' | 'declined' */
  status: string;
  reason: string | null;
  created_at: string;
  settled_at: string | null;
}

export interface AccountSendBucketsTable {
  account_id: string;
  tokens: number;
  refilled_at: string;
}

export interface AccountSendQuotaTable {
  account_id: string;
  day: string;
  used: number;
}

export interface DeliveryPausesTable {
  campaign_id: string;
  account_id: string;
  reason: string;
  paused_at: string;
}

export interface DeliveryTables {
  delivery_pauses: DeliveryPausesTable;
  delivery_records: DeliveryRecordsTable;
  import_samples: ImportSamplesTable;
  account_send_buckets: AccountSendBucketsTable;
  account_send_quota: AccountSendQuotaTable;
}
