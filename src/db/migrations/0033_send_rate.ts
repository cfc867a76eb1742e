// ACC-08 and DEL-02: the per-account daily quota usage (warm-up) and the per-account token
// bucket every worker takes from (one row per account, taken with a compare-and-set UPDATE).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('account_send_buckets')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('tokens', 'double precision', (c) => c.notNull())
    .addColumn('refilled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_send_quota')
    .addColumn('account_id', 'text', (c) => c.notNull())
    // UTC day, 'YYYY-MM-DD'
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_send_quota_pk', ['account_id', 'day'])
    .execute();
}
