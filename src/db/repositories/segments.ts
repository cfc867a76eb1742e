// SQL for segments: a saved filter is evaluated in SQL over contacts and consent_state.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { SegmentFilterSchema, type Segment, type SegmentCondition, type SegmentStore } from '../../core/segments/types.ts';
import type { Database, Engine } from '../database.ts';
import type { DB } from '../schema/index.ts';
import type { SegmentsTable } from '../schema/lists.ts';
import { toContactRecord } from './contacts.ts';

type Eb = ExpressionBuilder<DB & { c: DB['contacts'] }, 'c'>;

const toSegment = (r: SegmentsTable): Segment => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  filter: SegmentFilterSchema.parse(JSON.parse(r.filter)),
  createdAt: r.created_at,
});

export function conditionSql(engine: Engine, eb: Eb, cond: SegmentCondition): Expression<SqlBool> {
  switch (cond.type) {
    case 'has-attribute': {
      // The key is restricted to [A-Za-z0-9_-] by the schema and is still passed as a parameter.
      const present =
        engine === 'postgres'
          ? sql<SqlBool>`jsonb_exists(c.attributes::jsonb, ${cond.key})`
          : sql<SqlBool>`json_type(c.attributes, ${`$."${cond.key}"`}) is not null`;
      return cond.present ? present : sql<SqlBool>`not (${present})`;
    }
    case 'attribute': {
      const path = `$."${cond.key}"`;
      const equal =
        engine === 'postgres'
          ? sql<SqlBool>`(c.attributes::jsonb -> ${cond.key}) = ${JSON.stringify(cond.value)}::jsonb`
          : sql<SqlBool>`coalesce(json_extract(c.attributes, ${path}) = ${typeof cond.value === 'boolean' ? (cond.value ? 1 : 0) : cond.value}, 0)`;
      return cond.op === 'eq' ? equal : sql<SqlBool>`not (${equal})`;
    }
    case 'consent': {
      const base = eb
        .selectFrom('consent_state as s')
        .select(sql`1`.as('one'))
        .whereRef('s.contact_id', '=', 'c.id')
        .where('s.list_id', '=', cond.listId);
      return cond.status === 'none' ? eb.not(eb.exists(base)) : eb.exists(base.where('s.status', '=', cond.status));
    }
    case 'consent-granted': {
      const op = cond.op === 'before' ? '<' : '>';
      return eb.exists(
        eb
          .selectFrom('consent_state as s')
          .select(sql`1`.as('one'))
          .whereRef('s.contact_id', '=', 'c.id')
          .where('s.list_id', '=', cond.listId)
          .where('s.granted_at', op, cond.at),
      );
    }
    case 'created':
      return eb('c.created_at', cond.op === 'before' ? '<' : '>', cond.at);
    case 'language':
      return eb('c.language', '=', cond.value);
  }
}

export function createSegmentStore(database: Database): SegmentStore {
  const { db, engine } = database;
  return {
    async insert(s) {
      await db
        .insertInto('segments')
        .values({ id: s.id, account_id: s.accountId, name: s.name, filter: JSON.stringify(s.filter), created_at: s.createdAt })
        .execute();
    },
    async get(accountId, id) {
      const r = await db
        .selectFrom('segments')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toSegment(r) : null;
    },
    async list(accountId) {
      return (
        await db.selectFrom('segments').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute()
      ).map(toSegment);
    },
    async evaluate(accountId, filter, { after, limit }) {
      let q = db
        .selectFrom('contacts as c')
        .selectAll('c')
        .where('c.account_id', '=', accountId)
        .where('c.erased_at', 'is', null)
        .where((eb) => eb.and(filter.all.map((cond) => conditionSql(engine, eb as unknown as Eb, cond))));
      if (after) q = q.where('c.id', '>', after);
      return (await q.orderBy('c.id').limit(limit).execute()).map(toContactRecord);
    },
  };
}
