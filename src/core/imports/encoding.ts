// Which character encoding an uploaded CSV uses. Files from Excel on Windows come in Windows-1252
// (Western Europe) or Windows-1250 (Central Europe), old systems write ISO-8859-2; most are UTF-8.
// The user can override the choice in the preview (IMPORT_ENCODINGS).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { invalid } from '../errors.ts';

export const IMPORT_ENCODINGS = [
  'utf-8',
  'windows-1252',
  'iso-8859-2',
  'windows-1250',
  'iso-8859-15',
  'iso-8859-16',
  'utf-16le',
  'utf-16be',
] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === UTF8_BOM[0] && b[1] === UTF8_BOM[1] && b[2] === UTF8_BOM[2];
}

function utf16Bom(b: Uint8Array): ImportEncoding | null {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

// The single-byte encodings a detector chooses among, most common first (ties go to the first).
const SINGLE_BYTE: ImportEncoding[] = ['windows-1252', 'iso-8859-2', 'windows-1250'];
// The letters beyond ASCII that each language of these encodings writes (lower case).
const ALPHABETS: Record<string, string> = {
  pt: 'áàâãçéêíóôõú',
  es: 'áéíóúñü',
  fr: 'àâæçéèêëîïôœùûüÿ',
  de: 'äöüß',
  it: 'àèéìíîòóùú',
  nl: 'éëïöüáèíóú',
  nordic: 'åæøäöéáíóúýþð',
  ro: 'ăâîșşțţ',
  pl: 'ąćęłńóśźż',
  cs: 'áčďéěíňóřšťúůýž',
  sk: 'áäčďéíĺľňóôŕšťúýž',
  hu: 'áéíóöőúüű',
  hr: 'čćđšž',
};
const LETTER = /\p{L}/u;
// C1 controls (0x80–0x9F decoded by ISO-8859-x) never occur in text.
const C1 = /[\u0080-\u009f]/;

/**
 * How plausible a decoded sample is as text of one language: +1 per letter of its alphabet,
 * −1 per other non-ASCII letter, −3 per control character; punctuation (’ “ ” – € …) is neutral.
 */
function plausibility(counts: Map<string, number>, alphabet: string): number {
  let score = 0;
  for (const [ch, n] of counts) {
    if (C1.test(ch)) score -= 3 * n;
    else if (!LETTER.test(ch)) continue;
    else score += alphabet.includes(ch.toLowerCase()) ? n : -n;
  }
  return score;
}

/**
 * Detects the encoding from the first bytes of the file: a BOM wins; valid UTF-8 is UTF-8 (a
 * truncated sequence at the very end of the sample is allowed); otherwise the sample is decoded
 * with each single-byte encoding and read as each language that encoding serves (Portuguese,
 * French, German, Spanish … for Windows-1252; Romanian, Polish, Czech, Hungarian … for
 * ISO-8859-2 and Windows-1250): the most plausible reading wins. "João" is ã in Windows-1252
 * and ă in ISO-8859-2; the other letters of the file (ç, ê, õ against ş, ţ, ł) decide.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): ImportEncoding {
  if (hasUtf8Bom(sample)) return 'utf-8';
  const bom16 = utf16Bom(sample);
  if (bom16) return bom16;
  if (isUtf8(sample)) return 'utf-8';
  if (!complete) {
    // The sample may end in the middle of a multi-byte sequence.
    for (let cut = 1; cut <= 3 && cut < sample.length; cut++) {
      if (isUtf8(sample.subarray(0, sample.length - cut))) return 'utf-8';
    }
  }
  const high = new Map<number, number>();
  for (const byte of sample) if (byte >= 0x80) high.set(byte, (high.get(byte) ?? 0) + 1);
  let best: ImportEncoding = 'windows-1252';
  let bestScore = -Infinity;
  for (const encoding of SINGLE_BYTE) {
    const counts = new Map<string, number>();
    for (const [byte, n] of high) {
      const ch = iconv.decode(Buffer.from([byte]), encoding);
      counts.set(ch, (counts.get(ch) ?? 0) + n);
    }
    const score = Math.max(...Object.values(ALPHABETS).map((a) => plausibility(counts, a)));
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

/** Accepts common spellings of a declared encoding ("cp1252", "latin2", "UTF8"). */
export function normalizeEncoding(declared: string): ImportEncoding {
  const k = declared
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const table: Record<string, ImportEncoding> = {
    utf8: 'utf-8',
    windows1252: 'windows-1252',
    cp1252: 'windows-1252',
    latin1: 'windows-1252',
    iso88591: 'windows-1252',
    iso88592: 'iso-8859-2',
    iso885915: 'iso-8859-15',
    latin9: 'iso-8859-15',
    iso885916: 'iso-8859-16',
    latin10: 'iso-8859-16',
    latin2: 'iso-8859-2',
    windows1250: 'windows-1250',
    cp1250: 'windows-1250',
    utf16le: 'utf-16le',
    utf16be: 'utf-16be',
  };
  const enc = table[k];
  if (!enc)
    throw invalid(
      'IMPORT_ENCODING_UNSUPPORTED',
      `Unsupported encoding "${declared}"; use one of ${IMPORT_ENCODINGS.join(', ')}.`,
    );
  return enc;
}
