// The consent ledger (CON-07, CON-08): append-only, hash-chained per account, with the chain
// heads used to append under a lock and the derived consent state (the gate's one lookup).
import { engineOf, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('consent_events')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('list_id', 'text', (c) => c.notNull().references('lists.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('form_id', 'text')
    .addColumn('form_version', 'integer')
    .addColumn('text_shown', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('language', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirm_ip', 'text')
    .addColumn('confirm_user_agent', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consent_events_pk', ['account_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('consent_events_contact_idx')
    .on('consent_events')
    .columns(['account_id', 'contact_id', 'seq'])
    .execute();

  // CON-08: the database itself refuses UPDATE and DELETE on the ledger. (Someone with raw
  // access can drop the trigger — which is what the hash chain is there to expose.)
  if (engine === 'sqlite') {
    await sql`create trigger consent_events_no_update before update on consent_events begin select raise(abort, 'consent_events is append-only'); end`.execute(
      db,
    );
    await sql`create trigger consent_events_no_delete before delete on consent_events begin select raise(abort, 'consent_events is append-only'); end`.execute(
      db,
    );
  } else {
    await sql`create function consent_events_append_only() returns trigger language plpgsql as $$ begin raise exception 'consent_events is append-only'; end $$`.execute(
      db,
    );
    await sql`create trigger consent_events_no_change before update or delete on consent_events for each row execute function consent_events_append_only()`.execute(
      db,
    );
  }

  await db.schema
    .createTable('consent_chain_heads')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consent_state')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('list_id', 'text', (c) => c.notNull().references('lists.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('last_event_seq', 'bigint', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addColumn('hold', 'text')
    .addPrimaryKeyConstraint('consent_state_pk', ['contact_id', 'list_id', 'channel'])
    .execute();
  // The dry run walks a list in contact_id order (keyset pages).
  await db.schema
    .createIndex('consent_state_list_idx')
    .on('consent_state')
    .columns(['account_id', 'list_id', 'channel', 'contact_id'])
    .execute();
  await db.schema.createIndex('consent_state_hold_idx').on('consent_state').columns(['account_id', 'hold']).execute();
}
