// Delivery (issue 8): per-recipient delivery records, the rendered message and the outbound
// port. The send engine (core/delivery) writes the records; the report, bounce tracing and
// complaint review (the enforcement issue) read them.
import type { Campaign } from '../campaigns/types.ts';
import type { DomainSigningKeys } from '../sending-domains/types.ts';

/**
 * One recipient of one campaign:
 * queued → sending (claimed by a worker under a lease) → accepted | deferred → … | bounced | refused.
 * `deferred` goes back to the queue with next_attempt_at (4xx, relay down, quota); after
 * DELIVERY_MAX_ATTEMPTS transient failures it ends `bounced` with bounceType 'soft'.
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'accepted', 'deferred', 'bounced', 'refused', 'held'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryRecord {
  campaignId: string;
  contactId: string;
  accountId: string;
  status: DeliveryStatus;
  /** A refusal reason of the gate, or 'sample-hold' / 'quota-exceeded' while waiting. */
  reason: string | null;
  attempts: number;
  bounceType: 'hard' | 'soft' | null;
  /** The relay's last SMTP reply ("250 2.0.0 Ok: queued as 4Zx…", "550 5.1.1 …"). */
  smtpReply: string | null;
  /** The relay's queue id from a 250 reply, when it names one. */
  queueId: string | null;
  relay: string | null;
  messageId: string | null;
  /** True for recipients of an import's first-campaign sample (IMP-07). */
  sample: boolean;
  updatedAt: string;
}

/** A message ready for the wire: the envelope and the signed RFC 5322 bytes. */
export interface OutboundMessage {
  /** The VERP Return-Path (MAIL FROM). */
  envelopeFrom: string;
  to: string;
  raw: Buffer;
  /** Ties the result back to the delivery record. */
  contactId: string;
  messageId: string;
}

export type OutboundResult =
  | { contactId: string; outcome: 'accepted'; reply: string; queueId: string | null; relay: string }
  | { contactId: string; outcome: 'rejected'; reply: string; code: number; relay: string }
  | { contactId: string; outcome: 'deferred'; reply: string; code: number | null; relay: string | null };

/**
 * The relays (src/channels/email/relay-pool.ts): pooled SMTP to one or more relays, each with
 * its own connection and rate limits. Never throws for one message: every message gets a result.
 * A 5xx answer is 'rejected' (a synchronous bounce), a 4xx, garbage or a dropped connection is
 * 'deferred' — never 'accepted' unless the relay answered 250 to the end of DATA.
 */
export interface Outbound {
  send(messages: OutboundMessage[]): Promise<OutboundResult[]>;
  /** False while every relay is failing (the send engine pauses the campaign). */
  healthy(): boolean;
  close(): Promise<void>;
}

/** What the composer needs about one recipient (read by the send engine per batch). */
export interface RecipientView {
  contactId: string;
  email: string;
  language: string | null;
  /** The contact's attributes: Liquid personalisation fields (`{{ contact.first_name | default: "there" }}`). */
  attributes: Record<string, unknown>;
}

/** The sender facts every message carries (MSG-03, MSG-05). */
export interface SenderFacts {
  accountId: string;
  accountName: string;
  postalAddress: string;
  listId: string;
}

/**
 * Builds the wire messages of one campaign version (src/channels/email/campaign-composer.ts):
 * `prepare` compiles the template once per campaign version (MJML, Liquid parse, CSS inline, link
 * list for click tracking) and loads the DKIM key objects once; `compose` renders, adds the
 * headers (List-Unsubscribe + Post, Message-ID, Feedback-ID, VERP Return-Path) and the footer,
 * and signs — on worker threads when there are many.
 */
export interface MessageComposer {
  prepare(input: { campaign: Campaign; sender: SenderFacts; keys: DomainSigningKeys }): Promise<PreparedCampaign>;
  compose(prepared: PreparedCampaign, recipients: RecipientView[], now: Date): Promise<OutboundMessage[]>;
  close(): Promise<void>;
}

/** Opaque to the engine: whatever the composer compiled for one campaign version. */
export interface PreparedCampaign {
  campaignId: string;
  version: number;
  /** The links found in the content (click tracking redirects only to these; SEC-04). */
  links: string[];
}
