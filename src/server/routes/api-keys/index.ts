// API key routes (SEC-01): owner only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerCreateApiKey } from './create-api-key.ts';
import { registerListApiKeys } from './list-api-keys.ts';
import { registerRevokeApiKey } from './revoke-api-key.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function apiKeyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerListApiKeys(app, deps);
    registerCreateApiKey(app, deps);
    registerRevokeApiKey(app, deps);
  };
}
