// SQL for account standing (ACC-04..06) and the operator's account views. A standing change, its
// refund consequence and its audit entry commit together or not at all.
import { sql, type Kysely } from 'kysely';
import {
  RestrictedServicesSchema,
  type AccountStandingRecord,
  type OperatorAccountRow,
  type StandingStore,
} from '../../core/standing/types.ts';
import type { DB } from '../schema/index.ts';
import { insertAuditRow } from './audit.ts';
import { getBillingRecord, markNoRefund } from './billing.ts';

export function createStandingRepository(db: Kysely<DB>): StandingStore {
  const ownerEmail = sql<
    string | null
  >`(select min(u.email) from memberships m join users u on u.id = m.user_id where m.account_id = accounts.id and m.role = 'owner')`;

  function operatorQuery() {
    return db
      .selectFrom('accounts')
      .select([
        'id',
        'name',
        'standing',
        'restricted_services',
        'review',
        'refund_eligible',
        'created_at',
        'postal_address',
        'industry',
        'declared_sending',
        'language',
        ownerEmail.as('owner_email'),
      ]);
  }

  type Row = {
    id: string;
    name: string;
    standing: AccountStandingRecord['standing'];
    restricted_services: string;
    review: AccountStandingRecord['review'];
    refund_eligible: number;
    created_at: string;
  };
  function toRecord(r: Row): AccountStandingRecord {
    return {
      id: r.id,
      name: r.name,
      standing: r.standing,
      // Parsed, not trusted: a bad value throws, and the gate then fails closed.
      restrictedServices: RestrictedServicesSchema.parse(JSON.parse(r.restricted_services)),
      review: r.review,
      refundEligible: Number(r.refund_eligible) === 1,
      createdAt: r.created_at,
    };
  }
  function toOperatorRow(
    r: Row & { postal_address: string; industry: string; declared_sending: string; language: string; owner_email: string | null },
  ): OperatorAccountRow {
    return {
      ...toRecord(r),
      ownerEmail: r.owner_email,
      postalAddress: r.postal_address,
      industry: r.industry,
      declaredSending: r.declared_sending,
      language: r.language,
    };
  }

  return {
    async getAccount(accountId) {
      const r = await db
        .selectFrom('accounts')
        .select(['id', 'name', 'standing', 'restricted_services', 'review', 'refund_eligible', 'created_at'])
        .where('id', '=', accountId)
        .executeTakeFirst();
      return r ? toRecord(r) : null;
    },

    async getOperatorAccount(accountId) {
      const r = await operatorQuery().where('id', '=', accountId).executeTakeFirst();
      return r ? toOperatorRow(r) : null;
    },

    async listAccounts(filter) {
      let q = operatorQuery();
      if (filter.standing) q = q.where('standing', '=', filter.standing);
      if (filter.review) q = q.where('review', '=', filter.review);
      if (filter.q) {
        // The same on both engines: lower() + LIKE, the user's wildcards escaped.
        const needle = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) =>
          eb.or([
            eb(sql`lower(name)`, 'like', sql`${needle} escape '\\'`),
            eb(sql`lower(${ownerEmail})`, 'like', sql`${needle} escape '\\'`),
          ]),
        );
      }
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
      return rows.map(toOperatorRow);
    },

    async applyChange(change) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('accounts')
          .set({
            standing: change.to,
            restricted_services: JSON.stringify(change.restrictedServices),
            updated_at: change.at,
            ...(change.noRefundNote !== undefined ? { refund_eligible: 0 } : {}),
          })
          .where('id', '=', change.accountId)
          .where('standing', '=', change.expectedFrom)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        if (change.noRefundNote !== undefined) await markNoRefund(trx, change.accountId, change.noRefundNote, change.at);
        await insertAuditRow(trx, change.audit);
        return true;
      });
    },

    async applyReview(change) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('accounts')
          .set({ review: change.to, updated_at: change.at })
          .where('id', '=', change.accountId)
          .where('review', '=', 'pending')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        await insertAuditRow(trx, change.audit);
        return true;
      });
    },

    getBilling: (accountId) => getBillingRecord(db, accountId),
  };
}
