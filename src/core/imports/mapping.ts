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

/** A header reduced to letters and digits: lower case, diacritics removed ("E-Mail-Adresse" → "emailadresse"). */
const key = (h: string) =>
  h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** A header as words: camelCase, separators and digits split ("E-mail 1 - Value" → e, mail, value). */
export function headerWords(h: string): string[] {
  return h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/(^|[^a-z])e[\s_.-]+mail/g, '$1email') // "e-mail", "e mail", "E_Mail" are one word
    .split(/[^a-z]+/)
    .filter(Boolean);
}

// Normalised header names (lower case, letters and digits only) per field that map whatever
// else the header has: Mailchimp's export names, then common local names.
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

// Words that name a field in the exports people bring (English, Romanian, French, German,
// Spanish, Portuguese, Italian, Dutch, Polish, Czech, Hungarian, Nordic …), for headers the
// synonyms above do not list ("E-Mail-Adresse", "Courriel", "Work Email", "E-mail 1 - Value").
const FIELD_WORDS: Partial<Record<ImportField, RegExp>> = {
  email:
    /^(?:email\w*|\w*mail|\w*mailadres\w*|courriel|correo|correoelectronico|epost|eposta|sahkoposti|emejl|mejl|posta|elettronica)$/,
  firstName:
    /^(?:first|firstname|fname|given|givenname|forename|prenume|prenom|vorname|nombre|nome|voornaam|imie|jmeno|keresztnev|fornavn|fornamn|etunimi)$/,
  lastName:
    /^(?:last|lastname|lname|surname|family|familyname|nume|nom|nachname|familienname|apellido|apellidos|cognome|sobrenome|achternaam|nazwisko|prijmeni|vezeteknev|efternavn|efternamn|sukunimi)$/,
  phone:
    /^(?:phone\w*|telephone|tel|mobile|mobil|mobilni|cell|cellphone|cellular|telefon\w*|telefono|telefone|telefoon\w*|handy|gsm|portable|celular|cellulare|komorka|puhelin)$/,
};
// Words that make a column ABOUT the field rather than the field itself: "E-mail 1 - Type",
// "Email opt-in date", "Mailing address" (postal), "MailChimp ID", "Phone Label".
const NOT_THE_VALUE =
  /^(?:type|label|kind|status|state|consent|optin|opt|in|out|date|time|ip|verified|confirmed|valid|validity|format|permission|permissions|subscribed|subscription|unsubscribed|marketing|bounce|bounced|domain|count|preference|preferences|score|source|list|campaign|campaigns|opens|clicks|hash|md|sha|mailchimp|mailing|postal|post|street|city|country|tip|typ|stare|data|datum|fecha|date)$/;
// "Name" words that need a qualifier to be a first or last name ("first name", "nom de famille").
const NAME_WORDS = new Set(['name', 'names', 'nume', 'nom', 'namn', 'navn', 'naam']);

/** How well a header names a field by its words: 0 = not at all; fewer other words score higher. */
function wordScore(field: ImportField, words: string[]): number {
  const re = FIELD_WORDS[field];
  if (!re || words.length === 0) return 0;
  if (words.some((w) => NOT_THE_VALUE.test(w))) return 0;
  const hits = words.filter((w) => re.test(w)).length;
  if (hits === 0) return 0;
  // "Nom"/"Nume" alone is a last name, but "nume complet"/"full name" is neither first nor last.
  if (words.includes('full') || words.includes('complet') || words.includes('display')) return 0;
  const others = words.filter(
    (w) =>
      !re.test(w) &&
      !NAME_WORDS.has(w) &&
      !/^(?:address|adresse|adres|adresa|adress|indirizzo|endereco|direccion|cim|value|primary|work|home|personal|private|business|office|de|do|da|di|del|of|the|your|e|contact|principal)$/.test(
        w,
      ),
  );
  return 100 - 10 * others.length;
}

/**
 * The mapping we propose for a header: synonyms first, then the best-named column per field;
 * with no email column by name, the column whose first row holds an address (`addressColumn`).
 */
export function detectMapping(header: string[], addressColumn: number | null = null): ColumnMapping {
  const keys = header.map(key);
  const words = header.map(headerWords);
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
  for (const field of IMPORT_FIELDS) {
    if (mapping[field] !== undefined || !FIELD_WORDS[field]) continue;
    let best = -1;
    let bestScore = 0;
    words.forEach((w, i) => {
      if (used.has(i)) return;
      const score = wordScore(field, w);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0) {
      mapping[field] = header[best] as string;
      used.add(best);
    }
  }
  if (mapping.email === undefined && addressColumn !== null && header[addressColumn] !== undefined) {
    if (used.has(addressColumn)) {
      // A column named like another field holds the addresses: the addresses win.
      for (const f of IMPORT_FIELDS) if (mapping[f] === header[addressColumn]) delete mapping[f];
    }
    mapping.email = header[addressColumn];
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
  addressColumn: number | null = null,
): { mapping: ColumnMapping; resolved: ResolvedMapping } {
  const mapping = given && Object.keys(given).length > 0 ? given : detectMapping(header, addressColumn);
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
