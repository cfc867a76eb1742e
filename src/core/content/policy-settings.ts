// Operator tuning of the content policy (CNT-01): the overrides an operator saves (weights,
// thresholds, a category's weight scale and extra terms in English and Romanian) are stored as
// append-only revisions; the newest is in effect. Its compiled policy carries the stored revision
// id, so every verdict's policyRevision names the row it was screened with. Compiled once per
// revision (the store is asked for the newest row on each screen — one indexed read — so several
// server processes agree as soon as one saves).
import { z } from 'zod';
import { CONTENT_POLICY_DATA } from '../../../policy/content/index.ts';
import { CONTENT_CATEGORY_NAMES } from '../../../policy/content/names.ts';
import type { AuditLog } from '../audit/types.ts';
import { AppError, conflict, invalid } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { loadContentPolicy, type ContentPolicy, type ContentPolicyOverrides } from './policy.ts';
import type { CategoryVerdict, ContentGroup, ContentWeights } from './policy-types.ts';

/** Bounds of what an operator may set (named so the API, the web form and the tests agree). */
export const CONTENT_POLICY_LIMITS = {
  /** Any class weight or share in `weights`. */
  weightMin: 0,
  weightMax: 10,
  /** A category's multiplier of its class weights: tuning may soften a category, never switch it off. */
  weightScaleMin: 0.25,
  weightScaleMax: 4,
  /** A hold or reject threshold (the defaults are 2 and 3.5). */
  thresholdMin: 0.5,
  thresholdMax: 20,
  /** Extra terms in one list (one category, language and class) and in the whole overrides. */
  maxTermsPerList: 200,
  maxTermsTotal: 2000,
  maxTermLength: 100,
  maxNoteLength: 1000,
} as const;

const L = CONTENT_POLICY_LIMITS;
export const CONTENT_CATEGORY_IDS: readonly string[] = CONTENT_POLICY_DATA.categories.map((c) => c.id);
const WEIGHT_KEYS = Object.keys(CONTENT_POLICY_DATA.weights) as (keyof ContentWeights)[];

const Weight = z.number().finite().min(L.weightMin).max(L.weightMax);
const Threshold = z.number().finite().min(L.thresholdMin).max(L.thresholdMax);
const Term = z
  .string()
  .trim()
  .min(1)
  .max(L.maxTermLength)
  .refine((t) => !/[\u0000-\u001f\u007f]/.test(t), 'a term is one line of text')
  // 'cazino*' matches every word it begins: a shorter stem would match half the language.
  .refine((t) => t.split(/[\s~]+/).every((w) => !w.endsWith('*') || w.length > 3), 'a word ending in * needs at least 3 letters');
const TermList = z.array(Term).max(L.maxTermsPerList);
const LexiconOverride = z
  .object({
    strong: TermList.optional(),
    topic: TermList.optional(),
    weak: TermList.optional(),
    benign: TermList.optional(),
    except: TermList.optional(),
  })
  .strict();
const CategoryOverride = z
  .object({
    holdAt: Threshold.optional(),
    rejectAt: Threshold.optional(),
    weightScale: z.number().finite().min(L.weightScaleMin).max(L.weightScaleMax).optional(),
    en: LexiconOverride.optional(),
    ro: LexiconOverride.optional(),
  })
  .strict();

/** What PUT /operator/content-policy accepts: known keys only, within the bounds above. */
export const ContentPolicyOverridesSchema = z
  .object({
    weights: z
      .object(
        Object.fromEntries(WEIGHT_KEYS.map((k) => [k, Weight.optional()])) as Record<
          keyof ContentWeights,
          z.ZodOptional<typeof Weight>
        >,
      )
      .strict()
      .optional(),
    holdAt: Threshold.optional(),
    rejectAt: Threshold.optional(),
    categories: z
      .record(z.string(), CategoryOverride)
      .superRefine((cats, ctx) => {
        for (const id of Object.keys(cats))
          if (!CONTENT_CATEGORY_IDS.includes(id))
            ctx.addIssue({ code: 'custom', path: [id], message: `unknown category "${id}"` });
      })
      .optional(),
  })
  .strict();

