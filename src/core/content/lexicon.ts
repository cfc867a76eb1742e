// Compiled lexicons and the matcher (CNT-01). Terms are written in policy/content/ as people read
// them; here they are folded and split exactly like the text (normalize.ts, tokens.ts), indexed by
// their first word, and matched word by word: Map lookups, no regular expressions, linear in the text.
import { foldPieces } from './normalize.ts';
import { stemOf } from './stem.ts';
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
  /** Also matches any word of the same stem in its language (stem.ts: fals / falsă / false / falși). */
  stem: string | null;
  lang: TermLanguage;
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
/**
 * The term classes matched by stem (stem.ts), per language: none by default. Measured on both
 * labelled sets (2026-12-03), stemming Romanian strong, topic, benign or info terms added false holds
 * and no recall: lexicons name word forms on purpose ("riscuri" is a warning, "risc" also a sales
 * claim; "stocks" is the market, "in stock" is not), and a Romanian stem matches English words in
 * English text ("contacte" → "contact"). The listed endings (INFLECTIONS) stay; an operator policy
 * may turn stems on for a class.
 */
export const STEMMED: Record<'en' | 'ro', Set<TermClass>> = {
  en: new Set(),
  ro: new Set(),
};

export interface Term {
  id: number;
  /** Category index, or -1 for the context words (cta, info). */
  category: number;
  cls: TermClass;
  source: string;
  words: Word[];
  near: Word[] | null;
  /** The two halves of an 'a ~~ b' term must be in one sentence. */
  sentence: boolean;
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
  /** Terms whose first word takes inflection endings, by that word (looked up for each ending a text word may end in). */
  inflected: Map<string, Term[]>;
  /** Terms whose first word has a stem, by language and stem ('ro:fals'). */
  stems: Map<string, Term[]>;
  /** Per text word, the term lists it may begin (filled as words are seen; bounded). */
  candidates: Map<string, Term[][]>;
  numeric: Term[];
}

function parseWords(phrase: string, lang: TermLanguage, stemmed: boolean, verbs = false): Word[] {
  const words: Word[] = [];
  for (const raw of phrase.trim().split(/\s+/)) {
    if (raw === '#num') {
      words.push({ s: '', prefix: false, num: true, endings: null, stem: null, lang });
      continue;
    }
    const prefix = raw.endsWith('*');
    const body = prefix ? raw.slice(0, -1) : raw;
    const folded = foldPieces([{ text: body, start: 0, end: body.length }]);
    const toks = tokenize(folded.norm).text;
    toks.forEach((s, k) => {
      const isPrefix = prefix && k === toks.length - 1 && s.length >= 3;
      // Noun endings do not inflect a verb: "aplicați" (apply!) + -le is not "aplicațiile" (the apps).
      const verb = verbs && lang === 'ro' && s.endsWith('ti');
      const endings =
        lang && !isPrefix && !verb && s.length >= MIN_INFLECTED_LENGTH && !isNumberToken(s) ? INFLECTIONS[lang] : null;
      const stem = stemmed && endings && lang ? stemOf(lang, s) : null;
      words.push({ s, prefix: isPrefix, num: false, endings, stem, lang });
    });
  }
  return words;
}

export function createIndex(): LexiconIndex {
  return {
    terms: [],
    exact: new Map(),
    prefix: new Map(),
    inflected: new Map(),
    stems: new Map(),
    candidates: new Map(),
    numeric: [],
  };
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
  // 'a ~~ b': both sides in one sentence as well as within the window.
  const sentence = source.includes('~~');
  const [a, b] = source.split(sentence ? '~~' : '~');
  const stemmed = lang !== null && STEMMED[lang].has(cls);
  const words = parseWords(a ?? '', lang, stemmed, cls === 'cta');
  const near = b === undefined ? null : parseWords(b, lang, stemmed, cls === 'cta');
  if (words.length === 0 || (near !== null && near.length === 0)) throw new Error(`content policy: empty term "${source}"`);
  const shape = (ws: Word[] | null) => (ws ? ws.map((w) => (w.num ? '#num' : w.prefix ? `${w.s}*` : w.s)).join(' ') : '');
  // The same folded term in both languages of a category and class counts once.
  const key = `${category}|${cls}|${shape(words)}|${sentence ? '~~' : '~'}${shape(near)}`;
  if (seen.has(key)) return;
  seen.add(key);
  const term: Term = { id: index.terms.length, category, cls, source, words, near, sentence };
  index.terms.push(term);
  index.candidates.clear();
  const first = words[0]!;
  if (first.num) index.numeric.push(term);
  else if (first.prefix) push(index.prefix, first.s.slice(0, 3), term);
  else if (first.endings) {
    push(index.inflected, first.s, term);
    // … and by stem, for the forms no listed ending reaches (falsă → false, falși; cigarettes → cigarette).
    if (first.stem !== null) push(index.stems, `${first.lang}:${first.stem}`, term);
  } else push(index.exact, first.s, term);
}

