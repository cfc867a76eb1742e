// POST /api/v1/api-keys {name, scopes} — owner only; the key is in this answer and nowhere else.
import { z } from 'zod';
import { API_KEY_MAX_SCOPES, API_KEY_NAME_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export function registerCreateApiKey(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key (owner); scopes look like "contacts:write", "*" for all',
        body: z
          .object({
            name: z.string().trim().min(1).max(API_KEY_NAME_MAX_LENGTH),
            scopes: z.array(z.string().max(64)).max(API_KEY_MAX_SCOPES),
          })
          .strict(),
        response: {
          201: z.object({ id: z.string(), name: z.string(), prefix: z.string(), scopes: z.array(z.string()), key: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const auth = requireOwner(request);
      const created = await deps.services.accounts.createApiKey(auth.accountId, auth.userId ?? '', request.body);
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send(created);
    },
  );
}
