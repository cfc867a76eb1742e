// POST /api/v1/operator/campaign-reviews/:id — approve or reject a held campaign (CNT-02; audited).
import { z } from 'zod';
import { MAX_NOTE_LENGTH } from '../../../core/campaigns/schemas.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams } from './schemas.ts';

export function registerDecideCampaignReview(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api/v1/operator/campaign-reviews/:id',
    {
      schema: {
        tags: ['operator'],
        summary: 'Approve or reject a campaign the content screen held',
        params: IdParams,
        body: z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().min(1).max(MAX_NOTE_LENGTH) }).strict(),
        response: { 200: CampaignSchema },
      },
    },
    async (request) => {
      const auth = requireOperator(request);
      return deps.services.campaigns.operatorDecide(auth.userId, request.params.id, request.body.decision, request.body.note);
    },
  );
}
