// Compiled lexicons and the matcher (CNT-01). Terms are written in policy/content/ as people read
// them; here they are folded and split exactly like the text (normalize.ts, tokens.ts), indexed by
// their first word, and matched word by word: Map lookups, no regular expressions, linear in the text.
import { foldPieces } from './normalize.ts';
import { isNumberToken, tokenize, virtualTokens, type Tokens } from './tokens.ts';

/** Two halves of an 'a ~ b' term match within this many words of each other. */
export const NEAR_WINDOW = 8;

export type TermClass = 'strong' | 'topic' | 'weak' | 'benign' | 'except' | 'cta' | 'info' | 'goods';

interface Word {
  s: string;
  prefix: boolean;
  num: boolean;
  /** Also matches the word with one of its language's inflection endings (cazinou → cazinoul). */
  endings: ReadonlySet<string> | null;
}

export type TermLanguage = 'en' | 'ro' | null;

/**
 * Endings a word of ≥ 4 letters may carry without being listed: Romanian articles and plurals
 * (folded: -ul, -le, -lui, -a, -ua, -ea, -ei, -i, -ii, -e, -ele, -lor, -ilor, -elor, -uri, -urile…),
 * English -s / -es. Lexicons list the base form; inflected forms follow.
 */
export const INFLECTIONS: Record<'en' | 'ro', ReadonlySet<string>> = {
  en: new Set(['s', 'es']),
  ro: new Set([
    'l',
    'ul',
    'le',
    'lui',
    'ului',
    'a',
    'ua',
    'ea',
    'ei',
    'i',
    'ii',
    'e',
    'ele',
    'lor',
    'ilor',
    'elor',
    'uri',
    'urile',
    'urilor',
    'ile',
  ]),
};
const MIN_INFLECTED_LENGTH = 4;

export interface Term {
  id: number;
  /** Category index, or -1 for the context words (cta, info). */
  category: number;
  cls: TermClass;
  source: string;
  words: Word[];
  near: Word[] | null;
}

export interface Hit {
  term: Term;
  first: number;
  last: number;
  /** The other half of an 'a ~ b' term. */
  nearFirst: number;
  nearLast: number;
}

export interface LexiconIndex {
  terms: Term[];
  exact: Map<string, Term[]>;
  /** Terms whose first word is a prefix (cazino*), by its first three letters. */
  prefix: Map<string, Term[]>;
  numeric: Term[];
}

function parseWords(phrase: string, lang: TermLanguage): Word[] {
  const words: Word[] = [];
  for (const raw of phrase.trim().split(/\s+/)) {
    if (raw === '#num') {
      words.push({ s: '', prefix: false, num: true, endings: null });
      continue;
    }
    const prefix = raw.endsWith('*');
    const body = prefix ? raw.slice(0, -1) : raw;
    const folded = foldPieces([{ text: body, start: 0, end: body.length }]);
    const toks = tokenize(folded.norm).text;
    toks.forEach((s, k) => {
      const isPrefix = prefix && k === toks.length - 1 && s.length >= 3;
      const endings = lang && !isPrefix && s.length >= MIN_INFLECTED_LENGTH && !isNumberToken(s) ? INFLECTIONS[lang] : null;
      words.push({ s, prefix: isPrefix, num: false, endings });
    });
  }
  return words;
}

export function createIndex(): LexiconIndex {
  return { terms: [], exact: new Map(), prefix: new Map(), numeric: [] };
}

const push = (map: Map<string, Term[]>, key: string, term: Term) => {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
};

/** Adds one term; the same folded term twice in one category and class is kept once. */
export function addTerm(
  index: LexiconIndex,
  category: number,
  cls: TermClass,
  source: string,
  seen: Set<string>,
  lang: TermLanguage = null,
): void {
  const [a, b] = source.split('~');
  const words = parseWords(a ?? '', lang);
  const near = b === undefined ? null : parseWords(b, lang);
  if (words.length === 0 || (near !== null && near.length === 0)) throw new Error(`content policy: empty term "${source}"`);
  const shape = (ws: Word[] | null) => (ws ? ws.map((w) => (w.num ? '#num' : w.prefix ? `${w.s}*` : w.s)).join(' ') : '');
  // The same folded term in both languages of a category and class counts once.
  const key = `${category}|${cls}|${shape(words)}|${shape(near)}`;
  if (seen.has(key)) return;
  seen.add(key);
  const term: Term = { id: index.terms.length, category, cls, source, words, near };
  index.terms.push(term);
  const first = words[0]!;
  if (first.num) index.numeric.push(term);
  else if (first.prefix || first.endings) push(index.prefix, first.s.slice(0, 3), term);
  else push(index.exact, first.s, term);
}

const wordMatches = (w: Word, text: string | undefined): boolean => {
  if (text === undefined) return false;
  if (w.num) return isNumberToken(text);
  if (w.prefix) return text.startsWith(w.s);
  if (text === w.s) return true;
  return w.endings !== null && text.length > w.s.length && text.startsWith(w.s) && w.endings.has(text.slice(w.s.length));
};

/** The last token index of `words` matched from token i, or -1. */
function matchFrom(t: Tokens, i: number, words: Word[], startAt: number): number {
  for (let k = startAt; k < words.length; k++) if (!wordMatches(words[k]!, t.text[i + k])) return -1;
  return i + words.length - 1;
}

function findNear(t: Tokens, first: number, last: number, near: Word[]): [number, number] | null {
  const from = Math.max(0, first - NEAR_WINDOW - near.length);
  const to = Math.min(t.text.length - 1, last + NEAR_WINDOW);
  for (let i = from; i <= to; i++) {
    if (i + near.length - 1 >= first && i <= last) continue;
    const end = matchFrom(t, i, near, 0);
    if (end >= 0) return [i, end];
  }
  return null;
}

function candidates(index: LexiconIndex, word: string): Term[][] {
  const lists: Term[][] = [];
  const exact = index.exact.get(word);
  if (exact) lists.push(exact);
  if (word.length >= 3) {
    const pre = index.prefix.get(word.slice(0, 3));
    if (pre) lists.push(pre);
  }
  if (index.numeric.length > 0 && isNumberToken(word)) lists.push(index.numeric);
  return lists;
}

function tryTerm(t: Tokens, i: number, term: Term, out: Hit[]): void {
  const last = matchFrom(t, i, term.words, 0);
  if (last < 0) return;
  if (term.near === null) {
    out.push({ term, first: i, last, nearFirst: -1, nearLast: -1 });
    return;
  }
  const near = findNear(t, i, last, term.near);
  if (near) out.push({ term, first: i, last, nearFirst: near[0], nearLast: near[1] });
}

/** Every term occurrence in the words, including words an obfuscation split or stretched. */
export function matchAll(index: LexiconIndex, t: Tokens): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < t.text.length; i++) {
    for (const list of candidates(index, t.text[i]!)) for (const term of list) tryTerm(t, i, term, out);
  }
  for (const v of virtualTokens(t)) {
    for (const list of candidates(index, v.text)) {
      for (const term of list) {
        if (term.words.length !== 1 || term.near !== null || !wordMatches(term.words[0]!, v.text)) continue;
        out.push({ term, first: v.first, last: v.last, nearFirst: -1, nearLast: -1 });
      }
    }
  }
  return out;
}
