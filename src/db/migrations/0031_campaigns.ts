// Campaigns (issue 8): one row per campaign; its content, its state and the content verdict
// (JSON text, read back with a zod schema) bound to a hash of the content it judged (CNT-05).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('preheader', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('from_email', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('click_tracking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('verdict', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('pause_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('campaigns_account_idx').on('campaigns').columns(['account_id', 'created_at']).execute();
  // The scheduler's question: scheduled campaigns that are due.
  await db.schema.createIndex('campaigns_due_idx').on('campaigns').columns(['status', 'scheduled_at']).execute();
}
