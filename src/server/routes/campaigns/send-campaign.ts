// POST /api/v1/campaigns/:id/send — Send now, or at a time (with its time zone).
import { SendOptionsSchema } from '../../../core/campaigns/schemas.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, IdParams, TAGS } from './schemas.ts';

export function registerSendCampaign(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/campaigns/:id/send',
    {
      config: { standing: { service: 'email' } },
      schema: {
        tags: TAGS,
        summary: 'Send now, or at a time (with its time zone)',
        params: IdParams,
        body: SendOptionsSchema.optional(),
        response: { 200: CampaignSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.campaigns.send(auth.accountId, request.params.id, request.body ?? {});
    },
  );
}
