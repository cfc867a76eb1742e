// Suppression per account and platform-wide (MSG-06, DEL-01, data-subject erasure tombstones).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('suppressions')
    // '' = platform-wide. Not NULL: NULLs never collide in a unique index, so (NULL, hash) could
    // repeat; '' keeps one unique index that works alike on SQLite and PostgreSQL.
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suppressions_pk', ['account_id', 'address_hash'])
    .execute();
}
