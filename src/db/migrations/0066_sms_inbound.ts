// Inbound SMS (issue 11 §3, SMS-02): every text a person sends to one of our senders is stored
// before it is acted on, with what became of it (sms_inbound), so nothing that arrives is lost,
// even for an unknown sender or number. sms_auto_replies holds, per sender, number and kind of
// answer, when the last automatic answer went: the claim that keeps it to one per interval, so
// two auto-responders can never loop.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sms_inbound')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('from_number', 'text', (c) => c.notNull())
    .addColumn('to_sender', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('keyword', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sms_inbound_account_idx').on('sms_inbound').columns(['account_id', 'received_at']).execute();

  await db.schema
    .createTable('sms_auto_replies')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sms_auto_replies_pk', ['account_id', 'sender', 'recipient', 'kind'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sms_auto_replies').execute();
  await db.schema.dropTable('sms_inbound').execute();
}
