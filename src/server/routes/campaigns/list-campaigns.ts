// GET /api/v1/campaigns — List campaigns.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CampaignSchema, TAGS } from './schemas.ts';

export function registerListCampaigns(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/campaigns',
    { schema: { tags: TAGS, summary: 'List campaigns', response: { 200: z.object({ items: z.array(CampaignSchema) }) } } },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return { items: await deps.services.campaigns.list(auth.accountId) };
    },
  );
}
