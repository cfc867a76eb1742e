// The forms area's records and the store port its repository implements (src/db/repositories/forms.ts).
import type { FormDefinition } from './definition.ts';
import type { RenderedForm } from './render-text.ts';

export interface FormRecord {
  id: string;
  accountId: string;
  name: string;
  latestVersion: number;
  publishedVersion: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FormVersion {
  formId: string;
  version: number;
  accountId: string;
  definition: FormDefinition;
  rendered: RenderedForm;
  createdAt: string;
  createdBy: string | null;
}

export interface ConfirmationItem {
  listId: string;
  /** The form box the person ticked (form sign-ups). */
  boxKey?: string;
  /** The text the person was shown, for a confirmation without a form (API consent, CON-13). */
  textShown?: string;
}

export interface Confirmation {
  id: string;
  accountId: string;
  contactId: string;
  /** null: started by API consent on a double opt-in list (CON-13), not by a form. */
  formId: string | null;
  formVersion: number | null;
  items: ConfirmationItem[];
  language: string;
  createdAt: string;
  expiresAt: string;
  confirmedAt: string | null;
  confirmIp: string | null;
  confirmUserAgent: string | null;
}

/** What the public pages say of the sender (the account): its name and privacy policy link. */
export interface PublicSender {
  name: string;
  /** http(s) only, or null. */
  privacyPolicyUrl: string | null;
  /** ISO 3166 alpha-2: phone numbers typed without +country code on a form that names none. */
  defaultCountry: string | null;
}

/** The accounts area answers it (accounts.senderFacts); the forms area only reads. */
export interface SenderDirectory {
  senderFacts(accountId: string): Promise<PublicSender | null>;
}

export interface FormStore {
  /** Creates the form and its version 1. */
  insertForm(form: FormRecord, first: FormVersion): Promise<void>;
  /** Adds version `next.version` if the form's latest is still `next.version - 1`; false otherwise. */
  appendVersion(next: FormVersion, at: string): Promise<boolean>;
  getForm(accountId: string, formId: string): Promise<FormRecord | null>;
  /** Public pages: a form by id whatever its account. */
  getFormAnyAccount(formId: string): Promise<FormRecord | null>;
  listForms(accountId: string): Promise<FormRecord[]>;
  getVersion(formId: string, version: number): Promise<FormVersion | null>;
  setPublished(accountId: string, formId: string, version: number, at: string): Promise<void>;
  insertConfirmation(c: Confirmation): Promise<void>;
  getConfirmation(id: string): Promise<Confirmation | null>;
  /** Sets confirmed_* only while unconfirmed: true for the one caller that won (single use). */
  markConfirmed(id: string, at: string, ip: string, userAgent: string): Promise<boolean>;
  /**
   * Runs `fn` as one transaction of the database the form store shares with the contact,
   * consent and system-mail stores: a sign-up's writes commit together or not at all.
   */
  unitOfWork<T>(fn: () => Promise<T>): Promise<T>;
}
