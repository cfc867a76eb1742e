// POST /api/v1/campaigns/:id/resume — Resume a paused campaign.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams, TAGS } from './schemas.ts';

export function registerResumeCampaign(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/campaigns/:id/resume',
    {
      config: { standing: { service: 'email' } },
      schema: { tags: TAGS, summary: 'Resume a paused campaign', params: IdParams, response: { 200: CampaignSchema } },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.campaigns.resume(auth.accountId, request.params.id);
    },
  );
}
