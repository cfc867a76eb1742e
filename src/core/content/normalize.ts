// Text normalisation for the content screen (CNT-01), keeping a map back to the original: every
// UTF-16 unit of the normalised text knows the [start, end) range of the original it came from, so a
// match is shown to the reviewer in the text they wrote. Steps per character: format and zero-width
// characters removed (\p{Cf}: ZWSP, ZWJ, soft hyphen, bidi controls…), Unicode NFKC (fullwidth,
// ligatures, mathematical letters), diacritics removed (ș ş → s, ț ţ → t, ă â → a, î → i), confusable
// letters folded to Latin (Cyrillic а, Greek ο… — Unicode TR39 data via the `confusables` package),
// lower case. Then l33t digits between letters (v1agra, c4sino, casin0) become the letters they mimic.
// All of it is per character and linear: no regular expression runs over the whole text.
import { confusablesMap } from 'confusables';

/** A run of original text: `text` came from original [start, end). Linear when the lengths match. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

export interface Folded {
  norm: string;
  /** Original start / end offset for each UTF-16 unit of `norm`. */
  starts: Int32Array;
  ends: Int32Array;
  /** Where each piece begins in `norm` (one entry per piece given). */
  pieceStarts: number[];
}

// The package maps a few characters in ways that would break money and Latin words (€ → E, ß → B,
// ı → l); these win.
const OVERRIDES: Record<string, string> = { ß: 'ss', ı: 'i', ſ: 's', ø: 'o', đ: 'd', ł: 'l', æ: 'ae', œ: 'oe' };
const REMOVED = new Set([0x034f, 0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);
const FORMAT = /^\p{Cf}$/u;
const MARKS = /\p{M}/gu;
const CURRENCY = /^\p{Sc}$/u;
const SPACE = /^\s$/u;

const foldCache = new Map<number, string>();

/** The folded form of one code point ('' when it is removed). */
export function foldCodePoint(cp: number): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const ch = String.fromCodePoint(cp);
  let out = '';
  if (!(REMOVED.has(cp) || FORMAT.test(ch))) {
    if (SPACE.test(ch)) out = ' ';
    else {
      const base = ch.normalize('NFKC').normalize('NFD').replace(MARKS, '');
      for (const c of base) {
        if (c.charCodeAt(0) < 128 || CURRENCY.test(c)) out += c;
        else out += OVERRIDES[c] ?? OVERRIDES[c.toLowerCase()] ?? confusablesMap.get(c) ?? c;
      }
      out = out.normalize('NFD').replace(MARKS, '').toLowerCase();
    }
  }
  if (foldCache.size < 100_000) foldCache.set(cp, out);
  return out;
}

const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
};

/** Folds pieces of original text into one normalised string with its offset map. */
export function foldPieces(pieces: readonly Piece[]): Folded {
  let capacity = 16;
  for (const p of pieces) capacity += p.text.length;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let n = 0;
  const grow = (need: number) => {
    if (need <= starts.length) return;
    const size = Math.max(need, starts.length * 2);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    s2.set(starts);
    e2.set(ends);
    starts = s2;
    ends = e2;
  };
  const parts: string[] = [];
  const pieceStarts: number[] = [];
  for (const piece of pieces) {
    pieceStarts.push(n);
    const { text } = piece;
    const linear = text.length === piece.end - piece.start;
    if (isAscii(text)) {
      // Fast path: ASCII folds to its lower case, one unit for one unit.
      parts.push(text.toLowerCase());
      grow(n + text.length);
      for (let i = 0; i < text.length; i++, n++) {
        starts[n] = linear ? piece.start + i : piece.start;
        ends[n] = linear ? piece.start + i + 1 : piece.end;
      }
      continue;
    }
    let out = '';
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const folded = foldCodePoint(cp);
      if (folded.length > 0) {
        const s = linear ? piece.start + i : piece.start;
        const e = linear ? piece.start + i + width : piece.end;
        out += folded;
        grow(n + folded.length);
        for (let k = 0; k < folded.length; k++, n++) {
          starts[n] = s;
          ends[n] = e;
        }
      }
      i += width;
    }
    parts.push(out);
  }
  return { norm: deLeet(parts.join('')), starts: starts.subarray(0, n), ends: ends.subarray(0, n), pieceStarts };
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const letterCache = new Map<number, boolean>();
const LETTER = /^\p{L}$/u;
const ALNUM = /^[\p{L}\p{N}]$/u;

export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let v = letterCache.get(c);
  if (v === undefined) {
    v = LETTER.test(String.fromCharCode(c));
    letterCache.set(c, v);
  }
  return v;
}

const alnumCache = new Map<number, boolean>();
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let v = alnumCache.get(c);
  if (v === undefined) {
    v = ALNUM.test(String.fromCharCode(c));
    alnumCache.set(c, v);
  }
  return v;
}

/** "@" in an address (name@domain.tld) is not an "a". */
function looksLikeAddress(s: string, at: number): boolean {
  for (let j = at + 1; j < s.length && j < at + 64; j++) {
    const c = s.charCodeAt(j);
    if (c === 46) return j > at + 1;
    if (!(isWordCode(c) || c === 45)) return false;
  }
  return false;
}

/**
 * l33t digits and symbols inside a word become letters: a run of ≤ 3 of them between letters
 * (v1agra, b00bs, v!agra, ca$ino), or a lone 0 ending a word of ≥ 2 letters (casin0). Numbers,
 * prices, "mp3", "web3" and "covid19" stay as they are. Same length, so the offset map holds.
 */
export function deLeet(s: string): string {
  let out: string[] | null = null;
  for (let i = 1; i < s.length; i++) {
    if (LEET[s[i]!] === undefined || !isLetterCode(s.charCodeAt(i - 1))) continue;
    let j = i;
    while (j < s.length && j - i < 3 && LEET[s[j]!] !== undefined) j++;
    const between = j < s.length && isLetterCode(s.charCodeAt(j));
    const endingZero =
      j === i + 1 &&
      s[i] === '0' &&
      (j === s.length || !isWordCode(s.charCodeAt(j))) &&
      i >= 2 &&
      isLetterCode(s.charCodeAt(i - 2));
    if ((between || endingZero) && !(s[i] === '@' && looksLikeAddress(s, i))) {
      out ??= s.split('');
      for (let k = i; k < j; k++) out[k] = LEET[s[k]!]!;
    }
    i = j - 1;
  }
  return out ? out.join('') : s;
}
