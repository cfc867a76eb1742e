// GET /api/v1/account/suppressions?after=&limit= — the account's own suppression entries (address
// hash, reason, where it came from), in address-hash order; page with after=<last addressHash>.
import { z } from 'zod';
import { SUPPRESSION_PAGE_MAX } from '../../../core/suppression/service.ts';
import { SUPPRESSION_REASONS } from '../../../core/suppression/types.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';

export function registerListSuppressions(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/account/suppressions',
    {
      schema: {
        tags: ['account'],
        security: [{ session: [] }, { apiKey: [] }],
        summary: "The account's suppression list with each entry's reason and source",
        querystring: z
          .object({
            after: z
              .string()
              .regex(/^[0-9a-f]{64}$/)
              .optional(),
            limit: z.coerce.number().int().min(1).max(SUPPRESSION_PAGE_MAX).optional(),
          })
          .strict(),
        response: {
          200: z.array(
            z.object({
              addressHash: z.string(),
              reason: z.enum(SUPPRESSION_REASONS),
              /** 'complaint:<id>', 'bounce:<inbound id>', 'unsubscribe', …; null when not recorded. */
              source: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'account:read');
      const { after, limit } = request.query;
      const rows = await deps.services.suppression.list(auth.accountId, {
        ...(after ? { after } : {}),
        ...(limit ? { limit } : {}),
      });
      return rows.map((e) => ({
        addressHash: e.addressHash,
        reason: e.reason,
        source: e.source ?? null,
        createdAt: e.createdAt,
      }));
    },
  );
}
