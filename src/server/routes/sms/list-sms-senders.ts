// GET /api/v1/sms/senders — the account's SMS senders (numbers, short codes, sender IDs).
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { SmsSenderSchema, TAGS } from './schemas.ts';

export function registerListSmsSenders(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/sms/senders',
    {
      schema: { tags: TAGS, summary: 'List SMS senders', response: { 200: z.object({ items: z.array(SmsSenderSchema) }) } },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return { items: await deps.services.smsSenders.list(auth.accountId) };
    },
  );
}
