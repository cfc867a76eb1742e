// The customer's view of its own standing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerGetStanding } from './get-standing.ts';

export function standingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerGetStanding(app, deps);
  };
}
