// GET /api/v1/sending/quota — Today's sending quota (ACC-08): the warm-up's daily limit, what it used, and who waits for a later day.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { TAGS } from './schemas.ts';

export const SendQuotaSchema = z.object({
  day: z.string(),
  /** null: the account is past warm-up and has no daily quota. */
  quota: z.number().nullable(),
  used: z.number(),
  waiting: z.number(),
});
export type SendQuotaView = z.infer<typeof SendQuotaSchema>;

export function registerGetSendQuota(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/sending/quota',
    {
      schema: {
        tags: TAGS,
        summary: "Today's sending quota (warm-up), what it used and how many recipients wait for a later day",
        response: { 200: SendQuotaSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return deps.services.delivery.quota(auth.accountId);
    },
  );
}
