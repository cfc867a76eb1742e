// Segments and cost of one text (issue 11 §5). A short message carries 140 octets (3GPP TS 23.040):
// 160 GSM-7 characters or 70 UCS-2 ones; a longer text is sent as concatenated parts, each losing
// 6 octets to the concatenation header (153 / 67). One character outside the GSM-7 alphabet (and
// Romanian ș ț ă î â are outside it) turns the whole text into UCS-2. Counting is Twilio's
// maintained calculator (sms-segments-calculator), not ours.
import { SegmentedMessage } from 'sms-segments-calculator';
import { invalid } from '../errors.ts';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** The longest text an SMS campaign may send, in parts (segments). Carriers bill every part. */
export const MAX_SMS_SEGMENTS = 10;

/** Characters per part (3GPP TS 23.040): alone, and as one part of a concatenated text. */
export const SEGMENT_CHARACTERS: Record<SmsEncoding, { single: number; concatenated: number }> = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
};

/**
 * No text longer than this (UTF-16 code units) can fit MAX_SMS_SEGMENTS parts in either encoding:
 * every code unit costs at least one GSM-7 septet. Longer texts are refused before counting.
 */
export const MAX_SMS_TEXT_LENGTH = MAX_SMS_SEGMENTS * SEGMENT_CHARACTERS['GSM-7'].concatenated;

const BITS_PER_CHARACTER: Record<SmsEncoding, number> = { 'GSM-7': 7, 'UCS-2': 16 };

export interface SmsMeasure {
  encoding: SmsEncoding;
  segments: number;
  /** As the carrier counts them: GSM-7 extension characters (€ [ ] { } ~ ^ | \) count twice. */
  characters: number;
  /** Characters of this encoding per part at this length (160/153 or 70/67). */
  charactersPerSegment: number;
  /** Characters that still fit in the last part before another part is needed. */
  charactersLeft: number;
  /** The characters that force UCS-2, each once, in order of appearance. */
  nonGsmCharacters: string[];
}

/** Encoding, parts and room left of a text. Linear in the text; callers bound what they pass. */
export function measureSms(text: string): SmsMeasure {
  const message = new SegmentedMessage(text);
  const encoding = message.encodingName;
  const segments = message.segmentsCount;
  const last = message.segments[segments - 1];
  const freeBits = last ? last.freeSizeInBits() : 0;
  const capacity = SEGMENT_CHARACTERS[encoding];
  return {
    encoding,
    segments,
    characters: message.numberOfCharacters,
    charactersPerSegment: segments > 1 ? capacity.concatenated : capacity.single,
    charactersLeft: Math.floor(freeBits / BITS_PER_CHARACTER[encoding]),
    nonGsmCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}

/** Measures a campaign's text and refuses it over MAX_SMS_SEGMENTS parts (SMS_TOO_MANY_SEGMENTS). */
export function checkSmsLength(text: string): SmsMeasure {
  const tooMany = (segments: number | null) =>
    invalid(
      'SMS_TOO_MANY_SEGMENTS',
      `The text message would be sent in more than ${MAX_SMS_SEGMENTS} parts. Shorten it or replace its diacritics.`,
      { field: 'text', segments, max: MAX_SMS_SEGMENTS },
    );
  if (text.length > MAX_SMS_TEXT_LENGTH) throw tooMany(null);
  const measure = measureSms(text);
  if (measure.segments > MAX_SMS_SEGMENTS) throw tooMany(measure.segments);
  return measure;
}

/**
 * What one recipient costs: every part is billed. Prices are integers in the smallest unit the
 * caller prices in (e.g. micro-euros: €0.045 = 45_000), so sums stay exact.
 */
export function costPerRecipient(segments: number, pricePerSegment: number): number {
  if (!Number.isSafeInteger(segments) || segments < 0) throw new RangeError('segments must be a non-negative integer');
  if (!Number.isSafeInteger(pricePerSegment) || pricePerSegment < 0)
    throw new RangeError('pricePerSegment must be a non-negative integer in the smallest price unit');
  return segments * pricePerSegment;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const gsmCache = new Map<string, boolean>();

function isGsm(text: string): boolean {
  let known = gsmCache.get(text);
  if (known === undefined) {
    known = new SegmentedMessage(text).encodingName === 'GSM-7';
    if (gsmCache.size < 4096) gsmCache.set(text, known);
  }
  return known;
}

/**
 * Replaces only the characters that force UCS-2 and have a GSM-7 base letter: Unicode NFD splits
 * the letter from its combining marks, which are dropped (ș ț ă î â Ș Ț Ă Î Â → s t a i a A …; the
 * old cedilla forms ş ţ too). No hand table. Letters GSM-7 has of its own (é ü ñ Ä Ç …) stay, also
 * when typed decomposed (NFC brings them back); characters without a canonical decomposition
 * (emoji, keycaps, curly quotes) are left as they are, so such a text stays UCS-2.
 */
export function transliterate(text: string): string {
  let out = '';
  for (const { segment: g } of graphemes.segment(text)) {
    if (isGsm(g)) {
      out += g;
      continue;
    }
    const composed = g.normalize('NFC');
    if (isGsm(composed)) {
      out += composed;
      continue;
    }
    const decomposed = g.normalize('NFD');
    const base = decomposed.replace(/\p{M}/gu, '');
    const hasDecomposition = decomposed !== composed;
    out += hasDecomposition && base.length > 0 && isGsm(base) ? base : g;
  }
  return out;
}
