// SQL for the consent intake log (CON-13): rate limit and rolling review window of API consent,
// the same on both engines. The review batch is an imports row (status 'held' while it waits).
import { GENESIS_HASH } from '../../core/consent/canonical.ts';
import type { IntakeStore } from '../../core/consent/intake.ts';
import type { Database } from '../database.ts';

export function createIntakeStore(database: Database): IntakeStore {
  const { db, engine } = database;
  const count = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
  return {
    unitOfWork: (fn) => database.transaction(fn),

    async lockAccount(accountId) {
      // The consent append's lock: insert-or-ignore makes a SQLite transaction a writer at once;
      // PostgreSQL then locks the head row until the unit commits.
      await db
        .insertInto('consent_chain_heads')
        .values({ account_id: accountId, last_seq: 0, last_hash: GENESIS_HASH })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .execute();
      if (engine === 'postgres')
        await db.selectFrom('consent_chain_heads').select('account_id').where('account_id', '=', accountId).forUpdate().execute();
    },

    async countSince(accountId, since) {
      return count(
        await db
          .selectFrom('consent_intake_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('account_id', '=', accountId)
          .where('recorded_at', '>', since)
          .executeTakeFirst(),
      );
    },

    async countUnbatchedSince(accountId, since) {
      return count(
        await db
          .selectFrom('consent_intake_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('account_id', '=', accountId)
          .where('recorded_at', '>', since)
          .where('batch_id', 'is', null)
          .executeTakeFirst(),
      );
    },

    async openBatch(accountId) {
      const r = await db
        .selectFrom('consent_intake_log as l')
        .innerJoin('imports as i', 'i.id', 'l.batch_id')
        .select(['l.batch_id as id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('l.account_id', '=', accountId)
        .where('i.status', '=', 'held')
        .groupBy('l.batch_id')
        .limit(1)
        .executeTakeFirst();
      return r && r.id ? { id: r.id, count: Number(r.n) } : null;
    },

    async holdUnbatched(accountId, batchId, since) {
      await db
        .updateTable('consent_state')
        .set({ hold: batchId })
        .where('account_id', '=', accountId)
        .where('hold', 'is', null)
        .where('status', '!=', 'withdrawn')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('consent_intake_log as l')
              .select('l.id')
              .where('l.account_id', '=', accountId)
              .where('l.recorded_at', '>', since)
              .where('l.batch_id', 'is', null)
              .whereRef('l.contact_id', '=', 'consent_state.contact_id')
              .whereRef('l.list_id', '=', 'consent_state.list_id'),
          ),
        )
        .execute();
      const res = await db
        .updateTable('consent_intake_log')
        .set({ batch_id: batchId })
        .where('account_id', '=', accountId)
        .where('recorded_at', '>', since)
        .where('batch_id', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    async insert(row) {
      await db
        .insertInto('consent_intake_log')
        .values({
          id: row.id,
          account_id: row.accountId,
          recorded_at: row.recordedAt,
          contact_id: row.contactId,
          list_id: row.listId,
          source_id: row.sourceId,
          batch_id: row.batchId,
        })
        .execute();
    },
  };
}
