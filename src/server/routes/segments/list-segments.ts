// GET /api/v1/segments and GET /api/v1/segments/:id.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from '../contacts/schemas.ts';

export function registerListSegments(app: ZodApp, deps: AppDeps): void {
  app.get('/segments', { schema: { tags: ['segments'], summary: 'List segments' } }, async (request) => {
    const auth = requireAccount(request, 'contacts:read');
    return { items: await deps.services.segments.list(auth.accountId) };
  });
  app.get('/segments/:id', { schema: { tags: ['segments'], summary: 'Get a segment', params: IdParams } }, async (request) => {
    const auth = requireAccount(request, 'contacts:read');
    return deps.services.segments.get(auth.accountId, request.params.id);
  });
}
