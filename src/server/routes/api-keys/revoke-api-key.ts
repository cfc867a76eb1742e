// DELETE /api/v1/api-keys/:id — owner only; revokes (the key then answers API_KEY_REVOKED).
import { z } from 'zod';
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export function registerRevokeApiKey(app: ZodApp, deps: AppDeps): void {
  app.delete(
    '/api-keys/:id',
    {
      // Open whatever the standing: revoking a leaked key only takes access away (standing-guard.ts).
      config: { standing: 'open' },
      schema: { tags: ['api-keys'], summary: 'Revoke an API key (owner)', params: z.object({ id: z.string().max(100) }) },
    },
    async (request, reply) => {
      const auth = requireOwner(request);
      await deps.services.accounts.revokeApiKey(auth.accountId, request.params.id);
      return reply.status(204).send();
    },
  );
}
