// Sessions: the id is the SHA-256 of the cookie token (SEC-01); the token never reaches the database.
import type { Kysely } from 'kysely';
import type { SessionsStore } from '../../core/accounts/ports.ts';
import type { DB } from '../schema/index.ts';

export function createSessionsStore(db: Kysely<DB>): SessionsStore {
  return {
    async create(s) {
      await db.transaction().execute(async (trx) => {
        // Housekeeping on sign-in: the user's expired sessions go.
        await trx.deleteFrom('sessions').where('user_id', '=', s.userId).where('expires_at', '<=', s.createdAt).execute();
        await trx
          .insertInto('sessions')
          .values({
            id: s.id,
            user_id: s.userId,
            account_id: s.accountId,
            created_at: s.createdAt,
            expires_at: s.expiresAt,
            ip: s.ip,
            user_agent: s.userAgent,
          })
          .execute();
      });
    },
    async resolve(sessionId, now) {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .leftJoin('memberships as m', (join) =>
          join.onRef('m.account_id', '=', 's.account_id').onRef('m.user_id', '=', 's.user_id'),
        )
        .select(['s.id', 's.user_id', 's.account_id', 'm.role', 'u.platform_role'])
        .where('s.id', '=', sessionId)
        .where('s.expires_at', '>', now)
        .executeTakeFirst();
      if (!row) return null;
      // A session whose membership is gone keeps the user signed in, with no account selected.
      const member = row.role !== null && row.role !== undefined;
      return {
        sessionId: row.id,
        userId: row.user_id,
        accountId: member ? row.account_id : null,
        accountRole: member ? row.role : null,
        platformRole: row.platform_role,
      };
    },
    async setAccount(sessionId, accountId) {
      await db.updateTable('sessions').set({ account_id: accountId }).where('id', '=', sessionId).execute();
    },
    async delete(sessionId) {
      await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    },
  };
}
