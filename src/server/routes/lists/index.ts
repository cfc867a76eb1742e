// List routes (CON-01, DEL-01 dry run; versions, unarchive and stats: issue 13 §2).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerArchiveList } from './archive-list.ts';
import { registerCreateList } from './create-list.ts';
import { registerDryRunList } from './dry-run-list.ts';
import { registerGetList } from './get-list.ts';
import { registerGetListStats } from './get-list-stats.ts';
import { registerListLists } from './list-lists.ts';
import { registerListVersions } from './list-versions.ts';
import { registerUnarchiveList } from './unarchive-list.ts';
import { registerUpdateList } from './update-list.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function listRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerCreateList(app, deps);
    registerListLists(app, deps);
    registerGetList(app, deps);
    registerUpdateList(app, deps);
    registerArchiveList(app, deps);
    registerDryRunList(app, deps);
    registerUnarchiveList(app, deps);
    registerListVersions(app, deps);
    registerGetListStats(app, deps);
  };
}
