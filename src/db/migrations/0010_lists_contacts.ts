// Lists, contacts and segments (CON-01, SMS-04).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose_text', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('double_opt_in', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('lists_account_idx').on('lists').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('email_hash', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('language', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  // NULLs never collide in a unique index on either engine: phone-only and erased contacts coexist.
  await db.schema.createIndex('contacts_account_email_uq').on('contacts').columns(['account_id', 'email']).unique().execute();
  await db.schema.createIndex('contacts_account_phone_uq').on('contacts').columns(['account_id', 'phone']).unique().execute();
  await db.schema.createIndex('contacts_account_id_idx').on('contacts').columns(['account_id', 'id']).execute();

  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('segments_account_idx').on('segments').column('account_id').execute();
}
