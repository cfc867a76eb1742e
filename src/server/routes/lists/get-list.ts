// GET /api/v1/lists/:id — another account's id answers 404.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerGetList(app: ZodApp, deps: AppDeps): void {
  app.get('/lists/:id', { schema: { tags: ['lists'], summary: 'Get a list', params: IdParams } }, async (request) => {
    const auth = requireAccount(request, 'lists:read');
    return deps.services.lists.get(auth.accountId, request.params.id);
  });
}
