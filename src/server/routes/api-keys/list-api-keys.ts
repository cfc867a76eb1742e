// GET /api/v1/api-keys — owner only; keys are listed by prefix, never in full (SEC-01).
import { z } from 'zod';
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function registerListApiKeys(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/api-keys',
    { schema: { tags: ['api-keys'], summary: 'API keys of the account (owner)', response: { 200: z.array(ApiKeySchema) } } },
    async (request) => {
      const auth = requireOwner(request);
      return deps.services.accounts.listApiKeys(auth.accountId);
    },
  );
}
