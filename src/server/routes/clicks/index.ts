// Tracked links in campaign messages (SEC-04).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getClick } from './get-click.ts';

export function clickRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    getClick(app, deps);
  };
}
