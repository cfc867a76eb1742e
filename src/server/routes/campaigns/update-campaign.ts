// PATCH /api/v1/campaigns/:id — Edit a campaign (a content edit sends an approved one back to review, CNT-05).
import { CampaignUpdateSchema } from '../../../core/campaigns/schemas.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams, TAGS } from './schemas.ts';

export function registerUpdateCampaign(app: ZodApp, deps: AppDeps): void {
  app.patch(
    '/campaigns/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Edit a campaign (a content edit sends an approved one back to review, CNT-05)',
        params: IdParams,
        body: CampaignUpdateSchema,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.campaigns.update(auth.accountId, request.params.id, request.body);
    },
  );
}
