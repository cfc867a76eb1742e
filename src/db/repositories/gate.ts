// SQL for the send gate (DEL-01): one query per batch for consent facts, one for suppression.
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import { CHANNELS } from '../../core/consent/types.ts';
import type { GateStore, RecipientFacts } from '../../core/gate/types.ts';
import type { Database } from '../database.ts';
import { chunk } from './consent.ts';
import { PLATFORM_WIDE } from './suppression.ts';

const ChannelSchema = z.enum(CHANNELS);
const STATUSES = new Set(['pending', 'active', 'withdrawn']);
const ID_CHUNK = 1_000;

interface FactsRow {
  contact_id: string;
  address_hash: string | null;
  erased_at: string | null;
  status: string | null;
  granted_at: string | null;
  confirmed_at: string | null;
  last_sent_at: string | null;
  hold: string | null;
}

function toFacts(r: FactsRow): RecipientFacts {
  // An unknown status is not consent: fail closed by treating it as none.
  const status = r.status !== null && STATUSES.has(r.status) ? (r.status as RecipientFacts['status']) : null;
  return {
    contactId: r.contact_id,
    addressHash: r.address_hash,
    erased: r.erased_at !== null,
    status,
    grantedAt: r.granted_at,
    confirmedAt: r.confirmed_at,
    lastSentAt: r.last_sent_at,
    hold: r.hold,
  };
}

export function createGateStore(database: Database): GateStore {
  const { db, engine } = database;
  // PostgreSQL plans `= any($1)` with one array parameter far better than IN with thousands of
  // parameters; SQLite has no arrays and handles a long IN list well.
  const inList = (column: string, values: string[]) =>
    engine === 'postgres' ? sql<SqlBool>`${sql.ref(column)} = any(${values})` : sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
  const hashColumn = (channel: string) => (channel === 'sms' ? sql.ref<string | null>('c.phone_hash') : sql.ref<string | null>('c.email_hash'));
  return {
    async list(accountId, listId) {
      const r = await db.selectFrom('lists').select(['channel', 'archived_at']).where('account_id', '=', accountId).where('id', '=', listId).executeTakeFirst();
      return r ? { channel: ChannelSchema.parse(r.channel), archivedAt: r.archived_at } : null;
    },

    async recipientFacts(accountId, listId, channel, contactIds) {
      const out: RecipientFacts[] = [];
      for (const ids of chunk(contactIds, ID_CHUNK * 10)) {
        const rows = await db
          .selectFrom('contacts as c')
          .leftJoin('consent_state as s', (j) => j.onRef('s.contact_id', '=', 'c.id').on('s.list_id', '=', listId).on('s.channel', '=', channel))
          .select([
            'c.id as contact_id',
            hashColumn(channel).as('address_hash'),
            'c.erased_at',
            's.status',
            's.granted_at',
            's.confirmed_at',
            's.last_sent_at',
            's.hold',
          ])
          .where('c.account_id', '=', accountId)
          .where(inList('c.id', ids))
          .execute();
        for (const r of rows) out.push(toFacts(r));
      }
      return out;
    },

    async recipientPage(accountId, listId, channel, after, limit) {
      // The page of consent rows is cut first (index range scan on consent_state_list_idx), then
      // joined to contacts by primary key: the planner never scans all contacts for one page.
      let inner = db
        .selectFrom('consent_state')
        .select(['contact_id', 'status', 'granted_at', 'confirmed_at', 'last_sent_at', 'hold'])
        .where('account_id', '=', accountId)
        .where('list_id', '=', listId)
        .where('channel', '=', channel);
      if (after !== null) inner = inner.where('contact_id', '>', after);
      const rows = await db
        .selectFrom(inner.orderBy('contact_id').limit(limit).as('s'))
        .innerJoin('contacts as c', 'c.id', 's.contact_id')
        .select(['s.contact_id', hashColumn(channel).as('address_hash'), 'c.erased_at', 's.status', 's.granted_at', 's.confirmed_at', 's.last_sent_at', 's.hold'])
        .orderBy('s.contact_id')
        .execute();
      return rows.map(toFacts);
    },

    async suppressedHashes(accountId, hashes) {
      const out = new Set<string>();
      for (const part of chunk(hashes, ID_CHUNK * 5)) {
        const rows = await db.selectFrom('suppressions').select('address_hash').where('account_id', 'in', [accountId, PLATFORM_WIDE]).where(inList('address_hash', part)).execute();
        for (const r of rows) out.add(r.address_hash);
      }
      return out;
    },

    async unapprovedContactIds(accountId, listId, contactIds) {
      const out = new Set<string>();
      for (const ids of chunk(contactIds, ID_CHUNK)) {
        const rows = await db
          .selectFrom('consent_state')
          .select('contact_id')
          .where('account_id', '=', accountId)
          .where('list_id', '=', listId)
          .where('contact_id', 'in', ids)
          .where('hold', 'is not', null)
          .execute();
        for (const r of rows) out.add(r.contact_id);
      }
      return out;
    },

    async setHold(accountId, listId, contactIds, hold) {
      for (const ids of chunk(contactIds, ID_CHUNK)) {
        await db.updateTable('consent_state').set({ hold }).where('account_id', '=', accountId).where('list_id', '=', listId).where('contact_id', 'in', ids).execute();
      }
    },

    async releaseHold(accountId, hold) {
      const r = await db.updateTable('consent_state').set({ hold: null }).where('account_id', '=', accountId).where('hold', '=', hold).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async markSent(accountId, listId, channel, contactIds, at) {
      for (const ids of chunk(contactIds, ID_CHUNK)) {
        await db
          .updateTable('consent_state')
          .set({ last_sent_at: at })
          .where('account_id', '=', accountId)
          .where('list_id', '=', listId)
          .where('channel', '=', channel)
          .where('contact_id', 'in', ids)
          .execute();
      }
    },
  };
}
