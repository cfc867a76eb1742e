// SMS senders and inbound texts (migrations 0065_sms_senders, 0066_sms_inbound; issue 11).
export interface SmsSendersTable {
  id: string;
  account_id: string;
  /** E.164 number, short code (digits) or alphanumeric sender ID; unique over all accounts. */
  sender: string;
  created_at: string;
}

export interface SmsInboundTable {
  id: string;
  provider: string;
  from_number: string;
  to_sender: string;
  /** The text as received, cut at MAX_STORED_INBOUND_TEXT. */
  text: string;
  received_at: string;
  /** null: no account has the sender it was sent to. */
  account_id: string | null;
  contact_id: string | null;
  /** opt-out | help | confirm | other */
  intent: string;
  keyword: string | null;
  /** core/sms/inbound.ts InboundOutcomeKind; 'received' until handled. */
  outcome: string;
  /** Consent events it recorded. */
  events: number;
  /** none | sent | within-interval | failed */
  reply: string;
  updated_at: string;
}

export interface SmsAutoRepliesTable {
  account_id: string;
  sender: string;
  recipient: string;
  /** opt-out | help */
  kind: string;
  last_at: string;
}

export interface SmsTables {
  sms_senders: SmsSendersTable;
  sms_inbound: SmsInboundTable;
  sms_auto_replies: SmsAutoRepliesTable;
}
