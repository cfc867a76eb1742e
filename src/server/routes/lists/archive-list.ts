// POST /api/v1/lists/:id/archive — hides the list; its ledger and consent rows stay.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerArchiveList(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/lists/:id/archive',
    { schema: { tags: ['lists'], summary: 'Archive a list', params: IdParams } },
    async (request) => {
      const auth = requireAccount(request, 'lists:write');
      return deps.services.lists.archive(auth.accountId, request.params.id);
    },
  );
}
