// GET /api/v1/lists/:id/stats?days=30|90 — contacts per status and daily gained / lost.
import { z } from 'zod';
import { GROWTH_PERIODS } from '../../../core/lists/service.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

const StatsQuery = z.object({ days: z.enum(GROWTH_PERIODS.map(String) as ['30', '90']).optional() }).strict();

export function registerGetListStats(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/lists/:id/stats',
    { schema: { tags: ['lists'], summary: "A list's counts per status and growth", params: IdParams, querystring: StatsQuery } },
    async (request) => {
      const auth = requireAccount(request, 'lists:read');
      const days = request.query.days === '90' ? 90 : 30;
      return deps.services.lists.stats(auth.accountId, request.params.id, days);
    },
  );
}
