// Single-use mailed tokens (verify-email, password-reset), stored as SHA-256 digests. Consuming a
// token and applying its effect happen in one transaction (SEC-03: nothing half-written).
import type { Kysely } from 'kysely';
import type { UserTokensStore } from '../../core/accounts/ports.ts';
import type { UserTokenPurpose } from '../../core/accounts/types.ts';
import type { DB } from '../schema/index.ts';

type Trx = Parameters<Parameters<ReturnType<Kysely<DB>['transaction']>['execute']>[0]>[0];

/** Marks a valid, unused, unexpired token used; returns its user, or null. */
async function consume(trx: Trx, tokenHash: string, purpose: UserTokenPurpose, now: string): Promise<string | null> {
  const row = await trx
    .selectFrom('user_tokens')
    .select('user_id')
    .where('id', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  const r = await trx
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('id', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? row.user_id : null;
}

export function createUserTokensStore(db: Kysely<DB>): UserTokensStore {
  return {
    async create(t) {
      await db
        .insertInto('user_tokens')
        .values({
          id: t.id,
          user_id: t.userId,
          purpose: t.purpose,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          used_at: null,
        })
        .execute();
    },
    async verifyEmail(tokenHash, now) {
      return db.transaction().execute(async (trx) => {
        const userId = await consume(trx, tokenHash, 'verify-email', now);
        if (!userId) return null;
        await trx
          .updateTable('users')
          .set({ email_verified_at: now })
          .where('id', '=', userId)
          .where('email_verified_at', 'is', null)
          .execute();
        return userId;
      });
    },
    async resetPassword(tokenHash, passwordHash, now) {
      return db.transaction().execute(async (trx) => {
        const userId = await consume(trx, tokenHash, 'password-reset', now);
        if (!userId) return null;
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
        // Other outstanding reset links die with this one; every session ends.
        await trx
          .updateTable('user_tokens')
          .set({ used_at: now })
          .where('user_id', '=', userId)
          .where('purpose', '=', 'password-reset')
          .where('used_at', 'is', null)
          .execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        // The reset link was mailed to the address, so it is now proven too.
        await trx
          .updateTable('users')
          .set({ email_verified_at: now })
          .where('id', '=', userId)
          .where('email_verified_at', 'is', null)
          .execute();
        return userId;
      });
    },
  };
}