const wordMatches = (w: Word, text: string | undefined): boolean => {
  if (text === undefined) return false;
  if (w.num) return isNumberToken(text);
  if (w.prefix) return text.startsWith(w.s);
  if (text === w.s) return true;
  if (w.endings === null) return false;
  if (text.length > w.s.length && text.startsWith(w.s) && w.endings.has(text.slice(w.s.length))) return true;
  return w.stem !== null && w.lang !== null && text.length >= MIN_INFLECTED_LENGTH && stemOf(w.lang, text) === w.stem;
};

/** The last token index of `words` matched from token i, or -1. */
function matchFrom(t: Tokens, i: number, words: Word[], startAt: number): number {
  for (let k = startAt; k < words.length; k++) if (!wordMatches(words[k]!, t.text[i + k])) return -1;
  return i + words.length - 1;
}

function findNear(t: Tokens, first: number, last: number, near: Word[], sameSentence: boolean): [number, number] | null {
  const from = Math.max(0, first - NEAR_WINDOW - near.length);
  const to = Math.min(t.text.length - 1, last + NEAR_WINDOW);
  for (let i = from; i <= to; i++) {
    if (i + near.length - 1 >= first && i <= last) continue;
    if (sameSentence && t.sentence[i] !== t.sentence[first]) continue;
    const end = matchFrom(t, i, near, 0);
    if (end >= 0) return [i, end];
  }
  return null;
}

/** Every inflection ending of either language, and the longest. */
const ALL_ENDINGS = new Set([...INFLECTIONS.en, ...INFLECTIONS.ro]);
const MAX_ENDING = Math.max(...[...ALL_ENDINGS].map((e) => e.length));

const NO_CANDIDATES: Term[][] = [];
const MAX_CANDIDATE_CACHE = 100_000;

/** The term lists a word may begin, cached per word (words repeat: a newsletter has a few thousand distinct ones). */
function candidates(index: LexiconIndex, word: string): Term[][] {
  const cached = index.candidates.get(word);
  if (cached !== undefined) return cached;
  const lists = findCandidates(index, word);
  if (index.candidates.size < MAX_CANDIDATE_CACHE) index.candidates.set(word, lists.length === 0 ? NO_CANDIDATES : lists);
  return lists;
}

function findCandidates(index: LexiconIndex, word: string): Term[][] {
  const lists: Term[][] = [];
  const exact = index.exact.get(word);
  if (exact) lists.push(exact);
  if (word.length >= 3) {
    const pre = index.prefix.get(word.slice(0, 3));
    if (pre) lists.push(pre);
  }
  if (word.length >= MIN_INFLECTED_LENGTH) {
    // The word itself, or the word less one ending (cazinoul → cazino + ul): Map lookups, not a scan.
    for (let k = 0; k <= MAX_ENDING && word.length - k >= MIN_INFLECTED_LENGTH; k++) {
      if (k > 0 && !ALL_ENDINGS.has(word.slice(word.length - k))) continue;
      const list = index.inflected.get(k === 0 ? word : word.slice(0, word.length - k));
      if (list) lists.push(list);
    }
    if (index.stems.size > 0) {
      const en = index.stems.get(`en:${stemOf('en', word)}`);
      if (en) lists.push(en);
      const ro = index.stems.get(`ro:${stemOf('ro', word)}`);
      if (ro) lists.push(ro);
    }
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
  const near = findNear(t, i, last, term.near, term.sentence);
  if (near) out.push({ term, first: i, last, nearFirst: near[0], nearLast: near[1] });
}

/** Every term occurrence in the words, including words an obfuscation split or stretched. */
/** Per term id, the last word position tried (a term reached by two lookups of one word is tried once). */
let triedAt = new Int32Array(0);
let generation = 0;

export function matchAll(index: LexiconIndex, t: Tokens): Hit[] {
  const out: Hit[] = [];
  if (triedAt.length < index.terms.length || generation > 1e9) {
    triedAt = new Int32Array(Math.max(index.terms.length, triedAt.length)).fill(-1);
    generation = 0;
  }
  for (let i = 0; i < t.text.length; i++) {
    const mark = ++generation;
    for (const list of candidates(index, t.text[i]!))
      for (const term of list) {
        if (triedAt[term.id] === mark) continue;
        triedAt[term.id] = mark;
        tryTerm(t, i, term, out);
      }
  }
  for (const v of virtualTokens(t)) {
    const mark = ++generation;
    for (const list of candidates(index, v.text)) {
      for (const term of list) {
        if (triedAt[term.id] === mark) continue;
        triedAt[term.id] = mark;
        if (term.words.length !== 1 || term.near !== null || !wordMatches(term.words[0]!, v.text)) continue;
        out.push({ term, first: v.first, last: v.last, nearFirst: -1, nearLast: -1 });
      }
    }
  }
  return out;
}
