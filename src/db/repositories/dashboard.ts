// SQL for the dashboard's growth (issue 13 §9): the account's consent events since a day, counted
// per UTC day as gained and lost. The same on both engines: occurred_at is ISO-8601 UTC text, so
// its first 10 characters are the day and a string comparison bounds the window.
// The scan goes through the (account_id, seq) key of consent_events: one account's events only.
import { sql } from 'kysely';
import { GAINED_KINDS, LOST_KINDS, type GrowthStore } from '../../core/dashboard/growth.ts';
import type { Database } from '../database.ts';

export function createGrowthStore(database: Database): GrowthStore {
  const { db } = database;
  return {
    async consentChangesByDay(accountId, since, listId) {
      const day = sql<string>`substr(occurred_at, 1, 10)`;
      let q = db
        .selectFrom('consent_events')
        .where('account_id', '=', accountId)
        .where('occurred_at', '>=', since)
        .where('kind', 'in', [...GAINED_KINDS, ...LOST_KINDS]);
      if (listId) q = q.where('list_id', '=', listId);
      const rows = await q
        .select((eb) => [
          day.as('day'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when('kind', 'in', [...GAINED_KINDS])
                .then(1)
                .else(0)
                .end(),
            )
            .as('gained'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when('kind', 'in', [...LOST_KINDS])
                .then(1)
                .else(0)
                .end(),
            )
            .as('lost'),
        ])
        .groupBy(day)
        .execute();
      return rows.map((r) => ({ day: r.day, gained: Number(r.gained ?? 0), lost: Number(r.lost ?? 0) }));
    },
  };
}
