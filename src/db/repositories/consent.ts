// SQL for the consent ledger (CON-07, CON-08), the same on both engines. The append runs in one
// transaction: chain head locked, events inserted, projection written, head moved.
import { CompiledQuery, type Kysely } from 'kysely';
import { z } from 'zod';
import { CHAIN_ROW_FIELDS, GENESIS_HASH, ROW, type ChainRow } from '../../core/consent/canonical.ts';
import { stateKey, type ConsentStore } from '../../core/consent/store.ts';
import { CHANNELS, CONSENT_KINDS, CONSENT_SOURCE_TYPES, type ConsentEvent, type ConsentState } from '../../core/consent/types.ts';
import { insertRows } from '../bulk.ts';
import type { Database } from '../database.ts';
import type { DB } from '../schema/index.ts';
import type { ConsentEventsTable, ConsentStateTable } from '../schema/consent.ts';

/** Rows per multi-row INSERT: 25 columns × 400 stays far below SQLite's 32,766 bound parameters. */
export const CONSENT_INSERT_CHUNK = 400;
/** Ids per IN (…) list. */
export const ID_CHUNK = 1_000;

const ChannelSchema = z.enum(CHANNELS);
const KindSchema = z.enum(CONSENT_KINDS);
const SourceSchema = z.enum(CONSENT_SOURCE_TYPES);
const StatusSchema = z.enum(['pending', 'active', 'withdrawn']);
const PartnersJson = z.array(z.string());
const EvidenceJson = z.record(z.string(), z.unknown());

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function toEventRow(e: ConsentEvent): ConsentEventsTable {
  return {
    account_id: e.accountId,
    seq: e.seq,
    id: e.id,
    contact_id: e.contactId,
    list_id: e.listId,
    channel: e.channel,
    kind: e.kind,
    source_type: e.sourceType,
    source_id: e.sourceId,
    form_id: e.formId,
    form_version: e.formVersion,
    text_shown: e.textShown,
    text_hash: e.textHash,
    partners: JSON.stringify(e.partners),
    ip: e.ip,
    user_agent: e.userAgent,
    language: e.language,
    occurred_at: e.occurredAt,
    confirmed_at: e.confirmedAt,
    confirm_ip: e.confirmIp,
    confirm_user_agent: e.confirmUserAgent,
    evidence: JSON.stringify(e.evidence),
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

// Hot path (ledger verify reads every event): enum columns are checked against sets and the
// common empty JSON values skip the parser; anything else still goes through zod.
const CHANNEL_SET = new Set<string>(CHANNELS);
const KIND_SET = new Set<string>(CONSENT_KINDS);
const SOURCE_SET = new Set<string>(CONSENT_SOURCE_TYPES);
const member = <T extends string>(set: Set<string>, schema: z.ZodType<T>, v: string): T =>
  set.has(v) ? (v as T) : schema.parse(v);
const partnersOf = (text: string): string[] => (text === '[]' ? [] : PartnersJson.parse(JSON.parse(text)));
const evidenceOf = (text: string): Record<string, unknown> => (text === '{}' ? {} : EvidenceJson.parse(JSON.parse(text)));

export function toEvent(r: ConsentEventsTable): ConsentEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    accountId: r.account_id,
    contactId: r.contact_id,
    listId: r.list_id,
    channel: member(CHANNEL_SET, ChannelSchema, r.channel),
    kind: member(KIND_SET, KindSchema, r.kind),
    sourceType: member(SOURCE_SET, SourceSchema, r.source_type),
    sourceId: r.source_id,
    formId: r.form_id,
    formVersion: r.form_version === null ? null : Number(r.form_version),
    textShown: r.text_shown,
    textHash: r.text_hash,
    partners: partnersOf(r.partners),
    ip: r.ip,
    userAgent: r.user_agent,
    language: r.language,
    occurredAt: r.occurred_at,
    confirmedAt: r.confirmed_at,
    confirmIp: r.confirm_ip,
    confirmUserAgent: r.confirm_user_agent,
    evidence: evidenceOf(r.evidence),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

// Ledger verify reads rows as arrays in CHAIN_ROW_FIELDS order (camelCase member → snake_case column).
const CHAIN_COLUMNS = CHAIN_ROW_FIELDS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(', ');
const CHAIN_ROWS_SQL = {
  sqlite: `select /* chain rows */ ${CHAIN_COLUMNS} from consent_events where account_id = ? and seq > ? and seq <= ? order by seq limit ?`,
  postgres: `select /* chain rows */ ${CHAIN_COLUMNS} from consent_events where account_id = $1 and seq > $2 and seq <= $3 order by seq limit $4`,
};

const NO_PARTNERS: readonly string[] = Object.freeze([]);
const NO_EVIDENCE: Readonly<Record<string, unknown>> = Object.freeze({});

/** Validates one raw row in place as toEvent does (enums, JSON columns), without building an event. */
function toChainRow(r: unknown[]): ChainRow {
  member(CHANNEL_SET, ChannelSchema, r[ROW.channel] as string);
  member(KIND_SET, KindSchema, r[ROW.kind] as string);
  member(SOURCE_SET, SourceSchema, r[ROW.sourceType] as string);
  // The common empty values are shared frozen constants: no allocation per row.
  r[ROW.partners] = r[ROW.partners] === '[]' ? NO_PARTNERS : partnersOf(r[ROW.partners] as string);
  r[ROW.evidence] = r[ROW.evidence] === '{}' ? NO_EVIDENCE : evidenceOf(r[ROW.evidence] as string);
  if (typeof r[ROW.seq] !== 'number') r[ROW.seq] = Number(r[ROW.seq]);
  if (r[ROW.formVersion] !== null && typeof r[ROW.formVersion] !== 'number') r[ROW.formVersion] = Number(r[ROW.formVersion]);
  return r;
}

export function toState(r: ConsentStateTable): ConsentState {
  return {
    accountId: r.account_id,
    contactId: r.contact_id,
    listId: r.list_id,
    channel: ChannelSchema.parse(r.channel),
    status: StatusSchema.parse(r.status),
    grantedAt: r.granted_at,
    confirmedAt: r.confirmed_at,
    lastEventSeq: Number(r.last_event_seq),
    lastSentAt: r.last_sent_at,
    hold: r.hold,
  };
}

function toStateRow(s: ConsentState): ConsentStateTable {
  return {
    account_id: s.accountId,
    contact_id: s.contactId,
    list_id: s.listId,
    channel: s.channel,
    status: s.status,
    granted_at: s.grantedAt,
    confirmed_at: s.confirmedAt,
    last_event_seq: s.lastEventSeq,
    last_sent_at: s.lastSentAt,
    hold: s.hold,
  };
}

const EVENT_COLUMNS = [
  'account_id',
  'seq',
  'id',
  'contact_id',
  'list_id',
  'channel',
  'kind',
  'source_type',
  'source_id',
  'form_id',
  'form_version',
  'text_shown',
  'text_hash',
  'partners',
  'ip',
  'user_agent',
  'language',
  'occurred_at',
  'confirmed_at',
  'confirm_ip',
  'confirm_user_agent',
  'evidence',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof ConsentEventsTable)[];
const STATE_COLUMNS = [
  'account_id',
  'contact_id',
  'list_id',
  'channel',
  'status',
  'granted_at',
  'confirmed_at',
  'last_event_seq',
  'last_sent_at',
  'hold',
] as const satisfies readonly (keyof ConsentStateTable)[];
const EVENT_PG_TYPES = { seq: 'int8', form_version: 'int4' };
const STATE_PG_TYPES = { last_event_seq: 'int8' };
/**
 * The projection write: insert or replace what the ledger decides (last_sent_at is the sender's).
 * The hold too: a state carries its current hold unless the append sets one (a held import
 * re-granting an existing state must hold it, IMP-05).
 */
const STATE_UPSERT =
  'on conflict ("contact_id", "list_id", "channel") do update set "status" = excluded."status", "granted_at" = excluded."granted_at", ' +
  '"confirmed_at" = excluded."confirmed_at", "last_event_seq" = excluded."last_event_seq", "hold" = excluded."hold"';

const unnestOf = (columns: readonly string[], types: Readonly<Record<string, string>>, first: number) =>
  `select * from unnest(${columns.map((c, i) => `$${first + i}::${types[c] ?? 'text'}[]`).join(', ')})`;
const columnList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
/** PostgreSQL append: the events, the projection and the head move in one statement (data-modifying CTEs). */
const PG_APPEND_SQL =
  `with e as (insert into "consent_events" (${columnList(EVENT_COLUMNS)}) ${unnestOf(EVENT_COLUMNS, EVENT_PG_TYPES, 1)}), ` +
  `s as (insert into "consent_state" (${columnList(STATE_COLUMNS)}) ${unnestOf(STATE_COLUMNS, STATE_PG_TYPES, EVENT_COLUMNS.length + 1)} ${STATE_UPSERT}) ` +
  `update "consent_chain_heads" set "last_seq" = $${EVENT_COLUMNS.length + STATE_COLUMNS.length + 1}, "last_hash" = $${EVENT_COLUMNS.length + STATE_COLUMNS.length + 2} ` +
  `where "account_id" = $${EVENT_COLUMNS.length + STATE_COLUMNS.length + 3}`;

function columnArrays(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? null));
}

