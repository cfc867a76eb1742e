import type { ConsentEvent, ConsentState } from '../consent/types.ts';
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

export interface ContactPage {
  items: Contact[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
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
}
