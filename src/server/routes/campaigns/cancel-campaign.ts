// POST /api/v1/campaigns/:id/cancel — Cancel a campaign (what is not sent stays unsent).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams, TAGS } from './schemas.ts';

export function registerCancelCampaign(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/campaigns/:id/cancel',
    {
      schema: {
        tags: TAGS,
        summary: 'Cancel a campaign (what is not sent stays unsent)',
        params: IdParams,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.campaigns.cancel(auth.accountId, request.params.id);
    },
  );
}
