// The content policy's data shape (CNT-01). The data itself lives in policy/content/ (plain TS an
// operator setting can override: weights, thresholds, extra terms); this file only names its shape.
//
// A term is a phrase written as a person reads it, in either language, with or without diacritics
// (the screen folds ș/ş/s, ț/ţ/t, ă/â/a, î/i, case and confusables the same way in terms and text):
//   'jocuri de noroc'   the words in order, adjacent
//   'cazino*'           a word ending in * matches any word it begins (cazinoul, cazinouri); ≥ 3 letters
//   '#num workers'      #num matches any number ("200 workers")
//   'apartment* ~ sale' both sides within NEAR_WINDOW words of each other, in either order
//   'vermin ~~ immigrants' the same, and in one sentence

export type ContentGroup = 'prohibited' | 'not-accepted' | 'high-risk';
export type CategoryVerdict = 'reject' | 'hold';

/** One language's lexicon for a category. */
export interface Lexicon {
  /** Unambiguous for the category whatever the context (phrases, product names). */
  strong?: readonly string[];
  /** The topic: count fully only when promoted (calls to action, prices) and not framed as news. */
  topic?: readonly string[];
  /** Weak signals: words that alone are ordinary. */
  weak?: readonly string[];
  /** Words of the legitimate look-alike (a furniture shop for real estate, addiction research for gambling). */
  benign?: readonly string[];
  /** Phrases that are not this category although they contain its words ("bath bomb", "glue gun"). */
  except?: readonly string[];
}

export interface CategoryData {
  id: string;
  group: ContentGroup;
  /** The seed clause it comes from (quoted) and Assent's own policy anchor. */
  clause: string;
  /** The verdict at full evidence; weaker evidence (over holdAt) holds. */
  verdict: CategoryVerdict;
  /** Declared-industry ids (policy/industries.json) that are this category (ACC-02 meets content). */
  industries?: readonly string[];
  holdAt?: number;
  rejectAt?: number;
  /** Multiplies the class weights for this category (e.g. 4/3 makes one slur enough to reject). */
  weightScale?: number;
  /** Overrides weights.infoStrong: how much news / warning framing lowers even strong terms. */
  infoStrong?: number;
  /** A trade (ICO, forex, debt collection…): an informational message that names it reports it, as for the high-risk list. */
  newsReported?: boolean;
  /** Overrides weights.reported (1: a category whose own wording is informational, like awareness tests). */
  reported?: number;
  en: Lexicon;
  ro: Lexicon;
}

export interface ContextLexicon {
  /** Calls to action and commercial words: a promotion. */
  cta: readonly string[];
  /** News, research, prevention, history: informational framing. */
  info: readonly string[];
  /** Ordinary trade and notices (a bookstore, a hardware shop, an IT notice): weigh against every category's topic words. */
  goods?: readonly string[];
}

export interface ContentWeights {
  strong: number;
  topic: number;
  weak: number;
  /** Each further occurrence of the same term adds this share of its weight (up to 3 more). */
  repeat: number;
  /** A negated occurrence ("alcohol-free", "we do not sell") counts this share. */
  negated: number;
  /** A mention in a sentence with an informational word (reported, not offered) counts this share. */
  reported?: number;
  /** Text a reader cannot see counts (1 + hidden) times. */
  hidden: number;
  /** Each distinct promotion cue (≤ 3) multiplies the score by (1 + promo × n). */
  promo: number;
  /** Each distinct informational cue (≤ 4) divides topic weight by (1 + info × n) … */
  info: number;
  /** … and strong weight by (1 + infoStrong × n). */
  infoStrong: number;
  /** Each of the category's benign cues divides its topic weight by (1 + benign × n). */
  benign: number;
  /** A message from an account that declared this category's industry scores this many times more. */
  declaredIndustry: number;
}

export type DeceptionRule =
  'fake-reply-subject' | 'hidden-text' | 'link-text-mismatch' | 'url-shortener' | 'ip-address-url' | 'blocklisted-domain';

export interface DeceptionRuleData {
  verdict: CategoryVerdict;
  score: number;
}

export interface DeceptionData {
  clause: string;
  rules: Record<DeceptionRule, DeceptionRuleData>;
  /** Subject prefixes that claim a reply or forward (compared folded, before a colon). */
  replyPrefixes: readonly string[];
  shorteners: readonly string[];
  /** Shortener-list domains that are a platform's own canonical links (the destination's owner is plain). */
  shortenerExceptions: readonly string[];
  /** Hidden text this long or shorter, before any visible text, is the email preheader convention. */
  preheaderMaxChars: number;
}

export interface ContentPolicyData {
  /** Bump when the meaning changes; the revision string also hashes the whole data. */
  version: number;
  weights: ContentWeights;
  holdAt: number;
  rejectAt: number;
  negation: { en: readonly string[]; ro: readonly string[]; exceptions: readonly string[] };
  context: { en: ContextLexicon; ro: ContextLexicon };
  currencies: readonly string[];
  categories: readonly CategoryData[];
  deception: DeceptionData;
}
