// CON-11: start stamps spent on a stored sign-up. Runs inside the sign-up's unit of work, so a
// sign-up that fails leaves its stamp unspent. Two concurrent uses of one stamp: the primary key
// makes the second insert wait for the first's commit and then do nothing (PostgreSQL), or run
// after it (SQLite's single writer); either way exactly one sign-up is stored.
import type { UsedStartStamps } from '../../core/forms/bot-defence.ts';
import type { Database } from '../database.ts';

export function createUsedStartStampStore(database: Database): UsedStartStamps {
  const { db } = database;
  return {
    async markUsed({ stamp, formId, expiresAt }, now) {
      // Expired stamps are refused before they get here; their rows only take room.
      await db
        .deleteFrom('used_start_stamps')
        .where('form_id', '=', formId)
        .where('expires_at', '<', now.toISOString())
        .execute();
      const inserted = await db
        .insertInto('used_start_stamps')
        .values({ stamp, form_id: formId, expires_at: expiresAt })
        .onConflict((oc) => oc.column('stamp').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },
  };
}
