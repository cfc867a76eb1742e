// Account standing (ACC-04..06): the append-only audit log and the billing records.
import { engineOf, seqType, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('audit_log')
    // seq orders the log; on SQLite it must be the integer primary key to auto-increment.
    .addColumn('seq', seqType(db), (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rule', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_account_idx').on('audit_log').columns(['account_id', 'seq']).execute();

  // ACC-04 "append-only audit log": the database itself refuses UPDATE and DELETE, so no code
  // path (ours or a later one) can rewrite history.
  if (engine === 'sqlite') {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$`.execute(
      db,
    );
    await sql`create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(
      db,
    );
  }

  await db.schema
    .createTable('billing_records')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo('free'))
    .addColumn('paid_total_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refund_eligible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('refund_note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
