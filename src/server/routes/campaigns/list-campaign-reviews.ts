// GET /api/v1/operator/campaign-reviews — campaigns the content screen held, with its findings, the
// message as screened (the spans index into it), the account's declared industry and history (CNT-02).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CAMPAIGN_STATUSES } from '../../../core/campaigns/types.ts';
import type { CampaignReviewItem } from './review-item.ts';
import { CampaignSchema } from './schemas.ts';
import { AccountNameField, accountNameLookup, nameOf } from '../operator/account-names.ts';

export function registerListCampaignReviews(app: ZodApp, deps: AppDeps): void {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/campaign-reviews',
    {
      schema: {
        tags: ['operator'],
        summary: 'Campaigns held by the content screen, waiting for a reviewer',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                campaign: CampaignSchema,
                accountName: AccountNameField,
                findings: z.array(z.unknown()),
                policyRevision: z.string(),
                html: z.string(),
                text: z.string(),
                industry: z.string().nullable(),
                history: z.array(
                  z.object({
                    id: z.string(),
                    name: z.string(),
                    status: z.enum(CAMPAIGN_STATUSES),
                    decision: z.enum(['allow', 'hold', 'reject']).nullable(),
                    decidedBy: z.string().nullable(),
                    updatedAt: z.string(),
                  }),
                ),
                recentRejects: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      requireOperator(request);
      const items = await deps.services.campaigns.heldReviews();
      const known = await names(items.map((i) => i.campaign.accountId));
      return { items: items.map((i): CampaignReviewItem => ({ ...i, accountName: nameOf(known, i.campaign.accountId) })) };
    },
  );
}
