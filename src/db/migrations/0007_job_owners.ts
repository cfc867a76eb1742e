// Who holds a job's lease (src/queue): the worker's identity (WORKER_ID, stable across restarts)
// and the process instance. A restarted worker with the same identity knows the jobs still held by
// an earlier instance of itself are dead and reclaims them at once, instead of waiting for the
// lease to lapse. SQLite keeps the owner on the jobs row; on PostgreSQL pg-boss owns its job
// table, so the owners live beside it in job_owners (one row while a job runs).
import { engineOf, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await db.schema.alterTable('jobs').addColumn('locked_by', 'text').execute();
    await db.schema.alterTable('jobs').addColumn('lock_instance', 'text').execute();
    await db.schema.createIndex('jobs_locked_by_idx').on('jobs').columns(['locked_by', 'state']).execute();
    return;
  }
  await db.schema
    .createTable('job_owners')
    .addColumn('job_id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_owners_worker_idx').on('job_owners').columns(['worker_id', 'queue']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await db.schema.dropIndex('jobs_locked_by_idx').execute();
    await db.schema.alterTable('jobs').dropColumn('lock_instance').execute();
    await db.schema.alterTable('jobs').dropColumn('locked_by').execute();
    return;
  }
  await db.schema.dropTable('job_owners').execute();
}
