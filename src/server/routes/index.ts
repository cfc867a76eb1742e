// Every route area, registered in one place. Each area folder holds one endpoint per file
// (verb-noun.ts) and an index.ts that registers them.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { healthRoutes } from './health/index.ts';

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(healthRoutes(deps));
}
