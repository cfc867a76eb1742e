// Sending domains (DEL-05): one row per account and domain, its DNS records (JSON text) and its
// sealed DKIM private keys. One account per domain name among verified domains is enforced in
// the service (a partial unique index is not portable to our one-file-both-engines migrations).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sending_domains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dkim_selector', 'text', (c) => c.notNull())
    .addColumn('ed25519_selector', 'text')
    .addColumn('records', 'text', (c) => c.notNull())
    .addColumn('rsa_private_key_sealed', 'text', (c) => c.notNull())
    .addColumn('ed25519_private_key_sealed', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sending_domains_account_domain_uq')
    .on('sending_domains')
    .columns(['account_id', 'domain'])
    .unique()
    .execute();
  await db.schema.createIndex('sending_domains_domain_idx').on('sending_domains').columns(['domain', 'status']).execute();
}
