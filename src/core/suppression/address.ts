// Address normalisation and hashing shared by contacts, suppression and the gate. Suppression
// stores only the SHA-256 of the normalised address, so a tombstone is not the address itself.
import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** RFC 5321 §4.5.3.1: a path is at most 256 octets, so an address at most 254; a local part at most 64. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_EMAIL_LOCAL_LENGTH = 64;
/** ITU-T E.164: at most 15 digits after the '+'. Raw input allows spaces and punctuation. */
export const MAX_PHONE_INPUT_LENGTH = 32;

// A pragmatic addr-spec (RFC 5322 dot-atom local part, a domain with a dot). Quoted local parts
// and IP literals are refused on purpose: no mailbox provider hands them out.
const EMAIL_RE =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$/;

/** The normalised (trimmed, lower-cased) email, or null when it is not a valid address. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return null;
  const at = email.lastIndexOf('@');
  if (at < 1 || at > MAX_EMAIL_LOCAL_LENGTH) return null;
  return EMAIL_RE.test(email) ? email : null;
}

/** SMS-04: the E.164 form of a valid number, or null. National numbers need a default region. */
export function normalizePhone(input: string, defaultRegion?: CountryCode): string | null {
  if (input.length > MAX_PHONE_INPUT_LENGTH) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), defaultRegion);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** Normalises either kind: an address with '@' is an email, anything else a phone number. */
export function normalizeAddress(input: string): string | null {
  return input.includes('@') ? normalizeEmail(input) : normalizePhone(input);
}

/** SHA-256 hex of a normalised address (email lower-cased, phone in E.164). */
export function addressHash(normalized: string): string {
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
