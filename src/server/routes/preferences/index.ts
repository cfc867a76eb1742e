// The preference centre (MSG-04).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { getPreferences } from './get-preferences.ts';
import { postPreferences } from './post-preferences.ts';

export function preferencesRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    getPreferences(app, deps);
    postPreferences(app, deps);
  };
}
