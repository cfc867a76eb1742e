// Forward-only migrations, in order. A landed migration is never edited: add a new one.
// Numbers are reserved per area so parallel work does not collide:
//   0001-0009 platform (accounts, standing/audit, system mail, cookie consent, jobs)
//   0010-0019 permission core (lists, contacts, consent ledger, forms, suppression)
//   0020-0029 imports
//   0030-0039 campaigns and delivery
//   0040-0049 content review
//   0050-0059 enforcement (blocklists, inbound, bounces, complaints, incidents)
//   0060-0062 list versions (issue 13)
//   0065-0066 SMS senders and inbound texts (issue 11)
//   0069-0070 SMS campaigns (issue 11)
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Kysely } from 'kysely';
import * as m0001 from './0001_accounts.ts';
import * as m0002 from './0002_standing_audit.ts';
import * as m0003 from './0003_system_mail.ts';
import * as m0004 from './0004_cookie_consent.ts';
import * as m0005 from './0005_jobs.ts';
import * as m0006 from './0006_used_start_stamps.ts';
import * as m0007 from './0007_job_owners.ts';
import * as m0010 from './0010_lists_contacts.ts';
import * as m0011 from './0011_consent_ledger.ts';
import * as m0012 from './0012_suppression.ts';
import * as m0013 from './0013_forms.ts';
import * as m0014 from './0014_consent_intake.ts';
import * as m0015 from './0015_send_refusals.ts';
import * as m0020 from './0020_imports.ts';
import * as m0030 from './0030_sending_domains.ts';
import * as m0031 from './0031_campaigns.ts';
import * as m0032 from './0032_delivery.ts';
import * as m0033 from './0033_send_rate.ts';
import * as m0034 from './0034_clicks.ts';
import * as m0040 from './0040_content_policy.ts';
import * as m0050 from './0050_blocklists.ts';
import * as m0051 from './0051_enforcement.ts';
import * as m0060 from './0060_list_versions.ts';
import * as m0063 from './0063_account_sender_settings.ts';
import * as m0065 from './0065_sms_senders.ts';
import * as m0066 from './0066_sms_inbound.ts';
import * as m0069 from './0069_campaign_channel.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_accounts': m0001,
  '0002_standing_audit': m0002,
  '0003_system_mail': m0003,
  '0004_cookie_consent': m0004,
  '0005_jobs': m0005,
  '0006_used_start_stamps': m0006,
  '0007_job_owners': m0007,
  '0010_lists_contacts': m0010,
  '0011_consent_ledger': m0011,
  '0012_suppression': m0012,
  '0013_forms': m0013,
  '0014_consent_intake': m0014,
  '0015_send_refusals': m0015,
  '0020_imports': m0020,
  '0030_sending_domains': m0030,
  '0031_campaigns': m0031,
  '0032_delivery': m0032,
  '0033_send_rate': m0033,
  '0034_clicks': m0034,
  '0040_content_policy': m0040,
  '0050_blocklists': m0050,
  '0051_enforcement': m0051,
  '0060_list_versions': m0060,
  '0063_account_sender_settings': m0063,
  '0065_sms_senders': m0065,
  '0066_sms_inbound': m0066,
  '0069_campaign_channel': m0069,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function migratorFor(db: Kysely<any>): Migrator {
  // Areas number their migrations in reserved ranges, so a later area may land a lower number
  // after a higher one: allow that order (each migration still runs once, forward only).
  return new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    migrationTableName: 'assent_migrations',
    migrationLockTableName: 'assent_migrations_lock',
  });
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
