// Blocklist monitoring (BL-01..03): every check kept as history, and the open listings. A listing
// is open from its first listed check to its first not-listed check on a trusted zone (cleared_at).
import { sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('blocklist_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('listed', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('reason', 'text')
    .addColumn('error', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  // History per target (the operator's blocklist status page), newest first.
  await db.schema.createIndex('blocklist_checks_target_idx').on('blocklist_checks').columns(['target', 'checked_at']).execute();

  await db.schema
    .createTable('blocklist_listings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .execute();
  // At most one open listing per (target, zone): two workers running the check at once open it once.
  await db.schema
    .createIndex('blocklist_listings_open_idx')
    .unique()
    .on('blocklist_listings')
    .columns(['target', 'zone'])
    .where(sql.ref('cleared_at'), 'is', null)
    .execute();
}
