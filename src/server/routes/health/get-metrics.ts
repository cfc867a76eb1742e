// GET /metrics — Prometheus metrics of this process.
import type { FastifyInstance } from 'fastify';
import { Registry, collectDefaultMetrics } from 'prom-client';

export function getMetrics(app: FastifyInstance): void {
  // One registry per app instance so tests can build many apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    void reply.type(registry.contentType);
    return registry.metrics();
  });
}
