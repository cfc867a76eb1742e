// GET /api/v1/campaigns/:id — Get a campaign.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams, TAGS } from './schemas.ts';

export function registerGetCampaign(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/campaigns/:id',
    { schema: { tags: TAGS, summary: 'Get a campaign', params: IdParams, response: { 200: CampaignSchema } } },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return deps.services.campaigns.get(auth.accountId, request.params.id);
    },
  );
}
