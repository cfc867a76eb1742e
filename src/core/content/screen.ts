// The content screen (CNT-01…CNT-04): one pure, synchronous function from a message to a verdict a
// reviewer can check — allow, hold or reject — with, for each finding, the category, the rule, the
// matched spans in the ORIGINAL field the reviewer sees, and a score. It reads only the policy
// given (default: policy/content) and the blocklist port given; it never throws on content, only on
// size (CONTENT_TOO_LARGE, before reading anything).
import { tooLarge } from '../errors.ts';
import { extractHtml, type HtmlExtract } from './html.ts';
import { matchAll } from './lexicon.ts';
import { bareUrls, checkLinks, type CheckedLink, type DomainBlocklist } from './links.ts';
import {
  MAX_CONTENT_HEADER_BYTES,
  MAX_CONTENT_HTML_BYTES,
  MAX_CONTENT_LINKS,
  MAX_EXCERPT_CHARS,
  MAX_SPANS_PER_FINDING,
} from './limits.ts';
import { foldPieces, isWordCode, type Folded, type Piece } from './normalize.ts';
import { loadContentPolicy, type ContentPolicy } from './policy.ts';
import type { CategoryVerdict, DeceptionRule } from './policy-types.ts';
import { scoreCategories, type ScoredHit } from './score.ts';
import { isNumberToken, tokenize, type Tokens } from './tokens.ts';
import { fakeReplyPrefix, hiddenTextRuns } from './deception.ts';

export { MAX_CONTENT_HTML_BYTES } from './limits.ts';
export { loadContentPolicy, compileContentPolicy, type ContentPolicy, type ContentPolicyOverrides } from './policy.ts';
export type { DomainBlocklist } from './links.ts';

export type ContentChannel = 'email' | 'sms';
export interface ContentInput {
  channel: ContentChannel;
  lang?: 'en' | 'ro';
  subject?: string;
  preheader?: string;
  html?: string;
  text?: string;
  links?: string[];
  declaredIndustry?: string | null;
}
export type Verdict = 'allow' | 'hold' | 'reject';
/** Offsets into the ORIGINAL field string the reviewer sees ([start, end), UTF-16 units). For field 'link', into that link string. */
export interface Span {
  field: 'subject' | 'preheader' | 'html' | 'text' | 'link';
  start: number;
  end: number;
  excerpt: string;
}
export interface Finding {
  category: string;
  rule: string;
  spans: Span[];
  score: number;
  clause?: string;
}
export interface ScreenResult {
  verdict: Verdict;
  findings: Finding[];
  policyRevision: string;
  score: number;
}
export interface ScreenOptions {
  /** The configured domain blocklists (default: none). */
  blocklist?: DomainBlocklist;
}

/** Findings of the deception checks carry this category (the seed's "messages violating anti-spam laws"). */
export const DECEPTION_CATEGORY = 'deception';

type TextField = 'subject' | 'preheader' | 'html' | 'text';

