// GET /api/v1/campaigns/:id/review — why a campaign was approved, held or rejected, as its owner
// reads it (CNT-02): the decision, each finding's category and matched text, the reviewer's note.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams, TAGS } from './schemas.ts';

export const CampaignReviewViewSchema = z.object({
  decision: z.enum(['allow', 'hold', 'reject']).nullable(),
  decidedBy: z.enum(['screen', 'reviewer']).nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  findings: z.array(z.object({ category: z.string(), rule: z.string(), score: z.number(), excerpts: z.array(z.string()) })),
});

export function registerGetCampaignReview(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/campaigns/:id/review',
    {
      schema: {
        tags: TAGS,
        summary: "The content review's decision with its findings and the reviewer's note",
        params: IdParams,
        response: { 200: CampaignReviewViewSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return deps.services.campaigns.reviewView(auth.accountId, request.params.id);
    },
  );
}
