// Words of a normalised text (CNT-01): runs of letters and digits (a leading number split from its
// unit: "5kg" → 5 + kg), with their position, the sentence
// they are in (for negation), and the single character between a word and the one before it (for
// obfuscations split by a separator: "v.i.a.g.r.a", "c-a-s-i-n-o", "via-gra"). Linear in the text.
import { isLetterCode, isWordCode } from './normalize.ts';

export interface Tokens {
  text: string[];
  /** Normalised offsets [start, end) of each word. */
  start: number[];
  end: number[];
  sentence: number[];
  /** The character between this word and the previous one when it is exactly one (else ''). */
  gap: string[];
}

const SENTENCE_END = new Set(['.', '!', '?', '\n', ';', '|']);

export function tokenize(norm: string): Tokens {
  const t: Tokens = { text: [], start: [], end: [], sentence: [], gap: [] };
  let sentence = 0;
  let prevEnd = -1;
  let i = 0;
  const n = norm.length;
  while (i < n) {
    if (!isWordCode(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordCode(norm.charCodeAt(j))) j++;
    if (prevEnd >= 0) {
      for (let k = prevEnd; k < i; k++) {
        if (SENTENCE_END.has(norm[k]!)) {
          sentence++;
          break;
        }
      }
    }
    // A number written against its unit is two words: "5kg", "20mg", "100lei", "24h" (not "covid19", "b2b").
    let d = i;
    while (d < j && norm.charCodeAt(d) >= 48 && norm.charCodeAt(d) <= 57) d++;
    const split = d > i && d < j;
    t.text.push(norm.slice(i, split ? d : j));
    t.start.push(i);
    t.end.push(split ? d : j);
    t.sentence.push(sentence);
    t.gap.push(prevEnd >= 0 && i - prevEnd === 1 ? norm[prevEnd]! : '');
    if (split) {
      t.text.push(norm.slice(d, j));
      t.start.push(d);
      t.end.push(j);
      t.sentence.push(sentence);
      t.gap.push('');
    }
    prevEnd = j;
    i = j;
  }
  return t;
}

export const isNumberToken = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
};

/** A word made of one letter (for "v i a g r a"). */
const isSingleLetter = (s: string) => s.length === 1 && isLetterCode(s.charCodeAt(0));

export interface VirtualToken {
  text: string;
  first: number;
  last: number;
}

/**
 * Words an obfuscation split or stretched, rebuilt: ≥ 4 single letters with one separator between
 * each ("v i a g r a"; ≥ 3 when the separator is not a space: "s.e.x"), two words joined by one
 * of - . _ * ' ("via-gra"), and a word with a letter stretched ("viaaagra" → viagra / viaagra).
 */
export function virtualTokens(t: Tokens): VirtualToken[] {
  const out: VirtualToken[] = [];
  const n = t.text.length;
  for (let i = 0; i < n;) {
    if (!isSingleLetter(t.text[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    let spaced = false;
    while (j < n && isSingleLetter(t.text[j]!) && t.gap[j] !== '' && t.gap[j] !== '\n') {
      if (t.gap[j] === ' ') spaced = true;
      j++;
    }
    const count = j - i;
    if (count >= 4 || (count >= 3 && !spaced)) out.push({ text: t.text.slice(i, j).join(''), first: i, last: j - 1 });
    i = j;
  }
  for (let i = 1; i < n; i++) {
    const g = t.gap[i];
    if (g === '-' || g === '.' || g === '_' || g === '*' || g === "'") {
      const a = t.text[i - 1]!;
      const b = t.text[i]!;
      if (a.length + b.length <= 24 && a.length > 1 && b.length > 1) out.push({ text: a + b, first: i - 1, last: i });
    }
  }
  for (let i = 0; i < n; i++) {
    const w = t.text[i]!;
    if (w.length < 4 || w.length > 40) continue;
    let stretched = false;
    for (let k = 2; k < w.length; k++)
      if (w[k] === w[k - 1] && w[k] === w[k - 2] && isLetterCode(w.charCodeAt(k))) stretched = true;
    if (!stretched) continue;
    let one = '';
    let two = '';
    for (let k = 0; k < w.length; k++) {
      if (k === 0 || w[k] !== w[k - 1]) {
        one += w[k];
        two += w[k];
      } else if (k < 2 || w[k] !== w[k - 2]) two += w[k];
    }
    out.push({ text: one, first: i, last: i }, { text: two, first: i, last: i });
  }
  return out;
}
