// The declared-industry policy (ACC-02), loaded from policy/industries.json (the default policy as
// data; an operator edits that file). Validated with zod on load: a malformed catalogue fails loudly.
import { z } from 'zod';
import catalogue from '../../../policy/industries.json' with { type: 'json' };

export const INDUSTRY_POLICIES = ['accepted', 'review', 'refused'] as const;
export type IndustryPolicy = (typeof INDUSTRY_POLICIES)[number];

const IndustrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    policy: z.enum(INDUSTRY_POLICIES),
    clause: z.string().min(1).optional(),
    label: z.object({ en: z.string().min(1), ro: z.string().min(1) }).strict(),
  })
  .strict()
  .refine((i) => i.policy === 'accepted' || i.clause !== undefined, {
    message: 'review and refused industries need the clause that is their reason',
  });

const CatalogueSchema = z.object({ $comment: z.string().optional(), industries: z.array(IndustrySchema).min(1) }).strict();

export type Industry = z.infer<typeof IndustrySchema>;

export function parseIndustryCatalogue(data: unknown): Industry[] {
  const parsed = CatalogueSchema.parse(data).industries;
  const ids = new Set(parsed.map((i) => i.id));
  if (ids.size !== parsed.length) throw new Error('policy/industries.json: duplicate industry id');
  return parsed;
}

/** The default catalogue shipped in policy/industries.json. */
export function defaultIndustries(): Industry[] {
  return parseIndustryCatalogue(catalogue);
}

export type IndustryDecision =
  | { policy: 'accepted'; industry: Industry }
  | { policy: 'review'; industry: Industry; clause: string }
  | { policy: 'refused'; industry: Industry; clause: string }
  | { policy: 'unknown' };

export function classifyIndustry(industries: readonly Industry[], id: string): IndustryDecision {
  const industry = industries.find((i) => i.id === id);
  if (!industry) return { policy: 'unknown' };
  if (industry.policy === 'accepted') return { policy: 'accepted', industry };
  return { policy: industry.policy, industry, clause: industry.clause ?? '' };
}
