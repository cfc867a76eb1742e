// POST /api/v1/campaigns/:id/submit — Submit for content review (approved, rejected or held for an operator).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams, TAGS } from './schemas.ts';

export function registerSubmitCampaign(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/campaigns/:id/submit',
    {
      schema: {
        tags: TAGS,
        summary: 'Submit for content review (approved, rejected or held for an operator)',
        params: IdParams,
        response: { 200: CampaignSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.campaigns.submit(auth.accountId, request.params.id);
    },
  );
}
