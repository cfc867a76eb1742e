// GET /api/v1/auth/industries — the declared-industry catalogue for the signup form (ACC-02).
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';

export function registerListIndustries(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/auth/industries',
    {
      schema: {
        tags: ['auth'],
        summary: 'Industries a customer can declare, with the policy for each',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              label: z.object({ en: z.string(), ro: z.string() }),
              policy: z.enum(['accepted', 'review', 'refused']),
              clause: z.string().optional(),
            }),
          ),
        },
      },
    },
    async () =>
      deps.services.accounts
        .industries()
        .map((i) => ({ id: i.id, label: i.label, policy: i.policy, ...(i.clause ? { clause: i.clause } : {}) })),
  );
}
