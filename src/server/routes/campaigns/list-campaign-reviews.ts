// GET /api/v1/operator/campaign-reviews — campaigns the content screen held, with its findings (CNT-02).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema } from './schemas.ts';

export function registerListCampaignReviews(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api/v1/operator/campaign-reviews',
    {
      schema: {
        tags: ['operator'],
        summary: 'Campaigns held by the content screen, waiting for a reviewer',
        response: {
          200: z.object({
            items: z.array(z.object({ campaign: CampaignSchema, findings: z.array(z.unknown()), policyRevision: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      return { items: await deps.services.campaigns.heldReviews() };
    },
  );
}
