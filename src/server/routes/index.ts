// Every route area, registered in one place. Each area folder holds one endpoint per file
// (verb-noun.ts) and an index.ts that registers them.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { healthRoutes } from './health/index.ts';
import { operatorRoutes } from './operator/index.ts';
import { standingRoutes } from './standing/index.ts';
import { appRoutes } from './app/index.ts';
import { authRoutes } from './auth/index.ts';

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(operatorRoutes(deps));
  await app.register(standingRoutes(deps));
  await app.register(appRoutes(deps));
  await app.register(authRoutes(deps), { prefix: '/api/v1' });
}
