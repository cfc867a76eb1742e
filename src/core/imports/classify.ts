// Where each input row ends (IMP-03, IMP-06). The pure part: everything decided from the row
// alone. Decisions that need the database (suppressed, duplicate against the account, withdrawn
// consent) are taken in apply.ts with the same reason vocabulary.
import { addressHash, normalizeEmail } from '../suppression/address.ts';
import { checkSyntax, cleanAddress, isDisposableDomain, isRoleAddress } from './address.ts';
import type { CsvRecord } from './csv-reader.ts';
import { hasEvidence, rowEvidence, type FileConsentDeclaration, type RowEvidence } from './evidence.ts';
import { textProblem } from '../text.ts';
import { MAX_FIELD_LENGTH } from './limits.ts';
import { applyMapping, type ResolvedMapping } from './mapping.ts';

export const ROW_OUTCOMES = ['imported', 'quarantined', 'rejected'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** Rejected: not stored. */
export const REJECT_REASONS = [
  'ragged-row', // the record has a different number of fields than the header
  'invalid-text', // a cell holds a NUL or a lone surrogate (SEC-06): no engine may store it
  'malformed-quoting', // a quote opened or closed in the wrong place
  'missing-email',
  'invalid-syntax', // RFC 5321 mailbox syntax
  'too-long', // RFC 5321 §4.5.3.1 lengths
  'invalid-domain', // no public suffix, an address literal, a bad label
  'duplicate-in-file',
  'suppressed', // complained, hard-bounced or erased anywhere on the platform, or suppressed in this account
  'previously-withdrawn', // the person withdrew consent for every target list in this account
] as const;
/** Quarantined: the contact is stored without consent (not sendable) with the reason. */
export const QUARANTINE_REASONS = [
  'disposable-domain',
  'role-address',
  'obfuscated-address',
  'markup-artefact',
  'unsupported-address',
] as const;
/** Imported with a note: 'merged' into an existing contact, or without consent evidence (not sendable). */
export const IMPORT_NOTES = ['merged', 'no-consent-evidence', 'merged-no-consent-evidence'] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export interface Candidate {
  rowNumber: number;
  email: string;
  local: string;
  domain: string;
  hash: string;
  role: boolean;
  disposable: boolean;
  deobfuscated: boolean;
  artefact: boolean;
  /** Set when the row is quarantined whatever the database says. */
  quarantine: QuarantineReason | null;
  evidence: RowEvidence;
  withEvidence: boolean;
  attributes: Record<string, string>;
  language: string | null;
}

export type Classified =
  | { kind: 'rejected'; rowNumber: number; email: string | null; reason: RejectReason }
  | { kind: 'candidate'; candidate: Candidate };

const cut = (s: string | undefined) => (s ? s.slice(0, MAX_FIELD_LENGTH) : undefined);

/** Classifies one record from what it holds alone. */
export function classifyRecord(rec: CsvRecord, resolved: ResolvedMapping, file: FileConsentDeclaration): Classified {
  if (rec.fields === null)
    return { kind: 'rejected', rowNumber: rec.rowNumber, email: addressIn(rec.text, resolved.email), reason: rec.problem };
  // SEC-06: the whole row, mapped or not, since unmapped cells may be kept as attributes later.
  if (rec.fields.some((f) => textProblem(f) !== null)) {
    const address = resolved.email === undefined ? undefined : rec.fields[resolved.email];
    const shown = address && textProblem(address) === null ? address.slice(0, MAX_FIELD_LENGTH) : null;
    return { kind: 'rejected', rowNumber: rec.rowNumber, email: shown, reason: 'invalid-text' };
  }
  const row = applyMapping(rec.fields, resolved);
  const raw = row.email;
  if (!raw) return { kind: 'rejected', rowNumber: rec.rowNumber, email: null, reason: 'missing-email' };
  const cleaned = cleanAddress(raw);
  const syntax = checkSyntax(cleaned.address);
  const shown = raw.slice(0, MAX_FIELD_LENGTH);
  if (!syntax.ok) return { kind: 'rejected', rowNumber: rec.rowNumber, email: shown, reason: syntax.problem };
  // Addresses are kept lower-cased, as contacts store them (src/core/suppression/address.ts).
  const email = syntax.address.toLowerCase();
  const supported = normalizeEmail(email) !== null;
  const disposable = isDisposableDomain(syntax.domain);
  const role = isRoleAddress(syntax.local);
  let quarantine: QuarantineReason | null = null;
  if (cleaned.deobfuscated) quarantine = 'obfuscated-address';
  else if (cleaned.artefact) quarantine = 'markup-artefact';
  else if (disposable) quarantine = 'disposable-domain';
  else if (role) quarantine = 'role-address';
  else if (!supported) quarantine = 'unsupported-address';
  const evidence = rowEvidence(row, file);
  const attributes: Record<string, string> = {};
  // A "Name <address>" cell names the person when the file has no name columns.
  const named = !row.firstName && !row.lastName && cleaned.displayName ? splitDisplayName(cleaned.displayName) : null;
  const firstName = row.firstName ?? named?.firstName;
  const lastName = row.lastName ?? named?.lastName;
  if (firstName) attributes.firstName = cut(firstName) as string;
  if (lastName) attributes.lastName = cut(lastName) as string;
  if (row.phone) attributes.phone = cut(row.phone) as string;
  return {
    kind: 'candidate',
    candidate: {
      rowNumber: rec.rowNumber,
      email,
      local: syntax.local,
      domain: syntax.domain,
      hash: addressHash(email),
      role,
      disposable,
      deobfuscated: cleaned.deobfuscated,
      artefact: cleaned.artefact,
      quarantine,
      evidence,
      withEvidence: hasEvidence(evidence),
      attributes,
      language: cut(row.language) ?? null,
    },
  };
}

/** "Anna Maria Pop" → first "Anna Maria", last "Pop"; "Pop, Anna" → first "Anna", last "Pop". */
export function splitDisplayName(name: string): { firstName?: string; lastName?: string } {
  const comma = name.split(',').map((p) => p.trim());
  if (comma.length === 2 && comma[0] && comma[1]) return { firstName: comma[1], lastName: comma[0] };
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { firstName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

// An address anywhere in a text: enough to name the row in the report, not to import it.
const ADDRESS_IN_TEXT = /[^\s<>"'`,;:()[\]{}=]+@[^\s<>"'`,;:()[\]{}=]+\.[^\s<>"'`,;:()[\]{}=.]{2,}/;

/** The address a record that could not be read holds (the email column first), for the report (IMP-06). */
export function addressIn(text: string[], emailColumn: number | undefined): string | null {
  const ordered = emailColumn !== undefined && text[emailColumn] !== undefined ? [text[emailColumn], ...text] : text;
  for (const t of ordered) {
    const m = ADDRESS_IN_TEXT.exec(t ?? '');
    if (m) return m[0].slice(0, MAX_FIELD_LENGTH);
  }
  return null;
}

/** A 52-bit key of an address for the in-file duplicate set (a number keeps the set small). */
export function dedupeKey(hash: string): number {
  return Number.parseInt(hash.slice(0, 13), 16);
}

/** Platform suppression reasons that reject a row. */
export function isRejectingSuppression(reason: string | undefined): boolean {
  return reason !== undefined;
}
