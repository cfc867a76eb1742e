// Test wiring for the permission core over a real database (both engines): the services built
// from their repositories, plus account fixtures. Used by *.test.ts files only.
import { createConsentService } from '../../core/consent/ledger.ts';
import { createContactService } from '../../core/contacts/service.ts';
import { createGateService } from '../../core/gate/service.ts';
import { createListService } from '../../core/lists/service.ts';
import { createGrowthService } from '../../core/consent/growth.ts';
import { createGrowthStore } from './consent-growth.ts';
import type { NewList } from '../../core/lists/types.ts';
import type { Clock } from '../../core/ports.ts';
import { silentLogger } from '../../core/ports.ts';
import { createSegmentService } from '../../core/segments/service.ts';
import type { StandingGate } from '../../core/standing/ports.ts';
import { createSuppressionService } from '../../core/suppression/service.ts';
import type { Database } from '../database.ts';
import { createConsentStore } from './consent.ts';
import { createContactStore } from './contacts.ts';
import { createGateStore } from './gate.ts';
import { createListStore } from './lists.ts';
import { createSegmentStore } from './segments.ts';
import { createSuppressionStore } from './suppression.ts';

export const allowAll: StandingGate = { assertServiceAllowed: async () => {} };

export function permissionServices(database: Database, clock: Clock, standing: StandingGate = allowAll) {
  const consent = createConsentService({ store: createConsentStore(database), clock });
  const suppression = createSuppressionService({ store: createSuppressionStore(database), clock });
  const contacts = createContactService({ store: createContactStore(database), consent, suppression, clock });
  return {
    consent,
    suppression,
    contacts,
    lists: createListService({
      store: createListStore(database),
      clock,
      counts: (accountId, listId) => contacts.totals(accountId, { listId }),
      growth: createGrowthService({ store: createGrowthStore(database), clock }),
    }),
    gate: createGateService({ store: createGateStore(database), standing, clock, logger: silentLogger }),
    segments: createSegmentService({ store: createSegmentStore(database), clock }),
  };
}

let n = 0;
export async function createAccountRow(database: Database, id = `acct-${process.pid}-${++n}`): Promise<string> {
  const now = new Date().toISOString();
  await database.db
    .insertInto('accounts')
    .values({
      id,
      name: id,
      postal_address: 'Str. 1, Berlin',
      industry: 'retail',
      declared_sending: 'newsletter',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A bare form row of the account (consent events may name only forms of their account, CON-07). */
export async function createFormRow(database: Database, accountId: string, id: string, latestVersion = 1): Promise<string> {
  const now = new Date().toISOString();
  await database.db
    .insertInto('forms')
    .values({
      id,
      account_id: accountId,
      name: id,
      latest_version: latestVersion,
      published_version: null,
      published_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export const emailList = (name = 'Newsletter'): NewList => ({
  name,
  purposeText: `${name}: product news, monthly; unsubscribe any time via the link in every mail.`,
  channel: 'email',
  frequency: 'monthly',
  senderName: 'Shop',
});

export const smsList = (name = 'SMS deals'): NewList => ({
  name,
  purposeText: `${name}: deals by SMS, weekly; reply STOP to end, HELP for help. Message and data rates may apply.`,
  channel: 'sms',
  frequency: 'weekly',
  senderName: 'Shop',
});

/** Removes the append-only triggers, as an attacker with raw database access would. */
export async function dropLedgerTriggers(database: Database): Promise<void> {
  const { sql } = await import('kysely');
  if (database.engine === 'sqlite') {
    await sql`drop trigger consent_events_no_update`.execute(database.db);
    await sql`drop trigger consent_events_no_delete`.execute(database.db);
  } else {
    await sql`alter table consent_events disable trigger consent_events_no_change`.execute(database.db);
  }
}
