// POST /api/v1/lists/:id/unarchive — the list is back in use (Mailchimp lets an archived audience
// be unarchived too); the send gate stops refusing it with list-archived.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerUnarchiveList(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/lists/:id/unarchive',
    { schema: { tags: ['lists'], summary: 'Unarchive a list', params: IdParams } },
    async (request) => {
      const auth = requireAccount(request, 'lists:write');
      return deps.services.lists.unarchive(auth.accountId, request.params.id);
    },
  );
}
