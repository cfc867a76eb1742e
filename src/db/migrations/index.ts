// Forward-only migrations, in order. A landed migration is never edited: add a new one.
// Numbers are reserved per area so parallel work does not collide:
//   0001-0009 platform (accounts, standing/audit, system mail, cookie consent, jobs)
//   0010-0019 permission core (lists, contacts, consent ledger, forms, suppression)
//   0020-0029 imports
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Kysely } from 'kysely';
import * as m0001 from './0001_accounts.ts';
import * as m0002 from './0002_standing_audit.ts';
import * as m0003 from './0003_system_mail.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_accounts': m0001,
  '0002_standing_audit': m0002,
  '0003_system_mail': m0003,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider, migrationTableName: 'assent_migrations', migrationLockTableName: 'assent_migrations_lock' });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
