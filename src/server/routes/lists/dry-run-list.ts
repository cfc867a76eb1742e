// GET /api/v1/lists/:id/dry-run — what the send gate would decide for every contact on the list,
// counted by refusal reason, before anything is sent (DEL-01).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerDryRunList(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/lists/:id/dry-run',
    { schema: { tags: ['lists'], summary: 'Dry-run the send gate over a list', params: IdParams } },
    async (request) => {
      const auth = requireAccount(request, 'lists:read');
      return deps.services.gate.dryRun(auth.accountId, request.params.id);
    },
  );
}
