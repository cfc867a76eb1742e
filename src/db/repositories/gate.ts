// SQL for the send gate (DEL-01): one query per batch for consent facts, one for suppression.
import { z } from 'zod';
import { CHANNELS } from '../../core/consent/types.ts';
import { SEND_REFUSALS, type GateStore, type PageFacts, type RecipientFacts, type SendRefusal } from '../../core/gate/types.ts';
import { insertRows } from '../bulk.ts';
import type { Database } from '../database.ts';
import { chunk } from './consent.ts';
import { PLATFORM_WIDE } from './suppression.ts';

const ChannelSchema = z.enum(CHANNELS);
const RefusalSchema = z.enum(SEND_REFUSALS);
const REFUSAL_COLUMNS = ['id', 'account_id', 'list_id', 'contact_id', 'channel', 'reason', 'context_id', 'decided_at'] as const;
const ID_CHUNK = 1_000;
/** Dry-run pages PostgreSQL reads at once (each on its own pooled connection, below PG_POOL_SIZE). */
export const PG_PAGE_READ_AHEAD = 3;
/** Below this many ids a PostgreSQL lookup is not split across connections. */
const PG_MIN_PART = 1_000;

// Hot paths (authorizeSend per batch, the dry run per page) read rows as arrays straight from
// the driver (better-sqlite3 `.raw()`, pg `rowMode: 'array'`): no object per row from the driver
// or the query builder. Column order of a facts row: FACT_COLUMNS.
type Row = unknown[];
const STATUS_OF = new Map<unknown, RecipientFacts['status']>([
  ['pending', 'pending'],
  ['active', 'active'],
  ['withdrawn', 'withdrawn'],
]);

function factsOf(r: Row): RecipientFacts {
  // An unknown status is not consent: fail closed by treating it as none.
  return {
    contactId: r[0] as string,
    addressHash: r[1] as string | null,
    erased: r[2] !== null,
    status: STATUS_OF.get(r[3]) ?? null,
    grantedAt: r[4] as string | null,
    confirmedAt: r[5] as string | null,
    lastSentAt: r[6] as string | null,
    hold: r[7] as string | null,
    phone: r[8] as string | null,
    timeZone: r[9] as string | null,
  };
}

/** A dry-run row: the facts plus the suppression flag the page query decided (column 10). */
function pageFactsOf(r: Row): PageFacts {
  return {
    contactId: r[0] as string,
    addressHash: r[1] as string | null,
    erased: r[2] !== null,
    status: STATUS_OF.get(r[3]) ?? null,
    grantedAt: r[4] as string | null,
    confirmedAt: r[5] as string | null,
    lastSentAt: r[6] as string | null,
    hold: r[7] as string | null,
    phone: r[8] as string | null,
    timeZone: r[9] as string | null,
    suppressed: r[10] === true || r[10] === 1,
  };
}

/** The address hash column for a channel (SQL text: only these two constants ever reach SQL). */
const hashColumnOf = (channel: string) => (channel === 'sms' ? 'c.phone_hash' : 'c.email_hash');
/** SMS-03: an SMS send also needs the phone and the stated zone (quiet hours); email reads neither. */
const ZONE_COLUMNS = (channel: string) => (channel === 'sms' ? 'c.phone, c.time_zone' : 'null, null');
const FACT_COLUMNS = (channel: string) =>
  `${hashColumnOf(channel)}, c.erased_at, s.status, s.granted_at, s.confirmed_at, s.last_sent_at, s.hold, ${ZONE_COLUMNS(channel)}`;

/** `?, ?, …` for SQLite IN lists (long IN lists are fast there; one cached statement per length). */
const marks = (n: number) => (n === 1 ? '?' : `?${', ?'.repeat(n - 1)}`);

/**
 * One dry-run page: the list's consent rows in (after, upTo] in contact_id order (cut first, on
 * the covering index consent_state_list_idx), joined to their contact by key, with suppression
 * (own or platform-wide) decided in the same query.
 */
function pageSql(engine: 'sqlite' | 'postgres', channel: string, bounded: boolean): string {
  const p = engine === 'postgres' ? (i: number) => `$${i}` : () => '?';
  return `select /* gate page */ s.contact_id, ${FACT_COLUMNS(channel)},
      exists (select 1 from suppressions x where x.account_id in (${p(1)}, ${p(2)}) and x.address_hash = ${hashColumnOf(channel)}) as suppressed
    from (select contact_id, status, granted_at, confirmed_at, last_sent_at, hold from consent_state
          where account_id = ${p(3)} and list_id = ${p(4)} and channel = ${p(5)} and contact_id > ${p(6)}${bounded ? ` and contact_id <= ${p(7)}` : ''}
          order by contact_id limit ${p(bounded ? 8 : 7)}) s
    join contacts c on c.id = s.contact_id and c.account_id = ${p(bounded ? 9 : 8)}
    order by s.contact_id`;
}

