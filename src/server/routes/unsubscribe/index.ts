// Unsubscribe links (MSG-02, MSG-06, SEC-02).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getUnsubscribe } from './get-unsubscribe.ts';
import { postUnsubscribe } from './post-unsubscribe.ts';

export function unsubscribeRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    getUnsubscribe(app, deps);
    postUnsubscribe(app, deps);
  };
}
