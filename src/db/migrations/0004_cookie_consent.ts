// The cookie consent log (CK-05). Append-only: the database refuses UPDATE and DELETE so a logged
// choice can always be produced as it was made.
import { engineOf, seqType, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('cookie_consents')
    .addColumn('seq', seqType(db), (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('consent_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cookie_consents_consent_idx').on('cookie_consents').columns(['consent_id', 'seq']).execute();

  if (engine === 'sqlite') {
    await sql`create trigger cookie_consents_no_update before update on cookie_consents begin select raise(abort, 'cookie_consents is append-only'); end`.execute(
      db,
    );
    await sql`create trigger cookie_consents_no_delete before delete on cookie_consents begin select raise(abort, 'cookie_consents is append-only'); end`.execute(
      db,
    );
  } else {
    await sql`create function cookie_consents_append_only() returns trigger language plpgsql as $$ begin raise exception 'cookie_consents is append-only'; end $$`.execute(
      db,
    );
    await sql`create trigger cookie_consents_no_change before update or delete on cookie_consents for each row execute function cookie_consents_append_only()`.execute(
      db,
    );
  }
}
