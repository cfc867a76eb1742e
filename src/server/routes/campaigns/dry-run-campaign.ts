// GET /api/v1/campaigns/:id/dry-run — The gate over the audience: counts by reason, nothing recorded.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { DryRunSchema, IdParams, TAGS } from './schemas.ts';

export function registerDryRunCampaign(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/campaigns/:id/dry-run',
    {
      schema: {
        tags: TAGS,
        summary: 'The gate over the audience: counts by reason, nothing recorded',
        params: IdParams,
        response: { 200: DryRunSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return deps.services.campaigns.dryRun(auth.accountId, request.params.id);
    },
  );
}
