// GET /api/v1/account/reputation/history?days= — the caller's own complaint and hard-bounce rates
// per UTC day (the Reputation page's charts, drawn against the thresholds; REP-07).
import { z } from 'zod';
import { MAX_HISTORY_DAYS } from '../../../core/reputation/service.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../operator/shapes.ts';
import { HistoryQuery, HistorySchema } from './shapes.ts';

export function registerGetOwnReputationHistory(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/account/reputation/history',
    {
      schema: {
        tags: ['account'],
        security: [{ session: [] }, { apiKey: [] }],
        summary: `Your complaint and hard-bounce rates per UTC day (up to ${MAX_HISTORY_DAYS} days)`,
        querystring: HistoryQuery,
        response: { 200: z.object({ days: HistorySchema }) },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'account:read');
      return { days: await deps.services.reputation.history(auth.accountId, request.query.days) };
    },
  );
}
