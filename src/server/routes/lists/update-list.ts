// PATCH /api/v1/lists/:id — name, purpose, frequency, sender, double opt-in (never the channel).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams, ListPatchBody } from './schemas.ts';

export function registerUpdateList(app: ZodApp, deps: AppDeps): void {
  app.patch(
    '/lists/:id',
    { schema: { tags: ['lists'], summary: 'Update a list', params: IdParams, body: ListPatchBody } },
    async (request) => {
      const auth = requireAccount(request, 'lists:write');
      return deps.services.lists.update(auth.accountId, request.params.id, request.body);
    },
  );
}
