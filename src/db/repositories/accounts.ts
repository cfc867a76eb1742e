// Accounts and their ACC-01 policy acceptances; createAccountsStore wires every account-area
// repository into the core's AccountsStore port.
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { AccountRowsStore, AccountsStore } from '../../core/accounts/ports.ts';
import type { AccountRecord, PolicyAcceptance } from '../../core/accounts/types.ts';
import type { AccountsTable } from '../schema/accounts.ts';
import type { DB } from '../schema/index.ts';
import { createApiKeysStore } from './api-keys.ts';
import { createTeamStore } from './invitations.ts';
import { createSessionsStore } from './sessions.ts';
import { createUserTokensStore } from './user-tokens.ts';
import { createUsersStore, isUniqueViolation, userRow } from './users.ts';

const RestrictedServices = z.array(z.string());
const PolicyDocumentSchema = z.enum(['terms', 'anti-spam']);

export function toAccountRecord(row: Selectable<AccountsTable>): AccountRecord {
  return {
    id: row.id,
    name: row.name,
    postalAddress: row.postal_address,
    industry: row.industry,
    declaredSending: row.declared_sending,
    standing: row.standing,
    restrictedServices: RestrictedServices.parse(JSON.parse(row.restricted_services)),
    review: row.review,
    refundEligible: row.refund_eligible === 1,
    featureNewsOptOut: row.feature_news_opt_out === 1,
    language: row.language,
    defaultCountry: row.default_country ?? null,
    privacyPolicyUrl: row.privacy_policy_url ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createAccountRowsStore(db: Kysely<DB>): AccountRowsStore {
  async function get(accountId: string) {
    const row = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
    return row ? toAccountRecord(row) : null;
  }
  return {
    get,
    async createWithOwner({ account, user, acceptances }) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('accounts')
            .values({
              id: account.id,
              name: account.name,
              postal_address: account.postalAddress,
              industry: account.industry,
              declared_sending: account.declaredSending,
              review: account.review,
              language: account.language,
              created_at: account.createdAt,
              updated_at: account.createdAt,
            })
            .execute();
          await trx.insertInto('users').values(userRow(user)).execute();
          await trx
            .insertInto('memberships')
            .values({ account_id: account.id, user_id: user.id, role: 'owner', created_at: account.createdAt })
            .execute();
          await trx
            .insertInto('policy_acceptances')
            .values(
              acceptances.map((a) => ({
                id: a.id,
                account_id: a.accountId,
                user_id: a.userId,
                document: a.document,
                version: a.version,
                accepted_at: a.acceptedAt,
                ip: a.ip,
                user_agent: a.userAgent,
              })),
            )
            .execute();
        });
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'email-taken';
        throw err;
      }
    },
    async update(accountId, patch, updatedAt) {
      const set: Partial<{
        name: string;
        postal_address: string;
        language: string;
        feature_news_opt_out: number;
        default_country: string | null;
        privacy_policy_url: string | null;
        updated_at: string;
      }> = { updated_at: updatedAt };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.postalAddress !== undefined) set.postal_address = patch.postalAddress;
      if (patch.language !== undefined) set.language = patch.language;
      if (patch.featureNewsOptOut !== undefined) set.feature_news_opt_out = patch.featureNewsOptOut ? 1 : 0;
      if (patch.defaultCountry !== undefined) set.default_country = patch.defaultCountry;
      if (patch.privacyPolicyUrl !== undefined) set.privacy_policy_url = patch.privacyPolicyUrl;
      await db.updateTable('accounts').set(set).where('id', '=', accountId).execute();
      return get(accountId);
    },
    async acceptances(accountId) {
      const rows = await db
        .selectFrom('policy_acceptances')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('document')
        .execute();
      return rows.map((r): PolicyAcceptance => ({
        id: r.id,
        accountId: r.account_id,
        userId: r.user_id,
        document: PolicyDocumentSchema.parse(r.document),
        version: r.version,
        acceptedAt: r.accepted_at,
        ip: r.ip,
        userAgent: r.user_agent,
      }));
    },
  };
}

/** Every account-area repository over one database. */
export function createAccountsStore(db: Kysely<DB>): AccountsStore {
  return {
    accounts: createAccountRowsStore(db),
    users: createUsersStore(db),
    sessions: createSessionsStore(db),
    apiKeys: createApiKeysStore(db),
    team: createTeamStore(db),
    userTokens: createUserTokensStore(db),
  };
}
