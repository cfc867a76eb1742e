// GET /api/v1/segments — the account's saved filters.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export function registerListSegments(app: ZodApp, deps: AppDeps): void {
  app.get('/segments', { schema: { tags: ['segments'], summary: 'List segments' } }, async (request) => {
    const auth = requireAccount(request, 'contacts:read');
    return { items: await deps.services.segments.list(auth.accountId) };
  });
}
