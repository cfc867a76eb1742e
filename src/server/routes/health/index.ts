// Health and metrics routes (no session, hidden from the API description).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getHealthz } from './get-healthz.ts';
import { getMetrics } from './get-metrics.ts';
import { getReadyz } from './get-readyz.ts';
import { metricsAccess } from './metrics-access.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // /metrics: this machine, or a scraper holding METRICS_TOKEN (metrics-access.ts).
    const metricsGuard = metricsAccess(deps.config.metricsToken);
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.url === '/metrics') await metricsGuard(request);
    });
    getHealthz(app);
    getReadyz(app, deps);
    getMetrics(app, deps);
  };
}
