// GET /api/v1/campaigns/:id/report — The campaign report: audience, refusals by reason, accepted, deferred, bounced, unsubscribed, clicks, timeline.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams, ReportSchema, TAGS } from './schemas.ts';

export function registerGetCampaignReport(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/campaigns/:id/report',
    {
      schema: {
        tags: TAGS,
        summary: 'The campaign report: audience, refusals by reason, accepted, deferred, bounced, unsubscribed, clicks, timeline',
        params: IdParams,
        response: { 200: ReportSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return deps.services.campaigns.report(auth.accountId, request.params.id);
    },
  );
}
