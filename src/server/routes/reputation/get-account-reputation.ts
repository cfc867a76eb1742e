// GET /api/v1/operator/accounts/:id/reputation — an account's measures (day and 7 days, per
// account, campaign and sending domain), the thresholds, what they cross and the hold (REP-07).
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { AccountIdParams, SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { ReputationSchema, toReputation } from './shapes.ts';

export function registerGetAccountReputation(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/operator/accounts/:id/reputation',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: "An account's complaint and hard-bounce rates, the thresholds, the crossings and the campaign hold",
        params: AccountIdParams,
        response: { 200: ReputationSchema },
      },
    },
    async (request) => {
      requireOperator(request);
      // 404 ACCOUNT_NOT_FOUND for an unknown id rather than an empty view.
      const account = await deps.services.standing.getAccount(request.params.id);
      return toReputation(account.id, await deps.services.reputation.view(account.id));
    },
  );
}
