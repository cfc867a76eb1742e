// SQL for contacts, the same on both engines. Every query is scoped to one account.
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { CHANNELS } from '../../core/consent/types.ts';
import {
  CONTACT_STATUSES,
  type ContactRecord,
  type ContactSearch,
  type ContactStatus,
  type ContactStore,
} from '../../core/contacts/types.ts';
import type { Database, Engine } from '../database.ts';
import type { ContactsTable } from '../schema/contacts.ts';
import { chunk, toState } from './consent.ts';
import { PLATFORM_WIDE } from './suppression.ts';

const AttributesJson = z.record(z.string(), z.unknown());

export function toContactRecord(r: ContactsTable): ContactRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    email: r.email,
    phone: r.phone,
    emailHash: r.email_hash,
    phoneHash: r.phone_hash,
    attributes: AttributesJson.parse(JSON.parse(r.attributes)),
    language: r.language,
    timeZone: r.time_zone,
    createdAt: r.created_at,
    erasedAt: r.erased_at,
  };
}

/** True when the error is a unique-constraint violation on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Below this many characters a search matches only address / name prefixes (cheap); from it on, substrings too. */
export const MIN_SUBSTRING_SEARCH = 3;
const ID_CHUNK = 1_000;
const StatusSchema = z.enum(CONTACT_STATUSES);
const ChannelSchema = z.enum(CHANNELS);
/** Above every character an address holds: the upper bound of a prefix range. */
const RANGE_END = '\u{10FFFF}';

/** `%`, `_` and the escape character itself, escaped for LIKE … ESCAPE '\\'. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The display name from the attributes imports (firstName/lastName) and forms (first_name/last_name) write. */
function nameSql(engine: Engine): RawBuilder<string> {
  const attr = (key: string) =>
    engine === 'postgres' ? sql`(c.attributes::jsonb ->> ${key})` : sql`json_extract(c.attributes, ${`$."${key}"`})`;
  return sql<string>`lower(coalesce(${attr('firstName')}, ${attr('first_name')}, '') || ' ' || coalesce(${attr('lastName')}, ${attr('last_name')}, '') || ' ' || coalesce(${attr('name')}, ''))`;
}

/**
 * The search condition. Addresses are stored lower-cased, so an address prefix is a range on
 * the (account_id, email|phone) unique indexes; the LIKE beside it keeps the match exact whatever
 * the column collation. Substrings (and names, kept in the JSON attributes) are a scan of the
 * account's rows, so they start only at MIN_SUBSTRING_SEARCH characters; q is capped by the route.
 */
function searchSql(engine: Engine, q: string): RawBuilder<unknown> {
  const prefix = `${escapeLike(q)}%`;
  const byPrefix = (col: 'email' | 'phone') =>
    sql`(c.${sql.ref(col)} >= ${q} and c.${sql.ref(col)} < ${q + RANGE_END} and c.${sql.ref(col)} like ${prefix} escape '\\')`;
  const name = nameSql(engine);
  if (q.length < MIN_SUBSTRING_SEARCH) {
    return sql`(${byPrefix('email')} or ${byPrefix('phone')} or ${name} like ${prefix} escape '\\' or ${name} like ${`% ${prefix}`} escape '\\')`;
  }
  const inside = `%${escapeLike(q)}%`;
  return sql`(${byPrefix('email')} or c.email like ${inside} escape '\\' or c.phone like ${inside} escape '\\' or ${name} like ${inside} escape '\\')`;
}

/** The status column (see ContactStatus for the precedence); `s` = the list's consent_state row. */
function statusSql(accountId: string, list: ContactSearch['list']): RawBuilder<string> {
  if (list) {
    const hash = list.channel === 'sms' ? sql.ref('c.phone_hash') : sql.ref('c.email_hash');
    return sql<string>`case
      when exists (select 1 from suppressions x where x.account_id in (${accountId}, ${PLATFORM_WIDE}) and x.address_hash = ${hash}) then 'suppressed'
      when s.status is null then 'none'
      when s.status = 'withdrawn' then 'withdrawn'
      when s.hold is not null then 'held'
      when s.status in ('active', 'pending') then s.status
      else 'none' end`;
  }
  const has = (cond: RawBuilder<unknown>) =>
    sql`exists (select 1 from consent_state s where s.account_id = c.account_id and s.contact_id = c.id and ${cond})`;
  return sql<string>`case
    when exists (select 1 from suppressions x where x.account_id in (${accountId}, ${PLATFORM_WIDE}) and x.address_hash in (c.email_hash, c.phone_hash)) then 'suppressed'
    when ${has(sql`s.status = 'active' and s.hold is null`)} then 'active'
    when ${has(sql`s.status <> 'withdrawn' and s.hold is not null`)} then 'held'
    when ${has(sql`s.status = 'pending'`)} then 'pending'
    when ${has(sql`s.status = 'withdrawn'`)} then 'withdrawn'
    else 'none' end`;
}

