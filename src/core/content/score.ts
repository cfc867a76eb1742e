// Category scores (CNT-01, CNT-02): what a message's words add up to for each category, in context.
// A term's weight is its class (strong, topic, weak) × the category's scale; then
//   score = (strong × fS + (topic + weak) × fT) × (1 + promo × P) [× declared-industry factor]
// where P counts distinct calls to action and prices (≤ 3), fS and fT shrink with informational
// framing (news, research, prevention: ≤ 4 cues, less when the message also sells) and with the
// category's own benign words (a furniture shop's sofa beside "apartment"). Negated mentions
// ("alcohol-free", "we do not sell") count a tenth; hidden text counts more. Weak words count
// only beside a strong or topic term: alone they are ordinary language.
import type { Hit } from './lexicon.ts';
import type { ContentPolicy } from './policy.ts';
import type { CategoryData, CategoryVerdict } from './policy-types.ts';

export interface ScoredHit {
  hit: Hit;
  field: number;
  negated: boolean;
  hidden: boolean;
  /** In a sentence with a news / research / warning word: reported, not offered. */
  reported?: boolean;
  /** The words matched ("fake passports"): one wording counts once, whichever terms matched it. */
  wording: string;
  /** In a long message, the promotion cues near this mention (else the message's are used). */
  promo?: number;
}

export interface CategoryScore {
  category: CategoryData;
  score: number;
  verdict: CategoryVerdict | null;
  hits: ScoredHit[];
}

export interface MessageContext {
  /** Distinct call-to-action terms plus price cues. */
  promo: number;
  /** Distinct informational terms. */
  info: number;
  declaredIndustry: string | null;
  /** Distinct words of an ordinary shop, a bookstore, an IT notice (context `goods`): they weigh against topic words of every category. */
  goods?: number;
  /** Several informational cues and no call to action: the refused industries (high-risk) it names are reported. */
  informationalMessage?: boolean;
  /** Words in the message (all fields): topic evidence is read as a density past LONG_MESSAGE_WORDS. */
  words?: number;
}

const MAX_PROMO = 3;
const MAX_INFO = 4;
const MAX_BENIGN = 3;
const MAX_REPEATS = 3;
const MAX_GOODS = 3;
const DEFAULT_REPORTED = 0.5;
/** Occurrences of one wording from which it is read by the majority of its contexts. */
const DIGEST_REPEATS = 3;
/** Distinct weak words of one category that, in an offer's frame, count without a strong or topic term. */
const WEAK_CLUSTER = 3;
const CLUSTER_PROMO = 2;
/** The k-th strongest distinct wording of a class counts DECAY^k of its weight: evidence is bounded, never a sum over a digest. */
const DECAY = 0.6;
/** Past this many words, topic and weak evidence counts by density: × sqrt(LONG_MESSAGE_WORDS / words). */
const LONG_MESSAGE_WORDS = 160;

