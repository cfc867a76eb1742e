// Recorded send refusals (DEL-01): every recipient the gate refuses at send time, with its reason.
// The campaigns work reads them through `context_id` (the campaign); dry runs record nothing.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('send_refusals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // The campaign (or other send) the decision was for; null when the caller named none.
    .addColumn('context_id', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  // Counts by reason per list (and per list and campaign), and per campaign across its lists.
  await db.schema
    .createIndex('send_refusals_list_idx')
    .on('send_refusals')
    .columns(['account_id', 'list_id', 'context_id', 'reason'])
    .execute();
  await db.schema
    .createIndex('send_refusals_context_idx')
    .on('send_refusals')
    .columns(['account_id', 'context_id', 'reason'])
    .execute();
}
