// The durable job queue of the embedded mode (src/queue/sqlite-queue.ts). PostgreSQL uses
// pg-boss, which installs its own schema, so nothing is created there.
import { engineOf, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  if (engineOf(db) !== 'sqlite') return;
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['name', 'state', 'run_at']).execute();
  // At most one created/active job per (name, singletonKey): a second send is dropped.
  await db.schema
    .createIndex('jobs_singleton_uq')
    .unique()
    .on('jobs')
    .columns(['name', 'singleton_key'])
    .where(sql<boolean>`singleton_key is not null and state in ('created', 'active')`)
    .execute();
  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('last_tick', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  if (engineOf(db) !== 'sqlite') return;
  await db.schema.dropTable('job_schedules').execute();
  await db.schema.dropTable('jobs').execute();
}
