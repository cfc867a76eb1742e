// The compiled content policy (CNT-01): the data of policy/content/ with its lexicons indexed, and
// its revision — a hash of the data, recorded in every verdict so a decision can be traced to the
// exact policy that made it. Compiled once per policy (the default lazily, on first screen).
import { createHash } from 'node:crypto';
import { CONTENT_POLICY_DATA } from '../../../policy/content/index.ts';
import { addTerm, createIndex, type LexiconIndex, type TermClass } from './lexicon.ts';
import type { CategoryData, ContentPolicyData, ContentWeights, Lexicon } from './policy-types.ts';

export interface ContentPolicy {
  readonly data: ContentPolicyData;
  readonly revision: string;
  readonly index: LexiconIndex;
  readonly negation: ReadonlySet<string>;
  readonly negationExceptions: ReadonlySet<string>;
  readonly currencies: ReadonlySet<string>;
  readonly shorteners: ReadonlySet<string>;
}

const CLASSES: readonly (keyof Lexicon & TermClass)[] = ['strong', 'topic', 'weak', 'benign', 'except'];

/** Words of a term list as the matcher sees them (folded, split), for sets of single words. */
const wordSet = (words: readonly string[]): Set<string> => {
  const out = new Set<string>();
  for (const w of words) {
    const folded = w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out.add(folded);
  }
  return out;
};

export function compileContentPolicy(data: ContentPolicyData): ContentPolicy {
  const ids = new Set<string>();
  const index = createIndex();
  const seen = new Set<string>();
  data.categories.forEach((category, c) => {
    if (!/^[a-z0-9-]{1,64}$/.test(category.id) || ids.has(category.id))
      throw new Error(`content policy: bad or duplicate category id "${category.id}"`);
    if (!category.clause) throw new Error(`content policy: category ${category.id} has no clause`);
    ids.add(category.id);
    for (const lang of ['en', 'ro'] as const) {
      for (const cls of CLASSES) for (const term of category[lang][cls] ?? []) addTerm(index, c, cls, term, seen, lang);
    }
  });
  for (const lang of ['en', 'ro'] as const) {
    for (const term of data.context[lang].cta) addTerm(index, -1, 'cta', term, seen, lang);
    for (const term of data.context[lang].info) addTerm(index, -1, 'info', term, seen, lang);
    for (const term of data.context[lang].goods ?? []) addTerm(index, -1, 'goods', term, seen, lang);
  }
  const revision = `content-v${data.version}-${createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16)}`;
  return {
    data,
    revision,
    index,
    negation: wordSet([...data.negation.en, ...data.negation.ro]),
    negationExceptions: wordSet(data.negation.exceptions),
    currencies: wordSet(data.currencies),
    shorteners: new Set(data.deception.shorteners.map((d) => d.toLowerCase())),
  };
}

/** What an operator setting may change: weights, thresholds, extra terms per category and language. */
export interface ContentPolicyOverrides {
  weights?: Partial<ContentWeights>;
  holdAt?: number;
  rejectAt?: number;
  categories?: Record<string, { holdAt?: number; rejectAt?: number; weightScale?: number; en?: Lexicon; ro?: Lexicon }>;
}

const mergeLexicon = (base: Lexicon, extra: Lexicon | undefined): Lexicon => {
  if (!extra) return base;
  const out: Lexicon = { ...base };
  for (const cls of CLASSES) if (extra[cls]) out[cls] = [...(base[cls] ?? []), ...extra[cls]];
  return out;
};

let defaultPolicy: ContentPolicy | undefined;

/** The built-in policy (policy/content), or it with an operator's overrides applied. */
export function loadContentPolicy(overrides?: ContentPolicyOverrides): ContentPolicy {
  if (!overrides) return (defaultPolicy ??= compileContentPolicy(CONTENT_POLICY_DATA));
  const known = new Set(CONTENT_POLICY_DATA.categories.map((c) => c.id));
  for (const id of Object.keys(overrides.categories ?? {}))
    if (!known.has(id)) throw new Error(`content policy override: unknown category "${id}"`);
  const categories: CategoryData[] = CONTENT_POLICY_DATA.categories.map((c) => {
    const o = overrides.categories?.[c.id];
    if (!o) return c;
    return {
      ...c,
      ...(o.holdAt !== undefined ? { holdAt: o.holdAt } : {}),
      ...(o.rejectAt !== undefined ? { rejectAt: o.rejectAt } : {}),
      ...(o.weightScale !== undefined ? { weightScale: o.weightScale } : {}),
      en: mergeLexicon(c.en, o.en),
      ro: mergeLexicon(c.ro, o.ro),
    };
  });
  return compileContentPolicy({
    ...CONTENT_POLICY_DATA,
    weights: { ...CONTENT_POLICY_DATA.weights, ...overrides.weights },
    holdAt: overrides.holdAt ?? CONTENT_POLICY_DATA.holdAt,
    rejectAt: overrides.rejectAt ?? CONTENT_POLICY_DATA.rejectAt,
    categories,
  });
}