function valuesOf<T extends object>(row: T, columns: readonly (keyof T)[]): unknown[] {
  return columns.map((c) => row[c]);
}

export function createConsentStore(database: Database): ConsentStore {
  const { db, engine } = database;

  async function lockHead(trx: Kysely<DB>, accountId: string) {
    // Insert-or-ignore first: on SQLite this makes the transaction a writer before it reads (so
    // two appenders serialise instead of failing to upgrade); on PostgreSQL the row then exists
    // for SELECT … FOR UPDATE, which serialises appenders of the same account.
    if (engine === 'postgres') {
      // The head row exists after an account's first append: lock it in one round trip.
      const locked = await trx
        .selectFrom('consent_chain_heads')
        .select(['last_seq', 'last_hash'])
        .where('account_id', '=', accountId)
        .forUpdate()
        .executeTakeFirst();
      if (locked) return { lastSeq: Number(locked.last_seq), lastHash: locked.last_hash };
    }
    await trx
      .insertInto('consent_chain_heads')
      .values({ account_id: accountId, last_seq: 0, last_hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('account_id').doNothing())
      .execute();
    let q = trx.selectFrom('consent_chain_heads').select(['last_seq', 'last_hash']).where('account_id', '=', accountId);
    if (engine === 'postgres') q = q.forUpdate();
    const head = await q.executeTakeFirstOrThrow();
    return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
  }

  return {
    async listFacts(accountId, listIds) {
      const out = new Map<string, { channel: (typeof CHANNELS)[number]; version: number }>();
      for (const ids of chunk(listIds, ID_CHUNK)) {
        const rows = await db
          .selectFrom('lists')
          .select(['id', 'channel', 'version'])
          .where('account_id', '=', accountId)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) out.set(r.id, { channel: ChannelSchema.parse(r.channel), version: Number(r.version) });
      }
      return out;
    },
    async listChannels(accountId, listIds) {
      const out = new Map<string, (typeof CHANNELS)[number]>();
      for (const ids of chunk(listIds, ID_CHUNK)) {
        const rows = await db
          .selectFrom('lists')
          .select(['id', 'channel'])
          .where('account_id', '=', accountId)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) out.set(r.id, ChannelSchema.parse(r.channel));
      }
      return out;
    },

    async formVersions(accountId, formIds) {
      const out = new Map<string, number>();
      for (const ids of chunk(formIds, ID_CHUNK)) {
        const rows = await db
          .selectFrom('forms')
          .select(['id', 'latest_version'])
          .where('account_id', '=', accountId)
          .where('id', 'in', ids)
          .execute();
        for (const r of rows) out.set(r.id, Number(r.latest_version));
      }
      return out;
    },

    async liveContactIds(accountId, contactIds) {
      const out = new Set<string>();
      for (const ids of chunk(contactIds, ID_CHUNK)) {
        const rows = await db
          .selectFrom('contacts')
          .select('id')
          .where('account_id', '=', accountId)
          .where('id', 'in', ids)
          .where('erased_at', 'is', null)
          .execute();
        for (const r of rows) out.add(r.id);
      }
      return out;
    },

    async append(accountId, keys, plan) {
      // Joins the caller's unit of work when there is one (a form sign-up commits its contact,
      // consent and confirmation mail together); the head lock then lasts until that commit.
      return database.transaction(async () => {
        const trx = db;
        const head = await lockHead(trx, accountId);
        const states = new Map<string, ConsentState>();
        const wanted = new Set(keys.map(stateKey));
        for (const ids of chunk([...new Set(keys.map((k) => k.contactId))], ID_CHUNK)) {
          const rows = await trx
            .selectFrom('consent_state')
            .selectAll()
            .where('account_id', '=', accountId)
            .where('contact_id', 'in', ids)
            .execute();
          for (const r of rows) {
            const s = toState(r);
            if (wanted.has(stateKey(s))) states.set(stateKey(s), s);
          }
        }
        const result = plan(head, states);
        const last = result.events[result.events.length - 1];
        if (engine === 'postgres' && last) {
          // One round trip while the head is locked: events, projection and head in one statement.
          await trx.executeQuery(
            CompiledQuery.raw(PG_APPEND_SQL, [
              ...columnArrays(
                result.events.map((e) => valuesOf(toEventRow(e), EVENT_COLUMNS)),
                EVENT_COLUMNS.length,
              ),
              ...columnArrays(
                result.states.map((st) => valuesOf(toStateRow(st), STATE_COLUMNS)),
                STATE_COLUMNS.length,
              ),
              last.seq,
              last.hash,
              accountId,
            ]),
          );
          return result.events;
        }
        await insertRows(
          trx,
          engine,
          'consent_events',
          EVENT_COLUMNS,
          result.events.map((e) => valuesOf(toEventRow(e), EVENT_COLUMNS)),
          { pgTypes: EVENT_PG_TYPES },
        );
        await insertRows(
          trx,
          engine,
          'consent_state',
          STATE_COLUMNS,
          result.states.map((st) => valuesOf(toStateRow(st), STATE_COLUMNS)),
          {
            tail: STATE_UPSERT,
            pgTypes: STATE_PG_TYPES,
          },
        );
        if (last)
          await trx
            .updateTable('consent_chain_heads')
            .set({ last_seq: last.seq, last_hash: last.hash })
            .where('account_id', '=', accountId)
            .execute();
        return result.events;
      });
    },

    async statesForContact(accountId, contactId) {
      const rows = await db
        .selectFrom('consent_state')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('contact_id', '=', contactId)
        .orderBy('list_id')
        .execute();
      return rows.map(toState);
    },

    async eventsForContact(accountId, contactId) {
      const rows = await db
        .selectFrom('consent_events')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('contact_id', '=', contactId)
        .orderBy('seq')
        .execute();
      return rows.map(toEvent);
    },

    async chainHead(accountId) {
      const row = await db
        .selectFrom('consent_chain_heads')
        .select(['last_seq', 'last_hash'])
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return row ? { lastSeq: Number(row.last_seq), lastHash: row.last_hash } : { lastSeq: 0, lastHash: GENESIS_HASH };
    },

    async eventPage(accountId, afterSeq, limit, toSeq) {
      let q = db.selectFrom('consent_events').selectAll().where('account_id', '=', accountId).where('seq', '>', afterSeq);
      if (toSeq !== undefined) q = q.where('seq', '<=', toSeq);
      const rows = await q.orderBy('seq').limit(limit).execute();
      return rows.map(toEvent);
    },

    async chainRows(accountId, afterSeq, limit, toSeq) {
      const raw = database.raw;
      const rows =
        raw.engine === 'sqlite'
          ? (raw.sqlite.prepare(CHAIN_ROWS_SQL.sqlite).raw(true).all(accountId, afterSeq, toSeq, limit) as unknown[][])
          : (
              await raw.pool.query<unknown[]>({
                text: CHAIN_ROWS_SQL.postgres,
                values: [accountId, afterSeq, toSeq, limit],
                rowMode: 'array',
              })
            ).rows;
      for (const r of rows) toChainRow(r);
      return rows;
    },

    async accountsWithChains() {
      const rows = await db.selectFrom('consent_chain_heads').select('account_id').orderBy('account_id').execute();
      return rows.map((r) => r.account_id);
    },
  };
}
