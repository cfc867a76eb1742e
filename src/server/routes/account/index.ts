// Account settings routes (GET/PATCH /api/v1/account) and the dashboard's figures. Standing lives
// in routes/standing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerGetAccount } from './get-account.ts';
import { registerGetDashboard } from './get-dashboard.ts';
import { registerUpdateAccount } from './update-account.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function accountRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerGetAccount(app, deps);
    registerGetDashboard(app, deps);
    registerUpdateAccount(app, deps);
  };
}
