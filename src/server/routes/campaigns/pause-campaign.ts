// POST /api/v1/campaigns/:id/pause — Pause a sending campaign.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams, TAGS } from './schemas.ts';

export function registerPauseCampaign(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/campaigns/:id/pause',
    { schema: { tags: TAGS, summary: 'Pause a sending campaign', params: IdParams, response: { 200: CampaignSchema } } },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.campaigns.pause(auth.accountId, request.params.id);
    },
  );
}
