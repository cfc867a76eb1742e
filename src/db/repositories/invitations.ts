// Team: memberships and invitations of one account (ACC-03). Account-scoped queries go through
// forAccount(accountId); the unscoped lookup by token digest is how an invitee finds theirs.
import type { Kysely, Selectable } from 'kysely';
import type { TeamStore } from '../../core/accounts/ports.ts';
import type { InvitationRecord } from '../../core/accounts/types.ts';
import type { InvitationsTable } from '../schema/accounts.ts';
import type { DB } from '../schema/index.ts';
import { isUniqueViolation, userRow } from './users.ts';

function toInvitation(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    role: row.role,
    tokenHash: row.token_hash,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
  };
}

class Outcome extends Error {
  readonly outcome: 'gone' | 'email-taken';
  constructor(outcome: 'gone' | 'email-taken') {
    super(outcome);
    this.outcome = outcome;
  }
}

export function createTeamStore(db: Kysely<DB>): TeamStore {
  return {
    forAccount(accountId) {
      const membersQuery = () =>
        db
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['m.user_id', 'u.email', 'u.name', 'm.role'])
          .where('m.account_id', '=', accountId);
      return {
        async members() {
          const rows = await membersQuery().orderBy('m.created_at').orderBy('u.email').execute();
          return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role }));
        },
        async member(userId) {
          const r = await membersQuery().where('m.user_id', '=', userId).executeTakeFirst();
          return r ? { userId: r.user_id, email: r.email, name: r.name, role: r.role } : null;
        },
        async removeMember(userId) {
          return db.transaction().execute(async (trx) => {
            const r = await trx
              .deleteFrom('memberships')
              .where('account_id', '=', accountId)
              .where('user_id', '=', userId)
              .executeTakeFirst();
            await trx.deleteFrom('sessions').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
            return Number(r.numDeletedRows) > 0;
          });
        },
        async pendingInvitations(now) {
          const rows = await db
            .selectFrom('invitations')
            .selectAll()
            .where('account_id', '=', accountId)
            .where('accepted_at', 'is', null)
            .where('expires_at', '>', now)
            .orderBy('created_at')
            .execute();
          return rows.map(toInvitation);
        },
        async invite(inv) {
          await db.transaction().execute(async (trx) => {
            await trx
              .deleteFrom('invitations')
              .where('account_id', '=', accountId)
              .where('email', '=', inv.email)
              .where('accepted_at', 'is', null)
              .execute();
            await trx
              .insertInto('invitations')
              .values({
                id: inv.id,
                account_id: accountId,
                email: inv.email,
                role: inv.role,
                token_hash: inv.tokenHash,
                invited_by: inv.invitedBy,
                created_at: inv.createdAt,
                expires_at: inv.expiresAt,
                accepted_at: null,
              })
              .execute();
          });
        },
        async deleteInvitation(invitationId) {
          const r = await db
            .deleteFrom('invitations')
            .where('id', '=', invitationId)
            .where('account_id', '=', accountId)
            .where('accepted_at', 'is', null)
            .executeTakeFirst();
          return Number(r.numDeletedRows) > 0;
        },
      };
    },
    async invitationByTokenHash(tokenHash) {
      const row = await db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async acceptInvitation({ invitation, userId, newUser, at }) {
      try {
        await db.transaction().execute(async (trx) => {
          const r = await trx
            .updateTable('invitations')
            .set({ accepted_at: at })
            .where('id', '=', invitation.id)
            .where('accepted_at', 'is', null)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) === 0) throw new Outcome('gone');
          if (newUser) {
            try {
              await trx.insertInto('users').values(userRow(newUser)).execute();
            } catch (err) {
              if (isUniqueViolation(err)) throw new Outcome('email-taken');
              throw err;
            }
          }
          await trx
            .insertInto('memberships')
            .values({ account_id: invitation.accountId, user_id: userId, role: invitation.role, created_at: at })
            .onConflict((oc) => oc.columns(['account_id', 'user_id']).doNothing())
            .execute();
        });
        return 'accepted';
      } catch (err) {
        if (err instanceof Outcome) return err.outcome;
        throw err;
      }
    },
  };
}
