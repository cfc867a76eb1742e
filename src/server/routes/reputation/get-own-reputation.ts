// GET /api/v1/account/reputation — the caller's own account: its rates against the thresholds,
// what they cross in plain words, and the campaign hold if any (REP-07).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';
import { ReputationSchema, toReputation } from './shapes.ts';

export function registerGetOwnReputation(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/account/reputation',
    {
      schema: {
        tags: ['account'],
        security: [{ session: [] }, { apiKey: [] }],
        summary: 'Your complaint and hard-bounce rates against the thresholds, the crossings and the campaign hold',
        response: { 200: ReputationSchema },
      },
    },
    async (request) => {
      // Not id-based: the account is the caller's own, never one named in the request.
      const auth = requireAccount(request, 'account:read');
      return toReputation(auth.accountId, await deps.services.reputation.view(auth.accountId));
    },
  );
}
