// Double opt-in confirmation pages (CON-06).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getConfirm } from './get-confirm.ts';
import { postConfirm } from './post-confirm.ts';

export function confirmRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    getConfirm(app, deps);
    postConfirm(app, deps);
  };
}
