// POST /api/v1/campaigns — Create a campaign (draft): an email campaign, or an SMS one to an SMS list.
import { CampaignCreateSchema } from '../../../core/campaigns/schemas.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, TAGS } from './schemas.ts';

export function registerCreateCampaign(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/campaigns',
    {
      schema: { tags: TAGS, summary: 'Create a campaign (draft)', body: CampaignCreateSchema, response: { 201: CampaignSchema } },
    },
    async (request, reply) => {
      const auth = requireAccount(request, 'campaigns:write');
      return reply.status(201).send(await deps.services.campaigns.create(auth.accountId, request.body));
    },
  );
}
