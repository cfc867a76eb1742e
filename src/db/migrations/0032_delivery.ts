// Per-recipient delivery records (DEL-02, DEL-03) and the first-campaign samples of imports
// (IMP-07). One row per (campaign, contact): the send engine claims rows under a lease, so a
// worker killed mid-batch loses nothing — its rows are reclaimed when the lease runs out.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('delivery_records')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bounce_type', 'text')
    .addColumn('smtp_reply', 'text')
    .addColumn('queue_id', 'text')
    .addColumn('relay', 'text')
    .addColumn('message_id', 'text')
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_records_pk', ['campaign_id', 'contact_id'])
    .execute();
  // Claiming: the queued rows of one campaign that are due, in order of due time.
  await db.schema
    .createIndex('delivery_records_claim_idx')
    .on('delivery_records')
    .columns(['campaign_id', 'status', 'next_attempt_at'])
    .execute();
  // The warm-up's account history and bounce tracing by account.
  await db.schema
    .createIndex('delivery_records_account_idx')
    .on('delivery_records')
    .columns(['account_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('import_samples')
    .addColumn('import_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    // 'sampling' | 'passed' | 'declined'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .execute();

  // The campaigns the engine paused itself (a relay down, the day's quota used): the
  // campaign.resume-paused job resumes them; a campaign its owner paused is never listed here.
  await db.schema
    .createTable('delivery_pauses')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'text', (c) => c.notNull())
    .execute();
}
