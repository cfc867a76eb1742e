// GET /api/v1/lists/:id/versions — the list's consent wording versions, newest first.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerListVersions(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/lists/:id/versions',
    { schema: { tags: ['lists'], summary: "A list's wording versions", params: IdParams } },
    async (request) => {
      const auth = requireAccount(request, 'lists:read');
      return { items: await deps.services.lists.versions(auth.accountId, request.params.id) };
    },
  );
}
