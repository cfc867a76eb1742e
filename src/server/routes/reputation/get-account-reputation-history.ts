// GET /api/v1/operator/accounts/:id/reputation/history?days= — an account's complaint and
// hard-bounce rates per UTC day, for the operator's charts (REP-07).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { AccountIdParams, SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { HistoryQuery, HistorySchema } from './shapes.ts';

export function registerGetAccountReputationHistory(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/operator/accounts/:id/reputation/history',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: "An account's complaint and hard-bounce rates per UTC day",
        params: AccountIdParams,
        querystring: HistoryQuery,
        response: { 200: z.object({ days: HistorySchema }) },
      },
    },
    async (request) => {
      requireOperator(request);
      const account = await deps.services.standing.getAccount(request.params.id);
      return { days: await deps.services.reputation.history(account.id, request.query.days) };
    },
  );
}
