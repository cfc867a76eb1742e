// GET /api/v1/sending-domains — the account's sending domains with their records.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { SendingDomainSchema, TAGS } from './schemas.ts';

export function registerListSendingDomains(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/sending-domains',
    {
      schema: {
        tags: TAGS,
        summary: 'List sending domains',
        response: { 200: z.object({ items: z.array(SendingDomainSchema) }) },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return { items: await deps.services.sendingDomains.list(auth.accountId) };
    },
  );
}