export interface FieldText {
  field: TextField;
  original: string;
  folded: Folded;
  tokens: Tokens;
  /** Per normalised character: 1 when a reader cannot see it (HTML only). */
  hidden: Uint8Array | null;
  html: HtmlExtract | null;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function checkLimits(input: ContentInput): void {
  for (const field of ['html', 'text'] as const) {
    const value = input[field];
    // UTF-8 takes at most 3 bytes per UTF-16 unit: count only when the bound does not settle it.
    if (
      value !== undefined &&
      (value.length > MAX_CONTENT_HTML_BYTES ||
        (value.length * 3 > MAX_CONTENT_HTML_BYTES && utf8Bytes(value) > MAX_CONTENT_HTML_BYTES))
    ) {
      throw tooLarge('CONTENT_TOO_LARGE', `The message ${field} is larger than ${MAX_CONTENT_HTML_BYTES} bytes; shorten it.`, {
        field,
        limit: MAX_CONTENT_HTML_BYTES,
      });
    }
  }
  for (const field of ['subject', 'preheader'] as const) {
    const value = input[field];
    if (value !== undefined && utf8Bytes(value) > MAX_CONTENT_HEADER_BYTES) {
      throw tooLarge('CONTENT_TOO_LARGE', `The ${field} is larger than ${MAX_CONTENT_HEADER_BYTES} bytes; shorten it.`, {
        field,
        limit: MAX_CONTENT_HEADER_BYTES,
      });
    }
  }
  const links = input.links ?? [];
  if (links.length > MAX_CONTENT_LINKS || links.some((l) => l.length > MAX_CONTENT_HEADER_BYTES)) {
    throw tooLarge(
      'CONTENT_TOO_LARGE',
      `At most ${MAX_CONTENT_LINKS} links of ${MAX_CONTENT_HEADER_BYTES} bytes each are screened.`,
      { field: 'links', limit: MAX_CONTENT_LINKS },
    );
  }
}

function buildField(field: TextField, original: string): FieldText {
  if (field !== 'html') {
    const folded = foldPieces([{ text: original, start: 0, end: original.length }]);
    return { field, original, folded, tokens: tokenize(folded.norm), hidden: null, html: null };
  }
  const html = extractHtml(original);
  const folded = foldPieces(html.pieces as Piece[]);
  const hidden = new Uint8Array(folded.norm.length);
  html.pieces.forEach((p, k) => {
    if (p.hidden === null) return;
    hidden.fill(1, folded.pieceStarts[k]!, folded.pieceStarts[k + 1] ?? folded.norm.length);
  });
  return { field, original, folded, tokens: tokenize(folded.norm), hidden, html };
}

const spanOf = (f: FieldText, firstTok: number, lastTok: number): Span => {
  const start = f.folded.starts[f.tokens.start[firstTok]!]!;
  const end = f.folded.ends[f.tokens.end[lastTok]! - 1]!;
  return { field: f.field, start, end, excerpt: f.original.slice(start, Math.min(end, start + MAX_EXCERPT_CHARS)) };
};

function isNegated(policy: ContentPolicy, t: Tokens, first: number, last: number): boolean {
  if (t.text[last + 1] === 'free' && t.gap[last + 1] === '-') return true;
  let seen = 0;
  for (let k = first - 1; k >= 0 && seen < 4; k--) {
    if (t.sentence[k] !== t.sentence[first]) break;
    const w = t.text[k]!;
    if (w === 't') continue;
    seen++;
    if (!policy.negation.has(w)) continue;
    let n = k + 1;
    while (n < first && t.text[n] === 't') n++;
    const after = t.text[n];
    if (after !== undefined && n <= first && (policy.negationExceptions.has(after) || isNumberToken(after))) continue;
    return true;
  }
  return false;
}

/** Distinct informational cues that, with no call to action, make the whole message a report. */
const INFORMATIONAL_MESSAGE = 2;

/** Within this many words of a news / research / warning word, a mention is reported, not offered. */
const REPORTED_WINDOW = 6;

/** A mention in the same sentence as an informational word, or a few words from one ("police seized fake watches"). */
function isReported(t: Tokens, infoAt: readonly number[], first: number, last: number): boolean {
  for (const k of infoAt) {
    if (k >= first && k <= last) continue;
    if (t.sentence[k] === t.sentence[first]) return true;
    if (k >= first - REPORTED_WINDOW && k <= last + REPORTED_WINDOW) return true;
  }
  return false;
}

interface FieldCues {
  cta: Map<number, string>;
  money: number[];
  percent: number[];
  contacts: number[];
  /** Subject and preheader: their cues frame the whole message. */
  short: boolean;
}

/** Past this many words, promotion is read near each mention (LOCAL_PROMO_WINDOW words either side). */
const LOCAL_PROMO_WORDS = 160;
const LOCAL_PROMO_WINDOW = 40;

function localPromo(cues: readonly FieldCues[], field: number, at: number): number {
  const cta = new Set<string>();
  let money = 0;
  let percent = 0;
  let contact = false;
  const near = (k: number) => k >= at - LOCAL_PROMO_WINDOW && k <= at + LOCAL_PROMO_WINDOW;
  cues.forEach((c, fi) => {
    const all = c.short;
    if (!all && fi !== field) return;
    for (const [k, w] of c.cta) if (all || near(k)) cta.add(w);
    for (const k of c.money) if (all || near(k)) money++;
    for (const k of c.percent) if (all || near(k)) percent++;
    if (c.contacts.some((k) => all || near(k))) contact = true;
  });
  if (cta.size > 0) money += percent;
  return cta.size + (money >= 3 ? 2 : money > 0 ? 1 : 0) + (contact ? 1 : 0);
}

/** Phone numbers (9–13 digits in ≤ 4 groups split by spaces or dashes: "0744 000 222"; 7 with a dash: "555-0188"), web addresses, @handles. */
function contactsAt(f: FieldText): number[] {
  const t = f.tokens;
  const { norm } = f.folded;
  const out: number[] = [];
  for (let i = 0; i < t.text.length; i++) {
    const w = t.text[i]!;
    if (isNumberToken(w)) {
      let digits = w.length;
      let dashed = false;
      let k = i + 1;
      while (k < t.text.length && k - i < 4 && isNumberToken(t.text[k]!) && t.start[k]! - t.end[k - 1]! === 1) {
        const sep = norm[t.end[k - 1]!];
        if (sep !== ' ' && sep !== '-') break;
        if (sep === '-') dashed = true;
        digits += t.text[k]!.length;
        k++;
      }
      if ((digits >= 9 && digits <= 13) || (dashed && digits >= 7 && digits <= 13)) out.push(i);
      i = k - 1;
      continue;
    }
    const before = norm[t.start[i]! - 1];
    if (before === '@' && (t.start[i]! < 2 || !isWordCode(norm.charCodeAt(t.start[i]! - 2)))) out.push(i);
    else if (t.gap[i + 1] === '.' && i + 1 < t.text.length && TLDS.has(t.text[i + 1]!) && w.length >= 3) {
      const after = norm[t.end[i + 1]!];
      if (after === undefined || !isWordCode(after.charCodeAt(0))) out.push(i);
    }
  }
  return out;
}
/** Top-level domains an address in running text ends with (shop.example, credit-rapid.ro). */
const TLDS = new Set([
  'com',
  'net',
  'org',
  'ro',
  'eu',
  'uk',
  'io',
  'co',
  'info',
  'biz',
  'shop',
  'online',
  'store',
  'site',
  'xyz',
  'love',
  'me',
  'example',
  'app',
  'club',
  'top',
  'bet',
  'casino',
  'vip',
]);

/** Numbers next to money (€5, 5 €, 100 lei, 20 EUR) and percentages (50%), counted apart. */
function pricesAt(policy: ContentPolicy, f: FieldText): { money: number[]; percent: number[] } {
  const { norm } = f.folded;
  const t = f.tokens;
  const money: number[] = [];
  const percent: number[] = [];
  const isMoney = (c: string | undefined) => c === '€' || c === '$' || c === '£';
  for (let i = 0; i < t.text.length; i++) {
    if (!isNumberToken(t.text[i]!)) continue;
    const s = t.start[i]!;
    const e = t.end[i]!;
    const before = norm[s - 1] === ' ' ? norm[s - 2] : norm[s - 1];
    const after = norm[e] === ' ' ? norm[e + 1] : norm[e];
    const next = t.text[i + 1];
    if (isMoney(before) || isMoney(after) || (next !== undefined && t.start[i + 1]! - e <= 2 && policy.currencies.has(next)))
      money.push(i);
    else if (after === '%') percent.push(i);
  }
  return { money, percent };
}

const RANK: Record<Verdict, number> = { allow: 0, hold: 1, reject: 2 };

export function screenContent(
  input: ContentInput,
  policy: ContentPolicy = loadContentPolicy(),
  options: ScreenOptions = {},
): ScreenResult {
  checkLimits(input);
  const fields: FieldText[] = [];
  for (const name of ['subject', 'preheader', 'html', 'text'] as const) {
    const value = input[name];
    if (value !== undefined && value !== '') fields.push(buildField(name, value));
  }

  // Words → term hits, with context cues, negation, hidden text and "except" phrases applied.
  const scored: ScoredHit[] = [];
  // Context cues count once per distinct wording ("offers" matched as offer+s and as offers is one cue).
  const cta = new Set<string>();
  const info = new Set<string>();
  const goods = new Set<string>();
  let words = 0;
  let percents = 0;
  const benign: Set<string>[] = policy.data.categories.map(() => new Set<string>());
  let prices = 0;
  /** A phone number, a web address or a messenger handle: where to buy or reply (an offer's frame). */
  let contact = false;
  /** Per field, where its promotion cues are (for long messages, read near each mention). */
  const cues: FieldCues[] = [];
  fields.forEach((f, fi) => {
    const hits = matchAll(policy.index, f.tokens);
    const excepted = new Map<number, [number, number][]>();
    const infoAt: number[] = [];
    // A call to action is one cue per place: "rezervă" and "rezervă-ți", "order" and "order now" at
    // one word are one cue, not two.
    const ctaAt = new Map<number, string>();
    for (const h of hits) {
      const { term } = h;
      const wording =
        term.cls === 'cta' || term.cls === 'info' || term.cls === 'goods' || term.cls === 'benign'
          ? f.tokens.text.slice(h.first, h.last + 1).join(' ')
          : '';
      if (term.cls === 'cta') {
        // "se aplică", "se livrează": a reflexive verb describes, an imperative never follows "se".
        if (h.first > 0 && f.tokens.text[h.first - 1] === 'se') continue;
        const prev = ctaAt.get(h.first);
        if (prev === undefined || prev.length < wording.length) ctaAt.set(h.first, wording);
      } else if (term.cls === 'info' || term.cls === 'benign') {
        // A negated look-alike word is the opposite cue: "fără rețetă", "no customs checks" offer
        // what the pharmacy or the customs report would not.
        if (isNegated(policy, f.tokens, h.first, h.last)) continue;
        if (term.cls === 'benign') benign[term.category]!.add(wording);
        else {
          info.add(wording);
          infoAt.push(h.first);
        }
      } else if (term.cls === 'goods') goods.add(wording);
      else if (term.cls === 'except') {
        const list = excepted.get(term.category) ?? [];
        list.push([h.first, h.last]);
        excepted.set(term.category, list);
      }
    }
    // A call-to-action word inside a category's own phrase is that phrase ("token sales", "for sale"),
    // not a separate cue.
    for (const h of hits) {
      const c = h.term.cls;
      if ((c === 'strong' || c === 'topic') && h.last > h.first)
        for (const at of [...ctaAt.keys()]) if (at > h.first && at <= h.last) ctaAt.delete(at);
    }
    for (const w of ctaAt.values()) cta.add(w);
    const contacts = contactsAt(f);
    if (contacts.length > 0) contact = true;
    const p = pricesAt(policy, f);
    cues.push({
      cta: ctaAt,
      money: p.money,
      percent: p.percent,
      contacts,
      short: f.field === 'subject' || f.field === 'preheader',
    });
    for (const h of hits) {
      const { term } = h;
      if (term.cls !== 'strong' && term.cls !== 'topic' && term.cls !== 'weak') continue;
      if (excepted.get(term.category)?.some(([a, b]) => h.first <= b && h.last >= a)) continue;
      const hidden = f.hidden !== null && f.hidden[f.tokens.start[h.first]!] === 1;
      const wording =
        f.tokens.text.slice(h.first, h.last + 1).join(' ') +
        (h.nearFirst >= 0 ? ` ~ ${f.tokens.text.slice(h.nearFirst, h.nearLast + 1).join(' ')}` : '');
      scored.push({
        hit: h,
        field: fi,
        negated: isNegated(policy, f.tokens, h.first, h.last),
        hidden,
        wording,
        reported: isReported(f.tokens, infoAt, h.first, h.last),
      });
    }
    prices += p.money.length;
    percents += p.percent.length;
    words += f.tokens.text.length;
  });

  // A percentage is a price only beside a call to action ("20% off, shop now"); in a report it is a figure.
  if (cta.size > 0) prices += percents;
  const promo = cta.size + (prices >= 3 ? 2 : prices > 0 ? 1 : 0) + (contact ? 1 : 0);
  // A long message (a digest, a newsletter) is many messages: a mention is promoted by the calls to
  // action, prices and contacts near it (and the subject's), not by an offer three sections away.
  if (words > LOCAL_PROMO_WORDS) for (const h of scored) h.promo = localPromo(cues, h.field, h.hit.first);
  const informational = info.size + (input.declaredIndustry && INFORMATIONAL_INDUSTRIES.has(input.declaredIndustry) ? 1 : 0);
  // A message that is informational throughout — several news / research / warning words and not one
  // call to action — reports the refused industries it names, in its subject as in its body
  // ("Staying safe on dating apps … police warn …"). Prices and phone numbers alone do not make it an
  // offer (a helpline). Prohibited content (misinformation, hate) is not excused by a news frame.
  const informationalMessage = informational >= INFORMATIONAL_MESSAGE && cta.size === 0;
  const categories = scoreCategories(policy, scored, benign, {
    promo,
    info: informational,
    declaredIndustry: input.declaredIndustry ?? null,
    goods: goods.size,
    informationalMessage,
    words,
  });

  const findings: (Finding & { verdict: CategoryVerdict })[] = [];
  let maxScore = categories[0]?.score ?? 0;
  for (const c of categories) {
    if (c.verdict === null) continue;
    const spans: Span[] = [];
    const seen = new Set<string>();
    const ordered = [...c.hits].sort(
      (a, b) => Number(a.negated) - Number(b.negated) || a.field - b.field || a.hit.first - b.hit.first,
    );
    for (const h of ordered) {
      const f = fields[h.field]!;
      const parts: [number, number][] = [[h.hit.first, h.hit.last]];
      if (h.hit.nearFirst >= 0) parts.push([h.hit.nearFirst, h.hit.nearLast]);
      for (const [a, b] of parts) {
        const span = spanOf(f, a, b);
        const key = `${span.field}:${span.start}:${span.end}`;
        if (seen.has(key) || spans.length >= MAX_SPANS_PER_FINDING) continue;
        seen.add(key);
        spans.push(span);
      }
    }
    findings.push({
      category: c.category.id,
      rule: `${c.category.id}.terms`,
      spans: mergeSpans(spans, fields),
      score: c.score,
      clause: c.category.clause,
      verdict: c.verdict,
    });
  }

  // Deception checks (CNT-03).
  const deception = policy.data.deception;
  const addDeception = (rule: DeceptionRule, spans: Span[]) => {
    if (spans.length === 0) return;
    const { verdict, score } = deception.rules[rule];
    maxScore = Math.max(maxScore, score);
    findings.push({
      category: DECEPTION_CATEGORY,
      rule: `deception.${rule}`,
      spans: spans.slice(0, MAX_SPANS_PER_FINDING),
      score,
      clause: deception.clause,
      verdict,
    });
  };
  const subject = fields.find((f) => f.field === 'subject');
  if (input.channel === 'email' && subject) {
    const prefix = fakeReplyPrefix(subject, policy);
    if (prefix) addDeception('fake-reply-subject', [prefix]);
  }
  const htmlField = fields.find((f) => f.field === 'html');
  if (htmlField)
    addDeception('hidden-text', hiddenTextRuns(htmlField, fields.find((f) => f.field === 'preheader') ?? null, policy));

  const links: CheckedLink[] = [];
  for (const l of htmlField?.html?.links ?? [])
    links.push({
      url: l.href,
      field: 'html',
      start: l.start,
      end: l.end,
      text: l.text,
      textStart: l.textStart,
      textEnd: l.textEnd,
    });
  for (const l of input.links ?? []) links.push({ url: l, field: 'link', start: 0, end: l.length });
  for (const f of fields) if (f.field !== 'html') links.push(...bareUrls(f.original, f.field));
  const byRule = new Map<DeceptionRule, Span[]>();
  const linkOriginal = (field: string, start: number, end: number, url: string) =>
    field === 'link' ? url : fields.find((f) => f.field === field)!.original.slice(start, end);
  for (const p of checkLinks(links, policy, options.blocklist)) {
    const source = links.find(
      (l) => l.field === p.field && ((l.start === p.start && l.end === p.end) || l.textStart === p.start),
    );
    const excerpt = linkOriginal(p.field, p.start, p.end, source?.url ?? '').slice(0, MAX_EXCERPT_CHARS);
    const list = byRule.get(p.rule) ?? [];
    list.push({ field: p.field as Span['field'], start: p.start, end: p.end, excerpt });
    byRule.set(p.rule, list);
  }
  for (const [rule, spans] of byRule) addDeception(rule, spans);

  const verdict = findings.reduce<Verdict>((v, f) => (RANK[f.verdict] > RANK[v] ? f.verdict : v), 'allow');
  findings.sort((a, b) => RANK[b.verdict] - RANK[a.verdict] || b.score - a.score);
  return { verdict, findings: findings.map(({ verdict: _v, ...f }) => f), policyRevision: policy.revision, score: maxScore };
}

/** Overlapping spans of one field become one ("Cumpără cocaină" + "cocaină pură" → "Cumpără cocaină pură"). */
function mergeSpans(spans: Span[], fields: FieldText[]): Span[] {
  const sorted = [...spans].sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.field === s.field && s.start < last.end) {
      if (s.end > last.end) {
        const original = fields.find((f) => f.field === s.field)!.original;
        last.end = s.end;
        last.excerpt = original.slice(last.start, Math.min(last.end, last.start + MAX_EXCERPT_CHARS));
      }
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

const FIELD_ORDER: Record<Span['field'], number> = { subject: 0, preheader: 1, html: 2, text: 3, link: 4 };
/** Declared industries whose messages are informational by default (news, teaching, charities). */
const INFORMATIONAL_INDUSTRIES = new Set(['media', 'education', 'nonprofit']);
