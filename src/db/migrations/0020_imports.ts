// Imports (IMP-01..06): the import with its declaration and forensics, the uploaded file as
// chunks (a blob table works alike on SQLite and on PostgreSQL shared by many nodes: no shared
// disk needed), and one row per input row for the downloadable report.
import { engineOf, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('analyse'))
    .addColumn('file_name', 'text')
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_description', 'text')
    .addColumn('attestation', 'text', (c) => c.notNull())
    .addColumn('list_ids', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('consent_date', 'text')
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('without_evidence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer')
    .addColumn('last_committed_row', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('risk_score', 'integer')
    .addColumn('forensics', 'text')
    .addColumn('hold_reasons', 'text')
    .addColumn('error', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_account_idx').on('imports').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('imports_account_sha_idx').on('imports').columns(['account_id', 'file_sha256']).execute();
  await db.schema.createIndex('imports_status_idx').on('imports').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('import_blobs')
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_blobs_pk', ['import_id', 'seq'])
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('contact_id', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_number'])
    .execute();

  // Imports look up platform suppressions by address hash across every account (IMP-03); the
  // suppressions primary key starts with account_id, so that lookup needs its own index.
  await db.schema.createIndex('suppressions_hash_idx').on('suppressions').column('address_hash').execute();
  // The ledger append reads consent_state by (account_id, contact_id IN …) for every batch an
  // import writes; without this index SQLite chooses (account_id, hold) and scans the whole
  // account per batch (quadratic in the import size).
  await db.schema
    .createIndex('consent_state_account_contact_idx')
    .on('consent_state')
    .columns(['account_id', 'contact_id'])
    .execute();
}
