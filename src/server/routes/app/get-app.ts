// GET /app — the web app's entry page.
import type { FastifyInstance } from 'fastify';
import type { SendIndex } from './web-dist.ts';

export function getApp(app: FastifyInstance, sendIndex: SendIndex): void {
  app.get('/app', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
}
