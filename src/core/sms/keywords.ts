// SMS-02: what an inbound text asks for. Opt-out words (CTIA's standard set, and the Romanian
// words a Romanian recipient sends), HELP, and the YES of an SMS double opt-in.
//
// Decisions (CTIA Messaging Principles and Best Practices; FCC 2024 TCPA order, 47 CFR
// 64.1200(a)(12): consent may be revoked by any reasonable means, and a reply of "stop" and its
// like revokes it):
// - Case, diacritics (RENUNȚ = RENUNT), fullwidth forms, spaces and punctuation do not matter.
// - Every keyword counts alone or as the first word ("Stop please", "CANCEL!!", "Da, vreau").
// - The unambiguous opt-out words (STOP, STOPALL, UNSUBSCRIBE, OPT OUT/OPTOUT, DEZABONARE,
//   DEZABONEAZA) count anywhere as a whole word: "please stop texting me" opts out, and so does
//   "don't stop": we never argue with a STOP. Opting out on a real STOP is never wrong (the person
//   can sign up again); a missed one is a message sent without consent. The common words END,
//   QUIT, CANCEL, REVOKE, RENUNT, OPRIRE count only first ("can I cancel my order?" is a question).
// - Whole words only: "stopover", "unstoppable" and "STOP2" are not STOP.
// - Opt-out wins over HELP and YES in the same text ("yes, stop" opts out); HELP wins over YES.
// - "Y" confirms only alone: as a first word it is too often the start of something else. YES and
//   DA confirm first ("Da, vreau"), but not joined by a hyphen to the next word: "Dă-mi detalii"
//   is "give me details", not a yes.

export type KeywordKind = 'opt-out' | 'help' | 'confirm';

export type InboundIntent =
  | {
      kind: KeywordKind;
      /** The keyword as listed here (upper case, no diacritics), e.g. 'OPT OUT', 'RENUNT'. */
      keyword: string;
      /** The language the keyword tells, null when it is the same in both (STOP, INFO). */
      language: 'en' | 'ro' | null;
      /** Where it stood: the whole text, its first word(s), or further in. */
      position: 'alone' | 'first' | 'within';
    }
  | { kind: 'other' };

/** Longer inbound texts are read only this far (ten concatenated parts). */
export const MAX_INBOUND_TEXT_LENGTH = 1600;

interface Keyword {
  words: readonly string[];
  kind: KeywordKind;
  language: 'en' | 'ro' | null;
  /** Where in the text it counts. */
  counts: 'anywhere' | 'first' | 'alone';
}

const k = (phrase: string, kind: KeywordKind, language: 'en' | 'ro' | null, counts: Keyword['counts']): Keyword => ({
  words: phrase.split(' '),
  kind,
  language,
  counts,
});

/** In order of precedence: the first one that matches decides. */
export const KEYWORDS: readonly Keyword[] = [
  k('STOP', 'opt-out', null, 'anywhere'),
  k('STOPALL', 'opt-out', 'en', 'anywhere'),
  k('UNSUBSCRIBE', 'opt-out', 'en', 'anywhere'),
  k('OPT OUT', 'opt-out', 'en', 'anywhere'),
  k('OPTOUT', 'opt-out', 'en', 'anywhere'),
  k('DEZABONARE', 'opt-out', 'ro', 'anywhere'),
  k('DEZABONEAZA', 'opt-out', 'ro', 'anywhere'),
  k('QUIT', 'opt-out', 'en', 'first'),
  k('END', 'opt-out', 'en', 'first'),
  k('REVOKE', 'opt-out', 'en', 'first'),
  k('CANCEL', 'opt-out', 'en', 'first'),
  k('RENUNT', 'opt-out', 'ro', 'first'),
  k('OPRIRE', 'opt-out', 'ro', 'first'),
  k('HELP', 'help', 'en', 'first'),
  k('INFO', 'help', null, 'first'),
  k('AJUTOR', 'help', 'ro', 'first'),
  k('YES', 'confirm', 'en', 'first'),
  k('DA', 'confirm', 'ro', 'first'),
  k('Y', 'confirm', 'en', 'alone'),
];

function comparable(text: string): string {
  return text.slice(0, MAX_INBOUND_TEXT_LENGTH).normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
}

/** The words of a text, compared as keywords are: NFKD without marks, upper case, letters and digits. */
export function keywordWords(text: string): string[] {
  return comparable(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** True when the text's first word is joined to the next by a hyphen (Romanian "dă-mi"). */
function firstWordHyphenated(text: string): boolean {
  return /^[^\p{L}\p{N}]*[\p{L}\p{N}]+-[\p{L}\p{N}]/u.test(comparable(text));
}

function occursAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((w, i) => words[at + i] === w);
}

/** Classifies one inbound text: opt-out, help, confirm (SMS double opt-in) or other. */
export function classifyInbound(text: string): InboundIntent {
  const words = keywordWords(text);
  if (words.length === 0) return { kind: 'other' };
  for (const keyword of KEYWORDS) {
    const { kind, language } = keyword;
    if (occursAt(words, keyword.words, 0)) {
      const alone = words.length === keyword.words.length;
      const counts = alone || (keyword.counts !== 'alone' && !(kind === 'confirm' && firstWordHyphenated(text)));
      if (counts) return { kind, keyword: keyword.words.join(' '), language, position: alone ? 'alone' : 'first' };
    }
    if (keyword.counts === 'anywhere') {
      for (let at = 1; at + keyword.words.length <= words.length; at++) {
        if (occursAt(words, keyword.words, at)) return { kind, keyword: keyword.words.join(' '), language, position: 'within' };
      }
    }
  }
  return { kind: 'other' };
}
