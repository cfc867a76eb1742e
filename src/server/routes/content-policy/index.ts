// Content policy settings (CNT-01): the operator's tuning of the content screen. Full paths under /api/v1/operator/.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerGetContentPolicy } from './get-content-policy.ts';
import { registerUpdateContentPolicy } from './update-content-policy.ts';

export function contentPolicyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerGetContentPolicy(app, deps);
    registerUpdateContentPolicy(app, deps);
  };
}
