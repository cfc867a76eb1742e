// The consent ledger's vocabulary (see CONTEXT.md). These types are the contract other areas
// (forms, imports, unsubscribe, campaigns) code against: keep them stable.

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * requested   — a double opt-in sign-up awaiting confirmation (state: pending)
 * granted     — consent given without a confirmation step (single opt-in, import, API, operator)
 * confirmed   — the double opt-in confirmation (state: active; carries confirm time/IP/UA)
 * withdrawn   — consent taken back (unsubscribe, preference centre, complaint, erasure)
 * reconfirmed — re-permission after CON-12 (state: active, the consent clock restarts)
 */
export const CONSENT_KINDS = ['requested', 'granted', 'confirmed', 'withdrawn', 'reconfirmed'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_SOURCE_TYPES = [
  'form',
  'import',
  'api',
  'operator',
  'sms-keyword',
  'unsubscribe',
  'preference-center',
  'complaint',
  'erasure',
] as const;
export type ConsentSourceType = (typeof CONSENT_SOURCE_TYPES)[number];

export type ConsentStatus = 'pending' | 'active' | 'withdrawn';

/** Free extra evidence (e.g. an import's claimed OPTIN_TIME / OPTIN_IP). JSON-serialisable. */
export type ConsentEvidence = Record<string, unknown>;

/** What a caller hands to ConsentService.record(). The service fills seq, id, hashes and times. */
export interface NewConsentEvent {
  contactId: string;
  listId: string;
  /** Must equal the list's channel (CON-01: consent is per purpose AND channel). */
  channel: Channel;
  kind: ConsentKind;
  sourceType: ConsentSourceType;
  /** The form submission id, import id, API key id / user id, keyword message id, operator user id … */
  sourceId?: string | null;
  formId?: string | null;
  formVersion?: number | null;
  /** The exact text the person saw (CON-07); its SHA-256 is computed by the ledger. */
  textShown: string;
  /** Co-registration partners named in the consent (CON-05), by name. */
  partners?: string[];
  ip?: string | null;
  userAgent?: string | null;
  language?: string | null;
  /** ISO-8601 UTC; defaults to the service clock's now. */
  occurredAt?: string;
  /** Double opt-in confirmation (CON-06/CON-07): on 'confirmed' events. */
  confirmedAt?: string | null;
  confirmIp?: string | null;
  confirmUserAgent?: string | null;
  evidence?: ConsentEvidence;
}

/** One row of the append-only, hash-chained ledger (CON-07, CON-08). */
export interface ConsentEvent {
  /** Position in the account's chain, from 1. */
  seq: number;
  id: string;
  accountId: string;
  contactId: string;
  listId: string;
  channel: Channel;
  kind: ConsentKind;
  sourceType: ConsentSourceType;
  sourceId: string | null;
  formId: string | null;
  formVersion: number | null;
  textShown: string;
  /** SHA-256 hex of textShown (UTF-8). */
  textHash: string;
  partners: string[];
  ip: string | null;
  userAgent: string | null;
  language: string | null;
  occurredAt: string;
  confirmedAt: string | null;
  confirmIp: string | null;
  confirmUserAgent: string | null;
  evidence: ConsentEvidence;
  /** hash of the previous event in this account's chain; 64 zeros for seq 1. */
  prevHash: string;
  /** sha256(prevHash + canonicalJson(every field above except hash)) — see canonical.ts. */
  hash: string;
}

/** The derived, current consent of one contact for one list and channel (never edited by hand). */
export interface ConsentState {
  accountId: string;
  contactId: string;
  listId: string;
  channel: Channel;
  status: ConsentStatus;
  grantedAt: string | null;
  confirmedAt: string | null;
  lastEventSeq: number;
  lastSentAt: string | null;
  /** Set by imports while the import awaits review (DEL-01 'list-unapproved'); null = not held. */
  hold: string | null;
}

/** Who/what withdraws consent; becomes the source fields of the 'withdrawn' events. */
export interface WithdrawalSource {
  sourceType: ConsentSourceType;
  sourceId?: string | null;
  /** The text of the page/button the person used; '' when none was shown (complaint, erasure). */
  textShown?: string;
  ip?: string | null;
  userAgent?: string | null;
  language?: string | null;
  occurredAt?: string;
  evidence?: ConsentEvidence;
}

export interface ChainProblem {
  seq: number;
  eventId: string | null;
  problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'seq-gap' | 'text-hash-mismatch' | 'head-mismatch';
  message: string;
}

export interface ChainVerification {
  accountId: string;
  events: number;
  ok: boolean;
  firstProblem: ChainProblem | null;
}
