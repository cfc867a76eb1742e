// Users: the people who sign in (customers and platform operators). Emails are stored lower-cased.
import type { Kysely, Selectable } from 'kysely';
import type { UsersStore, NewUser } from '../../core/accounts/ports.ts';
import type { UserRecord } from '../../core/accounts/types.ts';
import type { DB } from '../schema/index.ts';
import type { UsersTable } from '../schema/accounts.ts';

/** A unique-constraint violation on either engine (SQLite SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function toUserRecord(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    name: row.name,
    emailVerifiedAt: row.email_verified_at,
    platformRole: row.platform_role,
    language: row.language,
    createdAt: row.created_at,
  };
}

export function userRow(u: NewUser) {
  return {
    id: u.id,
    email: u.email,
    password_hash: u.passwordHash,
    name: u.name,
    email_verified_at: u.emailVerifiedAt,
    platform_role: u.platformRole,
    language: u.language,
    created_at: u.createdAt,
  };
}

export function createUsersStore(db: Kysely<DB>): UsersStore {
  return {
    async byEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toUserRecord(row) : null;
    },
    async byId(userId) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
      return row ? toUserRecord(row) : null;
    },
    async create(user) {
      try {
        await db.insertInto('users').values(userRow(user)).execute();
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'email-taken';
        throw err;
      }
    },
    async setPassword(userId, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    },
    async changePassword(userId, passwordHash, keepSessionId) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
      });
    },
    async setPlatformRole(userId, role) {
      await db.updateTable('users').set({ platform_role: role }).where('id', '=', userId).execute();
    },
    async setLanguage(userId, language) {
      await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
    },
    async anyOperator() {
      const row = await db.selectFrom('users').select('id').where('platform_role', 'is not', null).limit(1).executeTakeFirst();
      return row !== undefined;
    },
    async memberships(userId) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('accounts as a', 'a.id', 'm.account_id')
        .select(['m.account_id', 'a.name', 'm.role', 'm.created_at'])
        .where('m.user_id', '=', userId)
        .orderBy('m.created_at')
        .orderBy('m.account_id')
        .execute();
      return rows.map((r) => ({ accountId: r.account_id, accountName: r.name, role: r.role }));
    },
  };
}
