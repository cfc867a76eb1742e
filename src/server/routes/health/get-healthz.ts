// GET /healthz — liveness: the process answers.
import type { FastifyInstance } from 'fastify';

export function getHealthz(app: FastifyInstance): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
}
