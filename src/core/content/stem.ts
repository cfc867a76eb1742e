// Light stemming for the content screen's lexicons (CNT-01): a word's inflected forms share a stem,
// so a lexicon that lists one form ("fals", "cigarettes") also matches the others ("falși", "falsele",
// "cigarette"). One longest-suffix strip per word over folded text (no diacritics): Romanian noun
// and adjective endings with their articles (-ul, -ului, -le, -lor, -ii, -ele, -uri, -urile…). Verb
// endings are left alone on purpose: an imperative ("votați", "cumpărați") is an offer, the noun of
// the same stem ("secție de votare") is not. English: -s, -es, -ed, -ing, -er, -e (not used by the
// default classes, see lexicon.ts STEMMED). A stem keeps at least MIN_STEM letters,
// so short words are left alone (casă, bani, bet). Pure, cached, linear in the word.

/** Suffixes, folded (ă â → a, î → i, ș → s, ț → t), longest first within each language. */
const SUFFIXES: Record<'en' | 'ro', readonly string[]> = {
  ro: [
    'urilor',
    'urile',
    'iilor',
    'elor',
    'ilor',
    'ului',
    'iile',
    'ele',
    'ile',
    'lor',
    'lui',
    'uri',
    'iei',
    'ul',
    'le',
    'ii',
    'ei',
    'ea',
    'ua',
    'ia',
    'a',
    'e',
    'i',
    'u',
  ],
  en: ['ings', 'ing', 'ers', 'ies', 'ied', 'er', 'ed', 'es', 's', 'e', 'y'],
};
const MIN_STEM = 4;
/** Romanian plural -uri / -urile / -urilor leave a shorter stem whole (jocuri → joc). */
const MIN_STEM_LONG_SUFFIX = 3;
const MAX_CACHE = 50_000;

const caches = { en: new Map<string, string>(), ro: new Map<string, string>() };

export function stemOf(lang: 'en' | 'ro', word: string): string {
  const cache = caches[lang];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let stem = word;
  for (const suffix of SUFFIXES[lang]) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.length - suffix.length;
    if (rest >= MIN_STEM || (suffix.length >= 3 && rest >= MIN_STEM_LONG_SUFFIX)) {
      stem = word.slice(0, rest);
      break;
    }
  }
  if (cache.size < MAX_CACHE) cache.set(word, stem);
  return stem;
}
