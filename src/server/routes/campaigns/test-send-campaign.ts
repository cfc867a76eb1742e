// POST /api/v1/campaigns/:id/test-send — Send one test message to a verified address of the account's own team.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams, TAGS } from './schemas.ts';

export function registerTestSendCampaign(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/campaigns/:id/test-send',
    {
      config: { standing: { service: 'email' } },
      schema: {
        tags: TAGS,
        summary: "Send one test message to a verified address of the account's own team",
        params: IdParams,
        body: z.object({ to: z.string().trim().email().max(254) }).strict(),
        response: { 200: z.object({ to: z.string() }) },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.campaigns.testSend(auth.accountId, request.params.id, request.body.to);
    },
  );
}
