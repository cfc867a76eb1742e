// GET /readyz — readiness: the database answers (503 DATABASE_UNAVAILABLE when it does not).
import type { FastifyInstance } from 'fastify';
import { ping } from '../../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { errorBody } from '../../errors.ts';

export function getReadyz(app: FastifyInstance, deps: AppDeps): void {
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (await ping(deps.database.db)) return { status: 'ready', database: deps.database.engine };
    return reply.status(503).send(errorBody('DATABASE_UNAVAILABLE', 'The database does not answer.'));
  });
}
