// SMS senders per account (issue 11 §1, SMS-02/SMS-04): the numbers, short codes and alphanumeric
// sender IDs an account sends from. An inbound text (STOP, HELP, YES) names only the number it was
// sent TO, so that number decides the account: a sender belongs to one account at most (unique).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sms_senders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sms_senders_sender_uq').on('sms_senders').column('sender').unique().execute();
  await db.schema.createIndex('sms_senders_account_idx').on('sms_senders').columns(['account_id', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sms_senders').execute();
}
