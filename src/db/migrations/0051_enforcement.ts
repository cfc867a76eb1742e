// Enforcement (REP-01..07, BL-03, ABU-01/02): what comes back, stored before it is acknowledged;
// the bounces and complaints traced from it; incidents for operators; the complaint-rate hold.
import { engineOf, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'smtp' | 'ses' | 'sendgrid' | 'report-form'
    .addColumn('source', 'text', (c) => c.notNull())
    // The mailbox the first SMTP recipient named; null for webhook events.
    .addColumn('mailbox', 'text')
    // The Message-ID (else a hash of the bytes), a provider's event id: processing is once per key.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('envelope', 'text')
    .addColumn('raw', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // 'received' | 'processed' | 'untraceable' | 'failed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .execute();
  await db.schema.createIndex('inbound_messages_status_idx').on('inbound_messages').columns(['status', 'received_at']).execute();

  // Bounces that came back after the relay accepted (the synchronous ones are delivery records).
  await db.schema
    .createTable('bounce_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inbound_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    // 'hard' | 'soft' | 'policy-block'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bounce_events_once_idx').unique().on('bounce_events').columns(['inbound_id', 'seq']).execute();
  await db.schema
    .createIndex('bounce_events_contact_idx')
    .on('bounce_events')
    .columns(['account_id', 'contact_id', 'at'])
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inbound_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    // 'arf' | 'ses' | 'sendgrid' | 'abuse-mailbox' | 'report-form'
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('feedback_type', 'text', (c) => c.notNull())
    // Null when untraceable: kept for review, no action.
    .addColumn('account_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('contact_id', 'text')
    // 'verp' | 'unsubscribe-token' | 'message-id' | 'feedback-id' | 'none'
    .addColumn('traced_by', 'text', (c) => c.notNull())
    // 1 when the trace proves the recipient: suppressed and counted toward the rates.
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('reporter', 'text')
    .addColumn('comment', 'text')
    // 'open' | 'confirmed' | 'dismissed'
    .addColumn('review_status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_once_idx').unique().on('complaints').columns(['inbound_id', 'seq']).execute();
  await db.schema.createIndex('complaints_account_idx').on('complaints').columns(['account_id', 'received_at']).execute();
  await db.schema.createIndex('complaints_review_idx').on('complaints').columns(['review_status', 'received_at']).execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'policy-block' | 'blocklist'
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'domain' | 'ip' | 'account'
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('close_note', 'text')
    .execute();
  // One open incident per (kind, subject): a second bounce from the same block adds an occurrence.
  await db.schema
    .createIndex('incidents_open_idx')
    .unique()
    .on('incidents')
    .columns(['kind', 'subject'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute();

  // REP-04 "hold new campaigns": while a row is here, every new campaign goes to a reviewer.
  await db.schema
    .createTable('campaign_holds')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .execute();

  // Where a suppression came from ('complaint:<id>', 'bounce:<inbound id>', 'unsubscribe', …).
  await db.schema.alterTable('suppressions').addColumn('source', 'text').execute();
  // Tracing by Message-ID (a complaint or report quoting the message).
  await db.schema.createIndex('delivery_records_message_idx').on('delivery_records').column('message_id').execute();
  // Soft bounces in a row (REP-01): a contact's records across campaigns, newest first.
  await db.schema
    .createIndex('delivery_records_contact_idx')
    .on('delivery_records')
    .columns(['contact_id', 'updated_at'])
    .execute();
}