export function scoreCategories(
  policy: ContentPolicy,
  hits: readonly ScoredHit[],
  benign: readonly Set<string>[],
  ctx: MessageContext,
): CategoryScore[] {
  const { weights } = policy.data;
  const byCategory = new Map<number, ScoredHit[]>();
  for (const h of hits) {
    const c = h.hit.term.category;
    const list = byCategory.get(c);
    if (list) list.push(h);
    else byCategory.set(c, [h]);
  }
  const globalPromo = Math.min(ctx.promo, MAX_PROMO);
  const out: CategoryScore[] = [];
  for (const [c, list] of byCategory) {
    const category = policy.data.categories[c]!;
    // In a long message each category is promoted by the cues near its own mentions.
    const local = list.some((h) => h.promo !== undefined);
    const promo = local ? Math.min(Math.max(...list.map((h) => (h.negated ? 0 : (h.promo ?? 0)))), MAX_PROMO) : globalPromo;
    const infoCues = Math.max(0, Math.min(ctx.info, MAX_INFO) - Math.floor(promo / 2));
    const scale = category.weightScale ?? 1;
    const rank = (cls: string) => (cls === 'strong' ? 2 : cls === 'topic' ? 1 : 0);
    const perTerm = new Map<
      string,
      { cls: string; best: number; count: number; at: Set<string>; reported: number; places: number }
    >();
    const reportedMult = category.reported ?? weights.reported ?? DEFAULT_REPORTED;
    for (const h of list) {
      const mult = (h.negated ? weights.negated : 1) * (h.hidden ? 1 + weights.hidden : 1);
      const entry = perTerm.get(h.wording) ?? {
        cls: h.hit.term.cls,
        best: 0,
        count: 0,
        at: new Set<string>(),
        reported: 0,
        places: 0,
      };
      if (rank(h.hit.term.cls) > rank(entry.cls)) entry.cls = h.hit.term.cls;
      entry.best = Math.max(entry.best, mult);
      const at = `${h.field}:${h.hit.first}`;
      if (!entry.at.has(at)) {
        entry.at.add(at);
        entry.places++;
        if (h.reported) entry.reported++;
        if (!h.negated) entry.count++;
      }
      perTerm.set(h.wording, entry);
    }
    // A wording repeated through a message is read in the context of most of its occurrences: a
    // digest that reports it three times and mentions it once more without a news word still
    // reports it (one unreported mention no longer lifts all). A wording said once or twice keeps
    // its best occurrence.
    const allReported = ctx.informationalMessage === true && (category.group === 'high-risk' || category.newsReported === true);
    for (const e of perTerm.values()) {
      const reported = allReported || (e.places >= DIGEST_REPEATS ? e.reported * 3 >= e.places * 2 : e.reported === e.places);
      if (reported) e.best *= reportedMult;
    }
    const values: Record<string, number[]> = { strong: [], topic: [], weak: [] };
    for (const { cls, best, count } of perTerm.values()) {
      const base = (cls === 'strong' ? weights.strong : cls === 'topic' ? weights.topic : weights.weak) * scale;
      values[cls]!.push(base * best * (1 + weights.repeat * Math.min(Math.max(count - 1, 0), MAX_REPEATS)));
    }
    const bounded = (xs: number[]) => xs.sort((a, b) => b - a).reduce((sum, x, k) => sum + x * DECAY ** k, 0);
    const strong = bounded(values.strong!);
    const topic = bounded(values.topic!);
    let weak = bounded(values.weak!);
    // Weak words alone are ordinary language, unless several of one category's weak words stand
    // in an offer's frame (a call to action, a price, a number to call): "lonely tonight? … reply".
    // One more such word, and one promotion cue is frame enough.
    // Together they weigh as one topic word each: the category is named by its surroundings.
    const weakCluster =
      (values.weak!.length >= WEAK_CLUSTER && promo >= CLUSTER_PROMO) ||
      (values.weak!.length >= WEAK_CLUSTER + 1 && promo >= CLUSTER_PROMO - 1);
    if (strong + topic === 0) weak = weakCluster ? weak * (weights.topic / weights.weak) : 0;
    const benignCues = Math.min(benign[c]?.size ?? 0, MAX_BENIGN);
    const infoStrong = category.infoStrong ?? weights.infoStrong;
    const fStrong = 1 / (1 + infoStrong * (infoCues + benignCues));
    const goods = Math.min(ctx.goods ?? 0, MAX_GOODS);
    const density = Math.min(1, Math.sqrt(LONG_MESSAGE_WORDS / Math.max(ctx.words ?? 0, 1)));
    const fTopic = density / (1 + weights.info * infoCues + weights.benign * (benignCues + goods));
    let score = (strong * fStrong + (topic + weak) * fTopic) * (1 + weights.promo * promo);
    if (ctx.declaredIndustry && category.industries?.includes(ctx.declaredIndustry)) score *= weights.declaredIndustry;
    score = Math.round(score * 100) / 100;
    const holdAt = category.holdAt ?? policy.data.holdAt;
    const rejectAt = category.rejectAt ?? policy.data.rejectAt;
    const verdict = score >= rejectAt ? category.verdict : score >= holdAt ? 'hold' : null;
    out.push({ category, score, verdict, hits: list });
  }
  return out.sort((a, b) => b.score - a.score);
}
