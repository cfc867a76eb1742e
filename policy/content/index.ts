// The content policy as data (CNT-01): every category of the seeds' prohibited, not-accepted and
// high-complaint lists, with its clause, verdict and English / Romanian lexicons; the context words;
// the weights and thresholds; the deception rules. The screen (src/core/content) reads only this.
// An operator setting may override weights, thresholds and add terms (loadContentPolicy); every
// verdict records the revision (a hash of the data) it used.
import type { CategoryData, ContentPolicyData, Lexicon } from '../../src/core/content/policy-types.ts';
import { EUPHEMISMS, OFFER_CUES } from './euphemisms.ts';
import { CONTEXT_EN, CONTEXT_RO, CURRENCIES, NEGATION_EN, NEGATION_EXCEPTIONS, NEGATION_RO } from './context.ts';
import { DECEPTION } from './deception.ts';
import { HIGH_RISK } from './high-risk.ts';
import { NOT_ACCEPTED } from './not-accepted.ts';
import { PROHIBITED } from './prohibited.ts';

const CLASSES = ['strong', 'topic', 'weak', 'benign', 'except'] as const;
const mergeLexicon = (base: Lexicon, extra: Lexicon | undefined): Lexicon => {
  if (!extra) return base;
  const out: Lexicon = { ...base };
  for (const cls of CLASSES) if (extra[cls]) out[cls] = [...(base[cls] ?? []), ...extra[cls]];
  return out;
};
function withEuphemisms(c: CategoryData): CategoryData {
  let out = c;
  for (const extra of [EUPHEMISMS[c.id], OFFER_CUES[c.id]])
    if (extra) out = { ...out, en: mergeLexicon(out.en, extra.en), ro: mergeLexicon(out.ro, extra.ro) };
  return out;
}

export const CONTENT_POLICY_DATA: ContentPolicyData = {
  version: 1,
  weights: {
    strong: 3,
    topic: 1.5,
    weak: 0.6,
    repeat: 0.25,
    negated: 0.1,
    hidden: 0.5,
    reported: 0.5,
    promo: 0.4,
    info: 0.6,
    infoStrong: 0.25,
    benign: 0.5,
    declaredIndustry: 1.5,
  },
  holdAt: 2,
  rejectAt: 3.5,
  negation: { en: NEGATION_EN, ro: NEGATION_RO, exceptions: NEGATION_EXCEPTIONS },
  context: { en: CONTEXT_EN, ro: CONTEXT_RO },
  currencies: CURRENCIES,
  categories: [...PROHIBITED, ...NOT_ACCEPTED, ...HIGH_RISK].map(withEuphemisms),
  deception: DECEPTION,
};
