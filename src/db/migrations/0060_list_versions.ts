// List versions (issue 13 §2): the consent wording of a list — purpose text, frequency, sender
// name — is versioned. Each version is one row, never changed or removed (triggers on both
// engines, as for consent_events); `lists.version` names the current one. New consent events
// carry the version they were given under (evidence.listVersion, hashed with the event), so an
// edit of the list never changes what a stored event proves.
// Also an index for the per-list growth series (consent events of one list by time).
import { engineOf, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('list_versions')
    .addColumn('list_id', 'text', (c) => c.notNull().references('lists.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('purpose_text', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('list_versions_pk', ['list_id', 'version'])
    .execute();
  await db.schema
    .alterTable('lists')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Every existing list's wording becomes its version 1.
  await sql`insert into list_versions (list_id, version, account_id, purpose_text, frequency, sender_name, created_at)
    select id, 1, account_id, purpose_text, frequency, sender_name, created_at from lists`.execute(db);
  await db.schema
    .createIndex('consent_events_list_time_idx')
    .on('consent_events')
    .columns(['account_id', 'list_id', 'occurred_at'])
    .execute();

  if (engine === 'sqlite') {
    await sql`create trigger list_versions_no_update before update on list_versions begin select raise(abort, 'list_versions is append-only'); end`.execute(
      db,
    );
    await sql`create trigger list_versions_no_delete before delete on list_versions begin select raise(abort, 'list_versions is append-only'); end`.execute(
      db,
    );
  } else {
    await sql`create function list_versions_append_only() returns trigger language plpgsql as $$ begin raise exception 'list_versions is append-only'; end $$`.execute(
      db,
    );
    await sql`create trigger list_versions_no_change before update or delete on list_versions for each row execute function list_versions_append_only()`.execute(
      db,
    );
  }
}
