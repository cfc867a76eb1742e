// Column mapping: which CSV column feeds which contact or consent-evidence field. Mailchimp
// audience exports ("Email Address", "OPTIN_TIME", "CONFIRM_IP" …) map automatically (IMP-02);
// unknown columns (LATITUDE, MEMBER_RATING …) are ignored.
import { z } from 'zod';
import { invalid } from '../errors.ts';

export const IMPORT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'phone',
  'language',
  'optinTime',
  'optinIp',
  'confirmTime',
  'confirmIp',
  'consentSource',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** field → column header, as stored on the import and accepted from the client. */
export const ColumnMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200));
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** field → column index, resolved against one file's header. */
export type ResolvedMapping = Partial<Record<ImportField, number>>;

const key = (h: string) =>
  h
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');

// Normalised header names (lower case, letters and digits only) per field. Mailchimp's export
// names come first; Romanian names are common in local exports.
const SYNONYMS: Record<ImportField, string[]> = {
  email: ['emailaddress', 'email', 'emailadress', 'mail', 'adresaemail', 'adresadeemail', 'emailul'],
  firstName: ['firstname', 'fname', 'givenname', 'prenume'],
  lastName: ['lastname', 'lname', 'surname', 'familyname', 'nume', 'numedefamilie'],
  phone: ['phonenumber', 'phone', 'mobile', 'telefon', 'mobil'],
  language: ['language', 'lang', 'limba'],
  optinTime: ['optintime', 'optindate', 'consentdate', 'consenttime', 'subscribedat', 'signupdate', 'signuptime', 'dataabonarii'],
  optinIp: ['optinip', 'signupip', 'consentip'],
  confirmTime: ['confirmtime', 'confirmedat', 'confirmationdate', 'confirmationtime'],
  confirmIp: ['confirmip', 'confirmationip'],
  consentSource: ['consentsource', 'source', 'signupsource', 'sursa'],
};

/** The mapping we propose for a header: the first column matching each field's synonyms. */
export function detectMapping(header: string[]): ColumnMapping {
  const keys = header.map(key);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    for (const syn of SYNONYMS[field]) {
      const i = keys.findIndex((k, idx) => k === syn && !used.has(idx));
      if (i >= 0) {
        mapping[field] = header[i] as string;
        used.add(i);
        break;
      }
    }
  }
  return mapping;
}

/**
 * Resolves a mapping (given, or detected) to column indexes. Fails with IMPORT_MAPPING_INVALID
 * when a named column is absent, and IMPORT_NO_EMAIL_COLUMN when no column holds addresses.
 */
export function resolveMapping(
  header: string[],
  given: ColumnMapping | null | undefined,
): { mapping: ColumnMapping; resolved: ResolvedMapping } {
  const mapping = given && Object.keys(given).length > 0 ? given : detectMapping(header);
  const resolved: ResolvedMapping = {};
  for (const [field, column] of Object.entries(mapping) as Array<[ImportField, string]>) {
    let i = header.indexOf(column);
    if (i < 0) i = header.map(key).indexOf(key(column));
    if (i < 0)
      throw invalid(
        'IMPORT_MAPPING_INVALID',
        `The mapping names a column "${column}" for ${field}, but the file has no such column.`,
        { field, column, header },
      );
    resolved[field] = i;
  }
  if (resolved.email === undefined) {
    throw invalid('IMPORT_NO_EMAIL_COLUMN', 'No column holds email addresses; map one to "email".', { header });
  }
  return { mapping, resolved };
}

/** The mapped values of one record (trimmed; missing or empty → undefined). */
export type MappedRow = Partial<Record<ImportField, string>>;

export function applyMapping(fields: string[], resolved: ResolvedMapping): MappedRow {
  const row: MappedRow = {};
  for (const field of IMPORT_FIELDS) {
    const i = resolved[field];
    if (i === undefined) continue;
    const v = fields[i]?.trim();
    if (v) row[field] = v;
  }
  return row;
}