/** The matching contacts with their status column, as a derived table `t`. */
/** Consent given (requested or granted) through the source, on the list when one is set. */
function sourceSql(source: NonNullable<ContactSearch['source']>, list: ContactSearch['list']): RawBuilder<unknown> {
  const onList = list ? sql`and e.list_id = ${list.id}` : sql``;
  return sql`exists (select 1 from consent_events e where e.account_id = c.account_id and e.contact_id = c.id
    and e.source_type = ${source} and e.kind in ('requested', 'granted') ${onList})`;
}

function matchingSql(
  engine: Engine,
  accountId: string,
  search: Pick<ContactSearch, 'q' | 'list' | 'source'>,
): RawBuilder<unknown> {
  const join = search.list
    ? // A list's contacts are its members: those with a consent state on it (any status).
      sql`join consent_state s on s.account_id = c.account_id and s.contact_id = c.id and s.list_id = ${search.list.id} and s.channel = ${search.list.channel}`
    : sql``;
  const where = sql`${search.q ? sql`and ${searchSql(engine, search.q)}` : sql``} ${search.source ? sql`and ${sourceSql(search.source, search.list)}` : sql``}`;
  // An erased contact is gone for the customer (the row stays only as the ledger's anchor).
  return sql`(select c.*, ${statusSql(accountId, search.list)} as status from contacts c ${join} where c.account_id = ${accountId} and c.erased_at is null ${where}) t`;
}

export function createContactStore(database: Database): ContactStore {
  const { db, engine } = database;
  return {
    async insert(c) {
      try {
        const res = await db
          .insertInto('contacts')
          .values({
            id: c.id,
            account_id: c.accountId,
            email: c.email,
            phone: c.phone,
            email_hash: c.emailHash,
            phone_hash: c.phoneHash,
            attributes: JSON.stringify(c.attributes),
            language: c.language,
            time_zone: c.timeZone,
            created_at: c.createdAt,
            erased_at: c.erasedAt,
          })
          // A taken address is not an error: inside a unit of work a failed statement would abort
          // the whole PostgreSQL transaction, so the conflict is reported by the row count.
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
    async get(accountId, id) {
      const r = await db
        .selectFrom('contacts')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toContactRecord(r) : null;
    },
    async findByAddress(accountId, { email, phone }) {
      if (!email && !phone) return [];
      const rows = await db
        .selectFrom('contacts')
        .selectAll()
        .where('account_id', '=', accountId)
        .where((eb) => {
          const ors = [];
          if (email) ors.push(eb('email', '=', email));
          if (phone) ors.push(eb('phone', '=', phone));
          return eb.or(ors);
        })
        .orderBy('created_at')
        .execute();
      return rows.map(toContactRecord);
    },
    async update(accountId, id, p) {
      const set: Partial<ContactsTable> = {};
      if (p.email !== undefined) set.email = p.email;
      if (p.phone !== undefined) set.phone = p.phone;
      if (p.emailHash !== undefined) set.email_hash = p.emailHash;
      if (p.phoneHash !== undefined) set.phone_hash = p.phoneHash;
      if (p.attributes !== undefined) set.attributes = JSON.stringify(p.attributes);
      if (p.language !== undefined) set.language = p.language;
      if (p.timeZone !== undefined) set.time_zone = p.timeZone;
      if (p.erasedAt !== undefined) set.erased_at = p.erasedAt;
      if (Object.keys(set).length === 0) return true;
      const r = await db
        .updateTable('contacts')
        .set(set)
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async page(accountId, { after, limit }) {
      let q = db.selectFrom('contacts').selectAll().where('account_id', '=', accountId);
      if (after) q = q.where('id', '>', after);
      return (await q.orderBy('id').limit(limit).execute()).map(toContactRecord);
    },
    async listChannel(accountId, listId) {
      const r = await db
        .selectFrom('lists')
        .select('channel')
        .where('account_id', '=', accountId)
        .where('id', '=', listId)
        .executeTakeFirst();
      return r ? ChannelSchema.parse(r.channel) : null;
    },
    async search(accountId, search) {
      const status = search.status ? sql`and t.status = ${search.status}` : sql``;
      const after = search.after ? sql`and t.id > ${search.after}` : sql``;
      const { rows } = await sql<ContactsTable & { status: string }>`select * from ${matchingSql(engine, accountId, search)}
        where 1 = 1 ${status} ${after} order by t.id limit ${search.limit}`.execute(db);
      return rows.map((r) => ({ ...toContactRecord(r), status: StatusSchema.parse(r.status) }));
    },
    async countByStatus(accountId, search) {
      const { rows } = await sql<{
        status: string;
        n: number | string;
      }>`select t.status, count(*) as n from ${matchingSql(engine, accountId, search)}
        group by t.status`.execute(db);
      const counts: Partial<Record<ContactStatus, number>> = {};
      for (const r of rows) counts[StatusSchema.parse(r.status)] = Number(r.n);
      return counts;
    },
    async statesFor(accountId, contactIds) {
      const out = [];
      for (const ids of chunk([...new Set(contactIds)], ID_CHUNK)) {
        const rows = await db
          .selectFrom('consent_state')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('contact_id', 'in', ids)
          .execute();
        out.push(...rows.map(toState));
      }
      return out;
    },
  };
}
