import type { Channel, ConsentEvent, ConsentState } from '../consent/types.ts';
import type { SuppressionEntry } from '../suppression/types.ts';

export type Attributes = Record<string, unknown>;

export interface Contact {
  id: string;
  accountId: string;
  /** Lower-cased; null when the contact has only a phone, or after erasure. */
  email: string | null;
  /** E.164 (SMS-04); null when the contact has only an email, or after erasure. */
  phone: string | null;
  attributes: Attributes;
  language: string | null;
  timeZone: string | null;
  createdAt: string;
  /** Set by data-subject erasure: personal fields are gone, the row stays for the ledger's references. */
  erasedAt: string | null;
}

export interface ContactInput {
  email?: string | null;
  phone?: string | null;
  language?: string | null;
  timeZone?: string | null;
  attributes?: Attributes;
}

export interface UpsertOptions {
  /**
   * 'subject' = the person acting themselves (a hosted form, double opt-in): lifts an erasure
   * tombstone for their address. 'customer' (default: import, API, UI) is refused with
   * ADDRESS_ERASED when the address was erased, so an import cannot bring it back.
   */
  origin?: 'customer' | 'subject';
  /** ISO 3166-1 alpha-2 region for national phone numbers (e.g. 'DE'). */
  defaultRegion?: string;
}

/** Row-level storage shape: the core computes the address hashes. */
export interface ContactRecord extends Contact {
  emailHash: string | null;
  phoneHash: string | null;
}

/**
 * What the contacts table shows per contact and list. Precedence, first that applies:
 * suppressed (the address is on the account's or the platform's suppression list) → withdrawn →
 * held (consent_state.hold: an import under review) → pending → active; 'none' = no consent event.
 */
export const CONTACT_STATUSES = ['active', 'pending', 'held', 'withdrawn', 'suppressed', 'none'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface ContactListStatus {
  listId: string;
  channel: Channel;
  status: ContactStatus;
}

/** A row of the contacts table: the contact, its display name, its status(es). */
export interface ContactRow extends Contact {
  /** From the attributes firstName/lastName (imports), first_name/last_name (forms) or name; null when none. */
  name: string | null;
  /**
   * The status on the filtered list; without a list filter, the contact's overall status:
   * suppressed, else the best of its lists (active > held > pending > withdrawn), else none.
   */
  status: ContactStatus;
  /** The status on every list the contact has a consent state on. */
  lists: ContactListStatus[];
}

export interface ContactPage {
  items: Contact[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

/** GET /contacts: a ContactPage whose rows carry name and status, plus the filter's totals. */
export interface ContactListPage extends ContactPage {
  items: ContactRow[];
  /** Contacts matching the whole filter (q, listId, status). */
  total: number;
  /** Contacts matching q and listId, per status (ignores the status filter): the totals line. */
  totals: Record<ContactStatus, number>;
}

/**
 * Where a contact came from: the source of a consent it gave (requested or granted) — a hosted
 * form, an import, the API, an operator, or an SMS keyword. Withdrawal sources are not origins.
 */
export const CONTACT_SOURCES = ['form', 'import', 'api', 'operator', 'sms-keyword'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export interface ContactSearch {
  /** Lower-cased, trimmed search text; matched against the address and the name. */
  q?: string;
  list?: { id: string; channel: Channel };
  /** Only contacts who gave consent (on `list`, when set) through this source. */
  source?: ContactSource;
  status?: ContactStatus;
  after?: string;
  limit: number;
}

/** GET /contacts/:id/timeline: every ledger event of the contact and its suppressions. */
export interface ContactTimeline {
  events: ConsentEvent[];
  suppressions: SuppressionEntry[];
}

/** A contact with its consent per list and channel (GET /contacts/:id answers it). */
export interface ContactDetail {
  contact: Contact;
  consent: ConsentState[];
}

export interface ContactExport {
  contact: Contact;
  consentStates: ConsentState[];
  consentEvents: ConsentEvent[];
  suppressions: SuppressionEntry[];
  exportedAt: string;
}

export interface ContactStore {
  insert(record: ContactRecord): Promise<boolean>;
  get(accountId: string, id: string): Promise<ContactRecord | null>;
  findByAddress(accountId: string, by: { email?: string | null; phone?: string | null }): Promise<ContactRecord[]>;
  update(accountId: string, id: string, patch: Partial<Omit<ContactRecord, 'id' | 'accountId' | 'createdAt'>>): Promise<boolean>;
  page(accountId: string, options: { after?: string; limit: number }): Promise<ContactRecord[]>;
  /** The channel of one of the account's lists; null when the list is not the account's. */
  listChannel(accountId: string, listId: string): Promise<Channel | null>;
  /** A keyset page (by id) of the contacts matching the search, each with its status. */
  search(accountId: string, search: ContactSearch): Promise<Array<ContactRecord & { status: ContactStatus }>>;
  /** Contacts matching q and list, counted per status. */
  countByStatus(
    accountId: string,
    search: Pick<ContactSearch, 'q' | 'list' | 'source'>,
  ): Promise<Partial<Record<ContactStatus, number>>>;
  /** The consent states of these contacts (one query per chunk). */
  statesFor(accountId: string, contactIds: string[]): Promise<ConsentState[]>;
}
