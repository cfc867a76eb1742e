// Contacts (migration 0010_lists_contacts).
export interface ContactsTable {
  id: string;
  account_id: string;
  /** Lower-cased; unique per account; null for phone-only contacts and after erasure. */
  email: string | null;
  /** E.164 (SMS-04); unique per account. */
  phone: string | null;
  /** SHA-256 of the normalised address: the gate's suppression lookup key. */
  email_hash: string | null;
  phone_hash: string | null;
  /** JSON object. */
  attributes: string;
  language: string | null;
  time_zone: string | null;
  created_at: string;
  erased_at: string | null;
}

export interface ContactTables {
  contacts: ContactsTable;
}
