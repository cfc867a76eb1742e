// SQL for the growth series (src/core/consent/growth.ts): the account's consent events since a day,
// counted per UTC day as distinct subscriptions (contact × list) gained and lost. The same on both
// engines: occurred_at is ISO-8601 UTC text, so its first 10 characters are the day and a string
// comparison bounds the window. The scan goes through the (account_id, seq) key of consent_events,
// or the (account_id, list_id, occurred_at) index for one list: one account's events only.
import { sql } from 'kysely';
import { GAINED_KINDS, LOST_KINDS, type GrowthStore } from '../../core/consent/growth.ts';
import type { Database } from '../database.ts';

export function createGrowthStore(database: Database): GrowthStore {
  const { db } = database;
  return {
    async consentChangesByDay(accountId, since, listId) {
      const day = sql<string>`substr(occurred_at, 1, 10)`;
      const subscription = sql`contact_id || ':' || list_id`;
      const distinctWhen = (kinds: readonly string[]) =>
        sql<number | string>`count(distinct case when kind in (${sql.join([...kinds])}) then ${subscription} end)`;
      let q = db
        .selectFrom('consent_events')
        .where('account_id', '=', accountId)
        .where('occurred_at', '>=', since)
        .where('kind', 'in', [...GAINED_KINDS, ...LOST_KINDS]);
      if (listId) q = q.where('list_id', '=', listId);
      const rows = await q
        .select([day.as('day'), distinctWhen(GAINED_KINDS).as('gained'), distinctWhen(LOST_KINDS).as('lost')])
        .groupBy(day)
        .execute();
      return rows.map((r) => ({ day: r.day, gained: Number(r.gained), lost: Number(r.lost) }));
    },
  };
}
