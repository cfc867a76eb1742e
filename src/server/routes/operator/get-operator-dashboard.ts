// GET /api/v1/operator/dashboard — the operator's first screen (issue 13 §9): accounts by standing,
// signups, imports and campaigns waiting for review, the outbox backlog and the open incidents.
import { z } from 'zod';
import type { OperatorDashboard } from '../../../core/operator/console.ts';
import { STANDINGS } from '../../../core/standing/machine.ts';
import { createOperatorConsoleStore } from '../../../db/repositories/operator-console.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from './shapes.ts';

const Count = z.number().int().min(0);

export const OperatorDashboardSchema = z.object({
  accountsByStanding: z.object(
    Object.fromEntries(STANDINGS.map((s) => [s, Count])) as Record<(typeof STANDINGS)[number], typeof Count>,
  ),
  signupsPending: Count,
  importsHeld: Count,
  campaignsHeld: Count,
  outboxBacklog: Count,
  outboxOldest: z.string().nullable(),
  openIncidents: Count,
  recentIncidents: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      subject: z.string(),
      summary: z.string(),
      accountId: z.string().nullable(),
      accountName: z.string().nullable(),
      lastSeenAt: z.string(),
    }),
  ),
}) satisfies z.ZodType<OperatorDashboard>;

/** The dashboard as the API answers it (the web app reads this type). */
export type OperatorDashboardAnswer = z.infer<typeof OperatorDashboardSchema>;

export function registerGetOperatorDashboard(app: ZodApp, deps: AppDeps) {
  const store = createOperatorConsoleStore(deps.database);
  app.get(
    '/api/v1/operator/dashboard',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'What waits for the operators: accounts by standing, review queues, outbox backlog, open incidents',
        response: { 200: OperatorDashboardSchema },
      },
    },
    async (request) => {
      requireOperator(request);
      return store.dashboard();
    },
  );
}
