// The SMS provider port (issue 11 §1, SMS-04): one interface that the SMPP client and the HTTP
// gateway adapters (src/channels/sms/) implement, so the send path never knows which one it uses.
// Adapters never throw for provider trouble (a refused bind, a dropped connection, a 5xx, a
// timeout): they classify it into a SubmitOutcome. They throw only for programming errors.

export type SmsEncoding = 'gsm7' | 'ucs2';

/** One text to one recipient. The caller chose the encoding (core/sms/segments decides it). */
export interface SmsMessage {
  /** Our id for this message (the delivery record's): the HTTP gateways echo it as a reference. */
  id: string;
  /** The sender id: an E.164 number, a short code (digits) or an alphanumeric name (≤ 11). */
  from: string;
  /** The recipient, E.164 (`+40722123456`). */
  to: string;
  text: string;
  encoding: SmsEncoding;
}

/**
 * What became of one submit.
 * - accepted: the provider took it (one id per part for SMPP, one for a gateway). Not delivered:
 *   receipts say that later.
 * - rejected: the provider refused this message; `permanent` false means it may go later
 *   (throttled, queue full), true that resending the same message will not help.
 * - unavailable: it was not handed over (not bound, bind refused, connection refused, queue full,
 *   closed): safe to send again later.
 * - unknown: it was handed over but no answer came (the connection dropped or timed out while it
 *   was in flight). It may have been sent: the caller must not resend blindly — record it as
 *   unknown and let a receipt (or an operator) settle it, or a recipient may get it twice.
 */
export type SubmitOutcome =
  | { outcome: 'accepted'; providerMessageIds: string[]; segments: number }
  | { outcome: 'rejected'; code: string; permanent: boolean; detail?: string }
  | { outcome: 'unavailable'; reason: string }
  | { outcome: 'unknown'; reason: string };

export type ReceiptStatus = 'delivered' | 'failed' | 'expired' | 'unknown';

/** A final delivery report for one provider message id (one part, for concatenated SMPP messages). */
export interface SmsReceipt {
  provider: string;
  providerMessageId: string;
  status: ReceiptStatus;
  /** When we received the report (ISO-8601 UTC; the SMSC's own "done date" has no time zone). */
  at: string;
  /** The provider's error code when it gave one (SMPP `err:`, network_error_code; Twilio ErrorCode). */
  errorCode?: string;
}

/** A text a person sent to one of our numbers (MO): STOP, HELP, YES… */
export interface InboundSms {
  provider: string;
  /** The sender, E.164 when the provider says it is an international number. */
  from: string;
  /** Our number or short code it was sent to. */
  to: string;
  text: string;
  /** When we received it (ISO-8601 UTC). */
  at: string;
}

export interface SmsProvider {
  /** The configured name of this provider (e.g. `smpp:smsc.example.net`, `twilio`). */
  readonly name: string;
  submit(message: SmsMessage): Promise<SubmitOutcome>;
  /** Every receipt, whether or not its id is one we know: matching it is the caller's job. */
  onReceipt(listener: (receipt: SmsReceipt) => void): void;
  onInbound(listener: (message: InboundSms) => void): void;
  /** Stop: nothing new is accepted; queued messages are answered unavailable, in-flight unknown. */
  close(): Promise<void>;
}
