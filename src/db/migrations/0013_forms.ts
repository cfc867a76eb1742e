// Sign-up forms (CON-02…CON-05, SMS-01), their immutable versions, and double opt-in
// confirmations (CON-06).
import { engineOf, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forms_account_idx').on('forms').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('form_versions')
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('rendered', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('form_versions_pk', ['form_id', 'version'])
    .execute();

  // Consent events point at (form_id, version) and its exact text (CON-07): a saved version must
  // never change, so the database refuses UPDATE and DELETE on it.
  if (engineOf(db) === 'sqlite') {
    await sql`create trigger form_versions_no_update before update on form_versions begin select raise(abort, 'form_versions are immutable'); end`.execute(
      db,
    );
    await sql`create trigger form_versions_no_delete before delete on form_versions begin select raise(abort, 'form_versions are immutable'); end`.execute(
      db,
    );
  } else {
    await sql`create function form_versions_immutable() returns trigger language plpgsql as $$ begin raise exception 'form_versions are immutable'; end $$`.execute(
      db,
    );
    await sql`create trigger form_versions_no_change before update or delete on form_versions for each row execute function form_versions_immutable()`.execute(
      db,
    );
  }

  await db.schema
    .createTable('form_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirm_ip', 'text')
    .addColumn('confirm_user_agent', 'text')
    .execute();
  await db.schema
    .createIndex('form_confirmations_contact_idx')
    .on('form_confirmations')
    .columns(['account_id', 'contact_id'])
    .execute();
}
