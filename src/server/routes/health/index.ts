import type { FastifyPluginAsync } from 'fastify';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { ping } from '../../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { errorBody } from '../../errors.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // One registry per app instance so tests can build many apps in one process.
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });

    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

    app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
      if (await ping(deps.database.db)) return { status: 'ready', database: deps.database.engine };
      return reply.status(503).send(errorBody('DATABASE_UNAVAILABLE', 'The database does not answer.'));
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      void reply.type(registry.contentType);
      return registry.metrics();
    });
  };
}
