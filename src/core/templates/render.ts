// Per-recipient rendering of a compiled template (DEL-04): only Liquid runs here, never MJML.
//
// The fast path (a plan, made once per parsed part and kept beside it): when a part is only text
// and {{ outputs }} — no tags, so no assign/capture/loop can change what an output sees — the
// text pieces are kept as they are and only the outputs are evaluated per recipient, each
// distinct expression once. A plain lookup (`click[3]`, `unsubscribe_url`, `contact.first_name`),
// optionally `| default: "literal"`, of string / missing values is read directly; anything else
// (other filters, numbers, objects, `size`/`first`/`last`, negative indexes) is rendered by
// liquidjs itself in one Context per part, so the output is liquidjs's, byte for byte. A part
// with tags is rendered by liquidjs whole, as before.
import { Context, Output, type Liquid, type Template } from 'liquidjs';
import type { CompiledTemplate } from './compile.ts';

export interface RenderContext {
  contact: Record<string, unknown> & { email: string };
  account: { name: string } & Record<string, unknown>;
  /** Extra top-level values (unsubscribe_url, preferences_url). */
  [key: string]: unknown;
}

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

const str = (x: unknown): string => (typeof x === 'string' ? x : String(x ?? ''));

/** A lookup read without liquidjs: the property path, the default literal, whether escaped. */
interface Direct {
  path: (string | number)[];
  fallback: string | null;
}

interface Slot {
  /** The expression's source: equal expressions in one part render equal (no tags, no state). */
  key: string;
  template: Template[];
  direct: Direct | null;
  escape: boolean;
}

type Piece = string | Slot;

const plans = new WeakMap<Template[], Piece[] | null>();

// liquidjs's escape filter (not STYLE's escapeHtml: &#34; for ", as liquidjs writes it).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escapeLiquid = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

interface TokenLike {
  kind?: number;
  content?: unknown;
  variable?: unknown;
  props?: TokenLike[];
  getText?: () => string;
}
interface FilterLike {
  name: string;
  handler: unknown;
  args: TokenLike[];
}

const SPECIAL_PROPS = new Set(['size', 'first', 'last']);

function directOf(o: Output, engine: Liquid): { direct: Direct | null; escape: boolean } | null {
  const value = o.value as unknown as { initial: { postfix: TokenLike[] }; filters: FilterLike[] };
  const filters = [...value.filters];
  const escapeFilter = engine.filters['escape'];
  const escape = filters.length > 0 && filters[filters.length - 1]!.handler === escapeFilter;
  if (escape) filters.pop();
  const postfix = value.initial.postfix;
  if (postfix.length !== 1) return { direct: null, escape };
  const access = postfix[0]!;
  if (access.variable || !Array.isArray(access.props) || access.props.length === 0) return { direct: null, escape };
  const path: (string | number)[] = [];
  for (const p of access.props) {
    const c = p.content;
    if (typeof c === 'number' && Number.isInteger(c) && c >= 0) path.push(c);
    else if (typeof c === 'string' && p.getText?.() === c && !SPECIAL_PROPS.has(c)) path.push(c);
    else return { direct: null, escape };
  }
  if (filters.length === 0) return { direct: { path, fallback: null }, escape };
  const f = filters[0]!;
  if (filters.length === 1 && f.name === 'default' && f.args.length === 1 && typeof f.args[0]!.content === 'string') {
    const arg = f.args[0]!;
    // Only a quoted literal ("friend"), not a bare word liquidjs would look up.
    const text = arg.getText?.() ?? '';
    if (/^(["']).*\1$/s.test(text)) return { direct: { path, fallback: arg.content as string }, escape };
  }
  return { direct: null, escape };
}

function planOf(templates: Template[], engine: Liquid): Piece[] | null {
  const known = plans.get(templates);
  if (known !== undefined) return known;
  let plan: Piece[] | null = [];
  for (const t of templates) {
    if (t instanceof Output) {
      const d = directOf(t, engine);
      const key = String((t.token as unknown as { content?: unknown }).content ?? '').trim();
      // `sample` and `date: "now"` are not the same value twice; keep those unshared.
      const shared = !/\bsample\b|now|today/.test(key);
      plan.push({
        key: shared ? key : `\0${plan.length}`,
        template: [t],
        direct: d?.direct ?? null,
        escape: d?.escape ?? false,
      });
    } else if (t.constructor.name === 'HTML' && typeof (t as unknown as { str?: unknown }).str === 'string') {
      const s = (t as unknown as { str: string }).str;
      const last = plan[plan.length - 1];
      if (typeof last === 'string') plan[plan.length - 1] = last + s;
      else plan.push(s);
    } else {
      plan = null;
      break;
    }
  }
  plans.set(templates, plan);
  return plan;
}

const MISS = Symbol('miss');

/** The value at `path`, own properties of plain objects / arrays only; MISS when liquidjs must decide. */
function lookup(ctx: RenderContext, path: (string | number)[]): string | null | typeof MISS {
  let v: unknown = ctx;
  for (const key of path) {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'object') return MISS;
    if (Array.isArray(v) ? typeof key !== 'number' : typeof key !== 'string') return MISS;
    if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return MISS;
    v = Object.hasOwn(v, key) ? (v as Record<string | number, unknown>)[key] : undefined;
  }
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : MISS;
}

function renderPart(templates: Template[], engine: Liquid, ctx: RenderContext): string {
  const plan = planOf(templates, engine);
  if (!plan) return str(engine.renderSync(templates, ctx));
  let liquidCtx: Context | null = null;
  const memo = new Map<string, string>();
  let out = '';
  for (const piece of plan) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    let v = memo.get(piece.key);
    if (v === undefined) {
      const found = piece.direct ? lookup(ctx, piece.direct.path) : MISS;
      if (found !== MISS && piece.direct) {
        const raw = found === null || found === '' ? (piece.direct.fallback ?? '') : found;
        v = piece.escape ? escapeLiquid(raw) : raw;
      } else {
        liquidCtx ??= new Context(ctx, engine.options, { sync: true }, { liquid: engine } as never);
        v = str(engine.renderSync(piece.template, liquidCtx));
      }
      memo.set(piece.key, v);
    }
    out += v;
  }
  return out;
}

export function render(compiled: CompiledTemplate, ctx: RenderContext): Rendered {
  const { html, plain } = compiled.engines;
  return {
    subject: renderPart(compiled.parsed.subject, plain, ctx).replace(/[\r\n]+/g, ' '),
    html: renderPart(compiled.parsed.html, html, ctx),
    text: renderPart(compiled.parsed.text, plain, ctx),
  };
}
