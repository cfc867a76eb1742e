// GET /api/v1/account/standing — the caller's own account standing, the reason and since when (ACC-04).
import { z } from 'zod';
import { RESTRICTABLE_SERVICES } from '../../../core/standing/ports.ts';
import { STANDINGS } from '../../../core/standing/machine.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';

export function registerGetStanding(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/account/standing',
    {
      schema: {
        tags: ['account'],
        security: [{ session: [] }, { apiKey: [] }],
        summary: 'The current account standing and the services that are off',
        response: {
          200: z.object({
            standing: z.enum(STANDINGS),
            restrictedServices: z.array(z.enum(RESTRICTABLE_SERVICES)),
            reason: z.string().nullable(),
            since: z.string(),
            refundEligible: z.boolean(),
          }),
        },
      },
    },
    async (request) => {
      // Not id-based: the account is the caller's own, never one named in the request.
      // An API key needs `account:read`, as for GET /api/v1/account (issue 7 §9).
      const auth = requireAccount(request, 'account:read');
      return deps.services.standing.getStanding(auth.accountId);
    },
  );
}