export interface StoredContentPolicyRevision {
  revision: string;
  seq: number;
  baseRevision: string;
  overrides: ContentPolicyOverrides;
  createdBy: string;
  createdAt: string;
  note: string;
}

/** The store port (src/db/repositories/content-policy.ts). Append and read only. */
export interface ContentPolicyStore {
  /** The newest revision (highest seq), or null when no operator has saved one. */
  latest(): Promise<StoredContentPolicyRevision | null>;
  /** Only the newest revision's id (the per-screen check: cheap, no JSON). */
  latestRevision(): Promise<string | null>;
  /** Appends one revision; refuses (throws) a seq or revision that exists. */
  append(row: StoredContentPolicyRevision): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<StoredContentPolicyRevision[]>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export interface CurrentContentPolicy {
  /** The revision verdicts record: the built-in policy's, or '<base>+op<n>' of the stored row in effect. */
  revision: string;
  /** The stored row in effect (null: the built-in policy, untuned). */
  stored: Omit<StoredContentPolicyRevision, 'overrides'> | null;
  overrides: ContentPolicyOverrides;
  policy: ContentPolicy;
}

/** The built-in categories as a settings screen shows them: id, names, verdict and default thresholds. */
export interface ContentPolicyCategoryInfo {
  id: string;
  group: ContentGroup;
  verdict: CategoryVerdict;
  names: { en: string; ro: string };
  holdAt: number;
  rejectAt: number;
  weightScale: number;
}

export interface ContentPolicyBase {
  revision: string;
  holdAt: number;
  rejectAt: number;
  weights: ContentWeights;
  categories: ContentPolicyCategoryInfo[];
}

export interface ContentPolicySettings {
  current(): Promise<CurrentContentPolicy>;
  /** The compiled policy in effect (the content review's provider). */
  policy(): Promise<ContentPolicy>;
  /** Validates, stores a new revision and audits it; the new revision is in effect at once. */
  update(operatorId: string, overrides: unknown, note: string): Promise<CurrentContentPolicy>;
  history(limit?: number): Promise<StoredContentPolicyRevision[]>;
  base(): ContentPolicyBase;
}

export function describeContentPolicyBase(): ContentPolicyBase {
  const d = CONTENT_POLICY_DATA;
  return {
    revision: loadContentPolicy().revision,
    holdAt: d.holdAt,
    rejectAt: d.rejectAt,
    weights: { ...d.weights },
    categories: d.categories.map((c) => ({
      id: c.id,
      group: c.group,
      verdict: c.verdict,
      names: { en: CONTENT_CATEGORY_NAMES.en[c.id] ?? c.id, ro: CONTENT_CATEGORY_NAMES.ro[c.id] ?? c.id },
      holdAt: c.holdAt ?? d.holdAt,
      rejectAt: c.rejectAt ?? d.rejectAt,
      weightScale: c.weightScale ?? 1,
    })),
  };
}

const countTerms = (o: ContentPolicyOverrides): number =>
  Object.values(o.categories ?? {}).reduce(
    (n, c) => n + [c.en, c.ro].reduce((m, lex) => m + Object.values(lex ?? {}).reduce((k, list) => k + list.length, 0), 0),
    0,
  );

/** Parses and checks overrides; anything wrong is CONTENT_POLICY_INVALID naming the first problem. */
export function parseContentPolicyOverrides(input: unknown): ContentPolicyOverrides {
  const parsed = ContentPolicyOverridesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : 'overrides';
    throw invalid('CONTENT_POLICY_INVALID', `${path}: ${issue?.message ?? 'invalid'}`, { path });
  }
  const o = parsed.data as ContentPolicyOverrides;
  const total = countTerms(o);
  if (total > L.maxTermsTotal)
    throw invalid('CONTENT_POLICY_INVALID', `at most ${L.maxTermsTotal} extra terms in all (${total} given)`, {
      path: 'categories',
    });
  const d = CONTENT_POLICY_DATA;
  const globalHold = o.holdAt ?? d.holdAt;
  const globalReject = o.rejectAt ?? d.rejectAt;
  if (globalHold > globalReject) throw invalid('CONTENT_POLICY_INVALID', 'holdAt must not be above rejectAt', { path: 'holdAt' });
  for (const c of d.categories) {
    const co = o.categories?.[c.id];
    // Only the pairs the operator touched: a built-in category may reject below the global hold (phishing simulations).
    if (co?.holdAt === undefined && co?.rejectAt === undefined) continue;
    const hold = co?.holdAt ?? c.holdAt ?? globalHold;
    const reject = co?.rejectAt ?? c.rejectAt ?? globalReject;
    if (hold > reject)
      throw invalid('CONTENT_POLICY_INVALID', `categories.${c.id}: holdAt ${hold} is above rejectAt ${reject}`, {
        path: `categories.${c.id}`,
      });
  }
  // The terms must compile (a prefix needs 3 letters, a '~' needs two sides …).
  try {
    loadContentPolicy(o);
  } catch (err) {
    throw invalid('CONTENT_POLICY_INVALID', err instanceof Error ? err.message : String(err), { path: 'categories' });
  }
  return o;
}

