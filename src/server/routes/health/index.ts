// Health and metrics routes (no session, hidden from the API description).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getHealthz } from './get-healthz.ts';
import { getMetrics } from './get-metrics.ts';
import { getReadyz } from './get-readyz.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    getHealthz(app);
    getReadyz(app, deps);
    getMetrics(app, deps);
  };
}
