// GET /api/v1/segments/:id — one saved filter.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from '../contacts/schemas.ts';

export function registerGetSegment(app: ZodApp, deps: AppDeps): void {
  app.get('/segments/:id', { schema: { tags: ['segments'], summary: 'Get a segment', params: IdParams } }, async (request) => {
    const auth = requireAccount(request, 'contacts:read');
    return deps.services.segments.get(auth.accountId, request.params.id);
  });
}
