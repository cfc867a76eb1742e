// Shapes of the content policy settings API (CNT-01), shared by its endpoint files; the web app
// imports the answer type from here (type-only).
import { z } from 'zod';
import type { CurrentContentPolicy, ContentPolicyBase } from '../../../core/content/policy-settings.ts';
import { CONTENT_POLICY_LIMITS } from '../../../core/content/policy-settings.ts';

export const TAGS = ['operator'];
export const SECURITY = [{ session: [] }];

const Weights = z.record(z.string(), z.number());

export const ContentPolicyAnswerSchema = z.object({
  /** The revision verdicts record now. */
  revision: z.string(),
  stored: z
    .object({
      revision: z.string(),
      seq: z.number(),
      baseRevision: z.string(),
      createdBy: z.string(),
      createdAt: z.string(),
      note: z.string(),
    })
    .nullable(),
  /** The overrides in effect (ContentPolicyOverrides); {} when untuned. */
  overrides: z.record(z.string(), z.unknown()),
  base: z.object({
    revision: z.string(),
    holdAt: z.number(),
    rejectAt: z.number(),
    weights: Weights,
    categories: z.array(
      z.object({
        id: z.string(),
        group: z.string(),
        verdict: z.string(),
        names: z.object({ en: z.string(), ro: z.string() }),
        holdAt: z.number(),
        rejectAt: z.number(),
        weightScale: z.number(),
      }),
    ),
  }),
  limits: z.record(z.string(), z.number()),
});

/** GET and PUT /api/v1/operator/content-policy answer (the web settings page reads this type). */
export type ContentPolicyAnswer = z.infer<typeof ContentPolicyAnswerSchema>;

export function toContentPolicyAnswer(current: CurrentContentPolicy, base: ContentPolicyBase): ContentPolicyAnswer {
  return {
    revision: current.revision,
    stored: current.stored,
    overrides: current.overrides as Record<string, unknown>,
    base: { ...base, weights: { ...base.weights } },
    limits: { ...CONTENT_POLICY_LIMITS },
  };
}