export function createContentPolicySettings(deps: {
  store: ContentPolicyStore;
  audit: AuditLog;
  clock: Clock;
}): ContentPolicySettings {
  const builtIn = (): CurrentContentPolicy => {
    const policy = loadContentPolicy();
    return { revision: policy.revision, stored: null, overrides: {}, policy };
  };
  /** The last compiled revision: compile once per revision, not per screen. */
  let cached: CurrentContentPolicy | undefined;

  function compile(row: StoredContentPolicyRevision): CurrentContentPolicy {
    const base = loadContentPolicy().revision;
    // Saved against this build's policy: the stored id. Saved before the built-in policy changed:
    // the same row (op<n>) on the base now in effect, so a verdict still names what screened it.
    const revision = row.baseRevision === base ? row.revision : `${base}+op${row.seq}`;
    const { overrides, ...stored } = row;
    return { revision, stored, overrides, policy: { ...loadContentPolicy(overrides), revision } };
  }

  async function current(): Promise<CurrentContentPolicy> {
    const id = await deps.store.latestRevision();
    if (id === null) return builtIn();
    if (cached?.stored?.revision === id) return cached;
    const row = await deps.store.latest();
    if (!row) return builtIn();
    cached = compile(row);
    return cached;
  }

  return {
    current,
    async policy() {
      return (await current()).policy;
    },
    async update(operatorId, input, note) {
      const reason = note.trim();
      if (reason === '')
        throw invalid('CONTENT_POLICY_INVALID', 'Give a note: it is recorded with the revision and in the audit log.', {
          path: 'note',
        });
      if (reason.length > L.maxNoteLength)
        throw invalid('CONTENT_POLICY_INVALID', `A note is at most ${L.maxNoteLength} characters.`, { path: 'note' });
      const overrides = parseContentPolicyOverrides(input);
      const base = loadContentPolicy().revision;
      let row: StoredContentPolicyRevision;
      let attempted = 0;
      try {
        row = await deps.store.transaction(async () => {
          const seq = ((await deps.store.latest())?.seq ?? 0) + 1;
          attempted = seq;
          const r: StoredContentPolicyRevision = {
            revision: `${base}+op${seq}`,
            seq,
            baseRevision: base,
            overrides,
            createdBy: operatorId,
            createdAt: deps.clock.now().toISOString(),
            note: reason,
          };
          await deps.store.append(r);
          await deps.audit.append({
            actor: { type: 'operator', id: operatorId },
            accountId: null,
            action: 'content-policy.updated',
            reason,
            rule: null,
            details: { revision: r.revision, seq, baseRevision: base },
          });
          return r;
        });
      } catch (err) {
        if (err instanceof AppError || attempted === 0) throw err;
        // Another operator saved the same seq at the same moment: theirs stands, this one is refused.
        const now = await deps.store.latest().catch(() => null);
        if (!now || now.seq < attempted) throw err;
        throw conflict('CONTENT_POLICY_CONFLICT', 'The content policy was changed at the same time; reload it and save again.');
      }
      cached = compile(row);
      return cached;
    },
    history: (limit = 20) => deps.store.list(Math.min(Math.max(1, limit), 100)),
    base: describeContentPolicyBase,
  };
}
