// The enforcement area's vocabulary and seams (REP-01..07, BL-03, ABU-01/02; see CONTEXT.md):
// what comes back from mailbox providers and recipients, stored before it is acknowledged,
// processed by one queue job, traced to what Assent sent, and acted on.

/** Where an inbound item came from. */
export const INBOUND_SOURCES = ['smtp', 'ses', 'sendgrid', 'report-form'] as const;
export type InboundSource = (typeof INBOUND_SOURCES)[number];

/**
 * Which mailbox an SMTP recipient names (mailboxFor): the VERP bounce address (`b-…@BOUNCE_HOST`),
 * the List-Unsubscribe mailto (`unsubscribe+TOKEN@BOUNCE_HOST`), the feedback-loop address
 * (`fbl@BOUNCE_HOST`) or the abuse mailbox (ABUSE_EMAIL).
 */
export const INBOUND_MAILBOXES = ['bounce', 'unsubscribe', 'feedback', 'abuse'] as const;
export type InboundMailbox = (typeof INBOUND_MAILBOXES)[number];

/** Largest inbound message kept; the SMTP server announces it (SIZE) and answers 552 past it. */
export const MAX_INBOUND_MESSAGE_BYTES = 25 * 1024 * 1024;
/** Largest webhook body (one SNS notification, one SendGrid batch). */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** Most recipients one SMTP transaction may name. */
export const MAX_INBOUND_RECIPIENTS = 50;

/** The queue job that processes one stored inbound item (data: { id }). */
export const INBOUND_PROCESS_JOB = 'inbound.process';

export interface InboundEnvelope {
  mailFrom: string;
  /** The accepted recipients, each with the mailbox it named. */
  rcptTo: { address: string; mailbox: InboundMailbox }[];
  remoteAddress: string | null;
}

export interface InboundReceipt {
  /** The stored item's id (the existing one's when duplicate). */
  id: string;
  /** True when an item with the same dedupe key was stored before: nothing new was queued. */
  duplicate: boolean;
}

/** A spam report filed on the public page (ABU-01): the pasted message and who reports it. */
export interface FormReport {
  /** The reported message as pasted or uploaded: full source, or at least its headers. */
  message: string;
  /** The reporter's address, suppressed for the account traced (ABU-02). */
  reporterEmail: string;
  comment: string;
  remoteAddress: string | null;
}

/**
 * The one way in (implemented by intake.ts): each call stores the item and queues its
 * processing, and resolves only after both committed — a caller acknowledges (250 at DATA, 200
 * to a webhook) only then. Idempotent on the dedupe key: the Message-ID header for mail (a hash
 * of the bytes when it has none), the provider's event id for webhooks.
 */
export interface InboundIntake {
  receiveMail(input: { raw: Buffer; envelope: InboundEnvelope }): Promise<InboundReceipt>;
  /** One provider event, as JSON text, already authenticated by the caller. */
  receiveEvent(input: { source: 'ses' | 'sendgrid'; eventId: string; payload: string }): Promise<InboundReceipt>;
  receiveReport(input: FormReport): Promise<InboundReceipt>;
}

/**
 * What a reported or complained-about message carries that can lead back to what Assent sent
 * (ABU-02), read from its headers (trace-keys.ts). Strength: VERP, the List-Unsubscribe token and
 * a Message-ID found in the delivery records prove the recipient; a Feedback-ID alone names a
 * campaign but proves nothing about who received it.
 */
export interface TraceKeys {
  /** VERP local parts (`b-…`) from Return-Path / envelope / Original-Mail-From. */
  verpLocalParts: string[];
  /** Unsubscribe tokens from List-Unsubscribe (https `/u/<token>` and `mailto:unsubscribe+<token>@`). */
  unsubscribeTokens: string[];
  /** Message-IDs, with their angle brackets, as Assent wrote them. */
  messageIds: string[];
  /** Feedback-ID values (`campaign:account:campaign:assent`). */
  feedbackIds: string[];
}

/**
 * The relay services' webhooks (implemented in src/channels/webhooks/): each POST authenticated
 * (SNS signature and an allowed topic; SendGrid's ECDSA signature and a fresh timestamp), then
 * every event handed to the intake. Refusals are AppErrors with WEBHOOK_* codes.
 */
export interface ProviderWebhooks {
  ses(body: string): Promise<{ outcome: 'stored' | 'duplicate' | 'subscribed' | 'ignored'; id: string | null }>;
  sendgrid(body: string, signature: string, timestamp: string): Promise<{ stored: number; duplicates: number }>;
}
