// CON-13 intake policy: the log of consent taken in by the API (rate limit and the rolling review
// window, IMP-05), and double opt-in confirmations that do not come from a form (API consent on
// a double opt-in list starts the same confirmation a form sign-up does).
import { engineOf, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('consent_intake_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    // The review batch (an imports row) this intake was held with; null = not held.
    .addColumn('batch_id', 'text')
    .execute();
  await db.schema
    .createIndex('consent_intake_log_account_idx')
    .on('consent_intake_log')
    .columns(['account_id', 'recorded_at'])
    .execute();

  // form_confirmations.form_id / form_version become nullable: null = a confirmation started by
  // API consent (its items carry the text the person was shown).
  if (engineOf(db) === 'postgres') {
    await sql`alter table form_confirmations alter column form_id drop not null`.execute(db);
    await sql`alter table form_confirmations alter column form_version drop not null`.execute(db);
    return;
  }
  // SQLite cannot drop NOT NULL: rebuild the table (no triggers or references point at it).
  await db.schema
    .createTable('form_confirmations_0014')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text')
    .addColumn('form_version', 'integer')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirm_ip', 'text')
    .addColumn('confirm_user_agent', 'text')
    .execute();
  await sql`insert into form_confirmations_0014 (id, account_id, contact_id, form_id, form_version, items, language, created_at, expires_at, confirmed_at, confirm_ip, confirm_user_agent)
    select id, account_id, contact_id, form_id, form_version, items, language, created_at, expires_at, confirmed_at, confirm_ip, confirm_user_agent from form_confirmations`.execute(
    db,
  );
  await db.schema.dropTable('form_confirmations').execute();
  await sql`alter table form_confirmations_0014 rename to form_confirmations`.execute(db);
  await db.schema
    .createIndex('form_confirmations_contact_idx')
    .on('form_confirmations')
    .columns(['account_id', 'contact_id'])
    .execute();
}
