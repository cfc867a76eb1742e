// GET /api/v1/account/dashboard — what the dashboard needs that no other endpoint answers:
// subscriptions gained and lost per UTC day over the last GROWTH_DAYS days, from the consent
// ledger (issue 13 §9). Contacts by status, imports, standing and quota have their own endpoints.
import { z } from 'zod';
import type { DashboardView } from '../../../core/consent/growth.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export const DashboardSchema = z.object({
  growth: z.object({
    /** Oldest first, 'YYYY-MM-DD' (UTC); today is the last. */
    days: z.array(z.string()),
    gained: z.array(z.number()),
    lost: z.array(z.number()),
    totalGained: z.number(),
    totalLost: z.number(),
  }),
});

export function registerGetDashboard(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/account/dashboard',
    {
      schema: {
        tags: ['account'],
        summary: 'Subscriptions gained and lost per day over the last 30 days',
        response: { 200: DashboardSchema },
      },
    },
    async (request): Promise<DashboardView> => {
      const auth = requireAccount(request, 'contacts:read');
      return { growth: await deps.services.growth.growth(auth.accountId) };
    },
  );
}
