// The Queue port's adapters: pg-boss on PostgreSQL, a durable jobs table on SQLite.
import type { Queue } from '../core/ports.ts';
import type { Database } from '../db/database.ts';
import type { QueueDeps } from './options.ts';
import { createPgBossQueue } from './pgboss-queue.ts';
import { createSqliteQueue } from './sqlite-queue.ts';

export type { QueueDeps, QueueTuning } from './options.ts';

export function createQueue(database: Database, deps: QueueDeps): Queue {
  return database.engine === 'postgres' ? createPgBossQueue(database, deps) : createSqliteQueue(database, deps);
}