export function createGateStore(database: Database): GateStore {
  const { db, engine, raw } = database;
  const query = async (pgText: string, sqliteText: string, values: unknown[]): Promise<Row[]> => {
    if (raw.engine === 'postgres') return (await raw.pool.query<Row>({ text: pgText, values, rowMode: 'array' })).rows;
    return raw.sqlite
      .prepare(sqliteText)
      .raw(true)
      .all(...values) as Row[];
  };
  // One batch's lookup in parts: SQLite one after the other (in-process, bounded IN lists);
  // PostgreSQL up to PG_PAGE_READ_AHEAD parts at once, each on its own connection (its own core).
  const inParts = async (items: string[], maxPart: number, read: (part: string[]) => Promise<Row[]>): Promise<Row[][]> => {
    if (engine === 'sqlite') {
      const out: Row[][] = [];
      for (const part of chunk(items, maxPart)) out.push(await read(part));
      return out;
    }
    const size = Math.min(maxPart, Math.max(PG_MIN_PART, Math.ceil(items.length / PG_PAGE_READ_AHEAD)));
    return Promise.all(chunk(items, size).map(read));
  };
  return {
    // PostgreSQL can read several pages at once (one backend each); SQLite reads in-process.
    pageReadAhead: engine === 'postgres' ? PG_PAGE_READ_AHEAD : 1,

    async list(accountId, listId) {
      const r = await db
        .selectFrom('lists')
        .select(['channel', 'archived_at'])
        .where('account_id', '=', accountId)
        .where('id', '=', listId)
        .executeTakeFirst();
      return r ? { channel: ChannelSchema.parse(r.channel), archivedAt: r.archived_at } : null;
    },

    async recipientFacts(accountId, listId, channel, contactIds) {
      const cols = FACT_COLUMNS(channel);
      const read = (ids: string[]) =>
        // PostgreSQL: the ids as one array parameter, unnested and joined by key (a nested loop of
        // primary-key probes; `= any($1)` would sort the array first).
        query(
          `select /* gate facts */ c.id, ${cols} from unnest($1::text[]) as i(id)
             join contacts c on c.id = i.id and c.account_id = $2
             left join consent_state s on s.contact_id = c.id and s.list_id = $3 and s.channel = $4`,
          `select /* gate facts */ c.id, ${cols} from contacts c
             left join consent_state s on s.contact_id = c.id and s.list_id = ? and s.channel = ?
             where c.account_id = ? and c.id in (${marks(ids.length)})`,
          engine === 'postgres' ? [ids, accountId, listId, channel] : [listId, channel, accountId, ...ids],
        );
      const out: RecipientFacts[] = [];
      for (const rows of await inParts([...new Set(contactIds)], ID_CHUNK * 10, read)) for (const r of rows) out.push(factsOf(r));
      return out;
    },

    async recipientPage(accountId, listId, channel, after, upTo, limit) {
      const bounded = upTo !== null;
      const text = pageSql(engine, channel, bounded);
      const values = [
        accountId,
        PLATFORM_WIDE,
        accountId,
        listId,
        channel,
        after ?? '',
        ...(bounded ? [upTo] : []),
        limit,
        accountId,
      ];
      const rows = await query(text, text, values);
      return rows.map(pageFactsOf);
    },

    async pageBoundary(accountId, listId, channel, after, limit) {
      const rows = await query(
        'select /* gate boundary */ contact_id from consent_state where account_id = $1 and list_id = $2 and channel = $3 and contact_id > $4 order by contact_id limit 1 offset $5',
        'select /* gate boundary */ contact_id from consent_state where account_id = ? and list_id = ? and channel = ? and contact_id > ? order by contact_id limit 1 offset ?',
        [accountId, listId, channel, after ?? '', limit - 1],
      );
      return rows.length > 0 ? (rows[0]![0] as string) : null;
    },

    async suppressedHashes(accountId, hashes) {
      const read = (part: string[]) =>
        query(
          'select /* gate suppressed */ x.address_hash from unnest($1::text[]) as h(v) join suppressions x on x.account_id in ($2, $3) and x.address_hash = h.v',
          `select /* gate suppressed */ address_hash from suppressions where account_id in (?, ?) and address_hash in (${marks(part.length)})`,
          engine === 'postgres' ? [part, accountId, PLATFORM_WIDE] : [accountId, PLATFORM_WIDE, ...part],
        );
      const out = new Set<string>();
      for (const rows of await inParts(hashes, ID_CHUNK * 5, read)) for (const r of rows) out.add(r[0] as string);
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
        await db
          .updateTable('consent_state')
          .set({ hold })
          .where('account_id', '=', accountId)
          .where('list_id', '=', listId)
          .where('contact_id', 'in', ids)
          .execute();
      }
    },

    async releaseHold(accountId, hold) {
      const r = await db
        .updateTable('consent_state')
        .set({ hold: null })
        .where('account_id', '=', accountId)
        .where('hold', '=', hold)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async recordRefusals(rows) {
      // One multi-row INSERT per batch (bulk.ts): a 10,000-recipient batch is one or two statements.
      await insertRows(
        db,
        engine,
        'send_refusals',
        REFUSAL_COLUMNS,
        rows.map((r) => [r.id, r.accountId, r.listId, r.contactId, r.channel, r.reason, r.contextId, r.decidedAt]),
      );
    },

    async countRefusals(accountId, filter) {
      let q = db
        .selectFrom('send_refusals')
        .select((eb) => ['reason', eb.fn.countAll().as('n')])
        .where('account_id', '=', accountId);
      if (filter.listId !== undefined) q = q.where('list_id', '=', filter.listId);
      if (filter.contextId !== undefined) {
        const contextId = filter.contextId;
        q = contextId === null ? q.where('context_id', 'is', null) : q.where('context_id', '=', contextId);
      }
      const out = new Map<SendRefusal, number>();
      for (const r of await q.groupBy('reason').execute()) out.set(RefusalSchema.parse(r.reason), Number(r.n));
      return out;
    },

    async pruneRefusals(beforeId, limit) {
      // ids are UUIDv7: the primary key is the time order, so the oldest rows are read off its left edge.
      const r = await db
        .deleteFrom('send_refusals')
        .where('id', 'in', (eb) =>
          eb.selectFrom('send_refusals').select('id').where('id', '<', beforeId).orderBy('id').limit(limit),
        )
        .executeTakeFirst();
      return Number(r.numDeletedRows);
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
