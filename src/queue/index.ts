// The Queue port's adapters: pg-boss on PostgreSQL, a durable jobs table on SQLite.
import type { Clock, Logger, Queue } from '../core/ports.ts';
import type { Database } from '../db/database.ts';
import { createPgBossQueue } from './pgboss-queue.ts';
import { createSqliteQueue } from './sqlite-queue.ts';

export interface QueueDeps {
  logger: Logger;
  clock: Clock;
}

export function createQueue(database: Database, deps: QueueDeps): Queue {
  return database.engine === 'postgres' ? createPgBossQueue(database, deps) : createSqliteQueue(database, deps);
}
