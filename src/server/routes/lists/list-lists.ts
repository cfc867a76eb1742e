// GET /api/v1/lists — the account's lists.
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export function registerListLists(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/lists',
    {
      schema: {
        tags: ['lists'],
        summary: 'List lists',
        querystring: z.object({ archived: z.enum(['true', 'false']).optional() }).strict(),
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'lists:read');
      return { items: await deps.services.lists.list(auth.accountId, { includeArchived: request.query.archived === 'true' }) };
    },
  );
}
