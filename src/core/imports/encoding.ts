// Which character encoding an uploaded CSV uses. Romanian files often come from Excel on Windows
// (Windows-1252 / Windows-1250) or old systems (ISO-8859-2); everything else is UTF-8.
import { isUtf8 } from 'node:buffer';
import { invalid } from '../errors.ts';

export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-2', 'windows-1250', 'utf-16le', 'utf-16be'] as const;
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

// Bytes that are Romanian letters in ISO-8859-2 / Windows-1250 (ş ţ ă Ş Ţ Ă) but rare symbols
// in Windows-1252 (º þ ã ª Þ Ã).
const ROMANIAN_8859_2 = new Set([0xba, 0xfe, 0xe3, 0xaa, 0xde, 0xc3]);
// Bytes that are common Western letters in Windows-1252 (è à ñ ò ù ì ð õ È À Ñ) but Central
// European letters in ISO-8859-2 (č ŕ ń ň ů ě đ ő Č Ŕ Ń).
const WESTERN_1252 = new Set([0xe8, 0xe0, 0xf1, 0xf2, 0xf9, 0xec, 0xf0, 0xf5, 0xc8, 0xc0, 0xd1]);

/**
 * Detects the encoding from the first bytes of the file: a BOM wins; valid UTF-8 is UTF-8 (a
 * truncated sequence at the very end of the sample is allowed); otherwise the Romanian-letter
 * heuristic picks ISO-8859-2 (or Windows-1250 when bytes 0x80–0x9F, C1 controls in ISO-8859-2,
 * appear) over Windows-1252.
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
  let romanian = 0;
  let western = 0;
  let c1 = 0;
  for (const byte of sample) {
    if (byte < 0x80) continue;
    if (byte <= 0x9f) c1++;
    if (ROMANIAN_8859_2.has(byte)) romanian++;
    else if (WESTERN_1252.has(byte)) western++;
  }
  if (romanian > western) return c1 > 0 ? 'windows-1250' : 'iso-8859-2';
  return 'windows-1252';
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
