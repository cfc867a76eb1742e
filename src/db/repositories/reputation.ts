// SQL for reputation (REP-04..06): per-campaign counts from delivery records and complaints, and
// the campaign holds. The same on both engines.
import { HOLD_LIFT_ACTION } from '../../core/reputation/service.ts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { ReputationStore } from '../../core/reputation/types.ts';
import { STANDING_ACTION_PREFIX } from '../../core/standing/standing-service.ts';
import type { Database } from '../database.ts';
import type { DB } from '../schema/index.ts';
import { chunk } from './consent.ts';

/** Operator actions after which the rates count afresh (standing.reinstate; the hold lifted). */
const REVIEW_ACTIONS = [`${STANDING_ACTION_PREFIX}reinstate`, HOLD_LIFT_ACTION] as const;

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** Hard bounces among the rows counted (the rates' numerator). */
const hardCount = (eb: ExpressionBuilder<DB, 'delivery_records'>) =>
  eb.fn
    .sum<number>(
      eb
        .case()
        .when(eb('bounce_type', '=', 'hard'))
        .then(1)
        .else(0)
        .end(),
    )
    .as('hard');

export function createReputationStore(database: Database): ReputationStore {
  const { db } = database;
  /** The account's messages sent since `since`: accepted or bounced delivery records. */
  const sentSince = (accountId: string, since: string) =>
    db
      .selectFrom('delivery_records')
      .where('account_id', '=', accountId)
      .where('updated_at', '>=', since)
      .where('status', 'in', ['accepted', 'bounced']);
  /** The account's counted complaints (proven traces, not dismissed) since `since`. */
  const countedSince = (accountId: string, since: string) =>
    db.selectFrom('complaints').where('account_id', '=', accountId).where('counted', '=', 1).where('received_at', '>=', since);
  return {
    async campaignCounts(accountId, since) {
      const sent = await sentSince(accountId, since)
        .select((eb) => ['campaign_id', eb.fn.countAll<number>().as('sent'), hardCount(eb)])
        .groupBy('campaign_id')
        .execute();
      const complaints = await countedSince(accountId, since)
        .select((eb) => ['campaign_id', eb.fn.countAll<number>().as('n')])
        .groupBy('campaign_id')
        .execute();
      const byCampaign = new Map<string, { sent: number; hard: number; complaints: number }>();
      for (const r of sent) byCampaign.set(r.campaign_id, { sent: Number(r.sent), hard: Number(r.hard ?? 0), complaints: 0 });
      for (const r of complaints) {
        if (!r.campaign_id) continue;
        const row = byCampaign.get(r.campaign_id) ?? { sent: 0, hard: 0, complaints: 0 };
        row.complaints = Number(r.n);
        byCampaign.set(r.campaign_id, row);
      }
      const ids = [...byCampaign.keys()];
      const domains = new Map<string, string>();
      for (const part of chunk(ids, 500)) {
        const rows = await db.selectFrom('campaigns').select(['id', 'from_email']).where('id', 'in', part).execute();
        for (const r of rows) domains.set(r.id, domainOf(r.from_email));
      }
      return ids.map((id) => {
        const c = byCampaign.get(id)!;
        return { campaignId: id, fromDomain: domains.get(id) ?? '', sent: c.sent, hardBounces: c.hard, complaints: c.complaints };
      });
    },
    async getHold(accountId) {
      const r = await db.selectFrom('campaign_holds').selectAll().where('account_id', '=', accountId).executeTakeFirst();
      return r ? { accountId: r.account_id, rule: r.rule, reason: r.reason, heldAt: r.held_at } : null;
    },
    async addHold(h) {
      const r = await db
        .insertInto('campaign_holds')
        .values({ account_id: h.accountId, rule: h.rule, reason: h.reason, held_at: h.heldAt })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async removeHold(accountId) {
      const r = await db.deleteFrom('campaign_holds').where('account_id', '=', accountId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async dailyCounts(accountId, since) {
      const sent = await sentSince(accountId, since)
        .select((eb) => [sql<string>`substr(updated_at, 1, 10)`.as('day'), eb.fn.countAll<number>().as('sent'), hardCount(eb)])
        .groupBy(sql`substr(updated_at, 1, 10)`)
        .execute();
      const complaints = await countedSince(accountId, since)
        .select((eb) => [sql<string>`substr(received_at, 1, 10)`.as('day'), eb.fn.countAll<number>().as('n')])
        .groupBy(sql`substr(received_at, 1, 10)`)
        .execute();
      const days = new Map<string, { day: string; sent: number; hardBounces: number; complaints: number }>();
      for (const r of sent)
        days.set(r.day, { day: r.day, sent: Number(r.sent), hardBounces: Number(r.hard ?? 0), complaints: 0 });
      for (const r of complaints) {
        const d = days.get(r.day) ?? { day: r.day, sent: 0, hardBounces: 0, complaints: 0 };
        d.complaints = Number(r.n);
        days.set(r.day, d);
      }
      return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
    },
    async lastReviewedAt(accountId) {
      const r = await db
        .selectFrom('audit_log')
        .select('at')
        .where('account_id', '=', accountId)
        .where('actor_type', '=', 'operator')
        .where('action', 'in', [...REVIEW_ACTIONS])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r?.at ?? null;
    },
    async activeAccounts(since) {
      const a = await db
        .selectFrom('delivery_records')
        .select('account_id')
        .distinct()
        .where('updated_at', '>=', since)
        .where('status', 'in', ['accepted', 'bounced'])
        .execute();
      const b = await db
        .selectFrom('complaints')
        .select('account_id')
        .distinct()
        .where('received_at', '>=', since)
        .where('account_id', 'is not', null)
        .execute();
      return [...new Set([...a.map((r) => r.account_id), ...b.map((r) => r.account_id!)])];
    },
  };
}
