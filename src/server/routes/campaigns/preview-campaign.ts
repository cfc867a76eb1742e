// GET /api/v1/campaigns/:id/preview — Render the campaign as one contact would receive it.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams, TAGS } from './schemas.ts';

export function registerPreviewCampaign(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/campaigns/:id/preview',
    {
      schema: {
        tags: TAGS,
        summary: 'Render the campaign as one contact would receive it',
        params: IdParams,
        querystring: z.object({ contactId: z.string().min(1).max(100).optional() }),
        response: { 200: z.object({ subject: z.string(), html: z.string(), text: z.string() }) },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return deps.services.campaigns.preview(auth.accountId, request.params.id, request.query.contactId);
    },
  );
}
