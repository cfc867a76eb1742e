// SQL for the send engine (DEL-02, DEL-03, IMP-07, ACC-08): delivery records claimed under a
// lease (PostgreSQL: FOR UPDATE SKIP LOCKED, so workers never claim the same row; SQLite: one
// write statement, which the database serialises), results written in bulk, the shared token
// bucket and the daily quota taken with compare-and-set statements.
import { sql, type SqlBool } from 'kysely';
import type { DeliveryProgress, DeliveryStore } from '../../core/delivery/ports.ts';
import { DELIVERY_STATUSES, type DeliveryRecord, type DeliveryStatus } from '../../core/delivery/types.ts';
import { SegmentFilterSchema } from '../../core/segments/types.ts';
import { insertRows } from '../bulk.ts';
import type { Database } from '../database.ts';
import { chunk } from './consent.ts';
import { conditionSql } from './segments.ts';

const RECORD_COLUMNS = [
  'campaign_id',
  'contact_id',
  'account_id',
  'status',
  'reason',
  'sample',
  'next_attempt_at',
  'updated_at',
] as const;
const ID_CHUNK = 1_000;
/** Statuses that are still to do. */
const OPEN = ['queued', 'sending'];

const emptyCounts = (): Record<DeliveryStatus, number> =>
  Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;

export function createDeliveryStore(database: Database): DeliveryStore {
  const { db, engine, raw } = database;

  const claimSql =
    engine === 'postgres'
      ? `update delivery_records set status = 'sending', claimed_by = $1, lease_until = $2, updated_at = $3
         where (campaign_id, contact_id) in (
           select campaign_id, contact_id from delivery_records
           where campaign_id = $4 and ((status = 'queued' and next_attempt_at <= $3) or (status = 'sending' and lease_until < $3))
           order by next_attempt_at limit $5 for update skip locked)
         returning contact_id, attempts, sample`
      : `update delivery_records set status = 'sending', claimed_by = @worker, lease_until = @lease, updated_at = @now
         where (campaign_id, contact_id) in (
           select campaign_id, contact_id from delivery_records
           where campaign_id = @campaign and ((status = 'queued' and next_attempt_at <= @now) or (status = 'sending' and lease_until < @now))
           order by next_attempt_at limit @limit)
         returning contact_id, attempts, sample`;

  const updateSqlite = `update delivery_records set status = ?, reason = ?, attempts = ?, bounce_type = ?, smtp_reply = ?,
      queue_id = ?, relay = ?, message_id = ?, next_attempt_at = coalesce(?, next_attempt_at), claimed_by = null,
      lease_until = null, updated_at = ? where campaign_id = ? and contact_id = ? and claimed_by = ?`;
  const updatePg = `update delivery_records d set status = u.status, reason = u.reason, attempts = u.attempts,
      bounce_type = u.bounce_type, smtp_reply = u.smtp_reply, queue_id = u.queue_id, relay = u.relay,
      message_id = u.message_id, next_attempt_at = coalesce(u.next_attempt_at, d.next_attempt_at), claimed_by = null,
      lease_until = null, updated_at = $1
    from unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
      as u(contact_id, status, reason, attempts, bounce_type, smtp_reply, queue_id, relay, message_id, next_attempt_at)
    where d.campaign_id = $12 and d.contact_id = u.contact_id and d.claimed_by = $13`;

  return {
    async audiencePage(accountId, listId, segmentId, after, limit) {
      let filter = null;
      if (segmentId) {
        const seg = await db
          .selectFrom('segments')
          .select('filter')
          .where('account_id', '=', accountId)
          .where('id', '=', segmentId)
          .executeTakeFirst();
        // A segment that is gone narrows to no one: fail closed.
        if (!seg) return [];
        filter = SegmentFilterSchema.parse(JSON.parse(seg.filter));
      }
      let q = db
        .selectFrom('consent_state as s')
        .innerJoin('contacts as c', (j) => j.onRef('c.id', '=', 's.contact_id').on('c.account_id', '=', accountId))
        .select('s.contact_id')
        .where('s.account_id', '=', accountId)
        .where('s.list_id', '=', listId)
        .where('s.channel', '=', 'email')
        .where('c.erased_at', 'is', null)
        .where('c.email', 'is not', null);
      if (after) q = q.where('s.contact_id', '>', after);
      if (filter) {
        const f = filter;
        q = q.where((eb) =>
          eb.and(f.all.map((cond) => conditionSql(engine, eb as unknown as Parameters<typeof conditionSql>[1], cond))),
        );
      }
      const ids = (await q.orderBy('s.contact_id').limit(limit).execute()).map((r) => r.contact_id);
      if (ids.length === 0) return [];
      // IMP-07: imports approved by a reviewer whose first campaign has not sampled them yet.
      const fresh = await db
        .selectFrom('imports as i')
        .select('i.id')
        .where('i.account_id', '=', accountId)
        .where('i.status', '=', 'approved')
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('import_samples as x').select('x.import_id').whereRef('x.import_id', '=', 'i.id'))),
        )
        .execute();
      const importOf = new Map<string, string>();
      if (fresh.length > 0) {
        for (const part of chunk(ids, ID_CHUNK)) {
          const rows = await db
            .selectFrom('import_rows')
            .select(['contact_id', 'import_id'])
            .where(
              'import_id',
              'in',
              fresh.map((f) => f.id),
            )
            .where('outcome', '=', 'imported')
            .where('contact_id', 'in', part)
            .execute();
          for (const r of rows) if (r.contact_id) importOf.set(r.contact_id, r.import_id);
        }
      }
      return ids.map((contactId) => ({ contactId, importId: importOf.get(contactId) ?? null }));
    },

    async insertRecords(rows) {
      if (rows.length === 0) return 0;
      return insertRows(
        db,
        engine,
        'delivery_records',
        RECORD_COLUMNS,
        rows.map((r) => [r.campaignId, r.contactId, r.accountId, r.status, r.reason, r.sample ? 1 : 0, r.now, r.now]),
        { tail: 'on conflict do nothing', pgTypes: { sample: 'int' } },
      );
    },

    async claim(campaignId, workerId, now, leaseUntil, limit) {
      const values = [workerId, leaseUntil, now, campaignId, limit];
      const rows =
        raw.engine === 'postgres'
          ? (await raw.pool.query<unknown[]>({ text: claimSql, values, rowMode: 'array' })).rows
          : (raw.sqlite
              .prepare(claimSql)
              .raw(true)
              .all({ worker: workerId, lease: leaseUntil, now, campaign: campaignId, limit }) as unknown[][]);
      return rows.map((r) => ({ contactId: r[0] as string, attempts: Number(r[1]), sample: r[2] === 1 || r[2] === true }));
    },

    async release(campaignId, workerId, contactIds) {
      for (const part of chunk(contactIds, ID_CHUNK)) {
        await db
          .updateTable('delivery_records')
          .set({ status: 'queued', claimed_by: null, lease_until: null })
          .where('campaign_id', '=', campaignId)
          .where('claimed_by', '=', workerId)
          .where('status', '=', 'sending')
          .where('contact_id', 'in', part)
          .execute();
      }
    },

    async update(campaignId, workerId, now, rows) {
      if (rows.length === 0) return;
      if (raw.engine === 'postgres') {
        const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
        await raw.pool.query(updatePg, [
          now,
          col('contactId'),
          col('status'),
          col('reason'),
          col('attempts'),
          col('bounceType'),
          col('smtpReply'),
          col('queueId'),
          col('relay'),
          col('messageId'),
          col('nextAttemptAt'),
          campaignId,
          workerId,
        ]);
        return;
      }
      const stmt = raw.sqlite.prepare(updateSqlite);
      raw.sqlite.transaction(() => {
        for (const r of rows) {
          stmt.run(
            r.status,
            r.reason,
            r.attempts,
            r.bounceType,
            r.smtpReply,
            r.queueId,
            r.relay,
            r.messageId,
            r.nextAttemptAt,
            now,
            campaignId,
            r.contactId,
            workerId,
          );
        }
      })();
    },

    async remaining(campaignId) {
      const rows = await db
        .selectFrom('delivery_records')
        .select(['status', 'sample', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .where('status', 'in', [...OPEN, 'held'])
        .groupBy(['status', 'sample'])
        .execute();
      let open = 0;
      let held = 0;
      let sampleOpen = 0;
      for (const r of rows) {
        const n = Number(r.n);
        if (r.status === 'held') held += n;
        else {
          open += n;
          if (Number(r.sample) === 1) sampleOpen += n;
        }
      }
      return { open, held, sampleOpen };
    },

    async openState(campaignId) {
      const exists = async (statuses: string[], sampleOnly: boolean) => {
        let q = db
          .selectFrom('delivery_records')
          .select('contact_id')
          .where('campaign_id', '=', campaignId)
          .where('status', 'in', statuses);
        if (sampleOnly) q = q.where('sample', '=', 1);
        return (await q.limit(1).executeTakeFirst()) !== undefined;
      };
      const open = await exists(OPEN, false);
      return { open, held: await exists(['held'], false), sampleOpen: open && (await exists(OPEN, true)) };
    },

    async settleHeld(campaignId, to, reason, now) {
      const r = await db
        .updateTable('delivery_records')
        .set({ status: to, reason, updated_at: now, next_attempt_at: now })
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'held')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async sampleOutcome(campaignId) {
      const rows = await db
        .selectFrom('delivery_records')
        .select(['status', 'bounce_type', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .where('sample', '=', 1)
        .where('status', 'not in', [...OPEN, 'held'])
        .groupBy(['status', 'bounce_type'])
        .execute();
      let settled = 0;
      let hardBounced = 0;
      for (const r of rows) {
        if (r.status === 'refused') continue; // never sent: says nothing about the addresses
        settled += Number(r.n);
        if (r.status === 'bounced' && r.bounce_type === 'hard') hardBounced += Number(r.n);
      }
      return { settled, hardBounced };
    },

    async cancelOpen(campaignId, now) {
      const r = await db
        .updateTable('delivery_records')
        .set({ status: 'refused', reason: 'cancelled', claimed_by: null, lease_until: null, updated_at: now })
        .where('campaign_id', '=', campaignId)
        .where('status', 'in', ['queued', 'held'])
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async progress(campaignId) {
      const byStatus = emptyCounts();
      const bounced = { hard: 0, soft: 0 };
      const refusedByReason: Record<string, number> = {};
      const rows = await db
        .selectFrom('delivery_records')
        .select(['status', 'bounce_type', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .groupBy(['status', 'bounce_type', 'reason'])
        .execute();
      let total = 0;
      for (const r of rows) {
        const n = Number(r.n);
        total += n;
        if (r.status in byStatus) byStatus[r.status as DeliveryStatus] += n;
        if (r.status === 'bounced') bounced[r.bounce_type === 'hard' ? 'hard' : 'soft'] += n;
        if (r.status === 'refused') refusedByReason[r.reason ?? 'unknown'] = (refusedByReason[r.reason ?? 'unknown'] ?? 0) + n;
      }
      const minute = engine === 'postgres' ? sql<string>`substr(updated_at, 1, 16)` : sql<string>`substr(updated_at, 1, 16)`;
      const tl = await db
        .selectFrom('delivery_records')
        .select([minute.as('minute'), 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaignId)
        .where('status', 'in', ['accepted', 'bounced'])
        .groupBy([minute, 'status'])
        .orderBy(minute)
        .execute();
      const byMinute = new Map<string, { minute: string; accepted: number; bounced: number }>();
      for (const r of tl) {
        const key = `${r.minute}Z`;
        const m = byMinute.get(key) ?? { minute: key, accepted: 0, bounced: 0 };
        if (r.status === 'accepted') m.accepted += Number(r.n);
        else m.bounced += Number(r.n);
        byMinute.set(key, m);
      }
      const out: DeliveryProgress = { campaignId, total, byStatus, bounced, refusedByReason, timeline: [...byMinute.values()] };
      return out;
    },

    async recipients(accountId, contactIds) {
      const out = [];
      for (const part of chunk(contactIds, ID_CHUNK)) {
        const rows = await db
          .selectFrom('contacts')
          .select(['id', 'email', 'language', 'attributes'])
          .where('account_id', '=', accountId)
          .where('id', 'in', part)
          .where('erased_at', 'is', null)
          .execute();
        for (const r of rows) {
          if (!r.email) continue;
          out.push({
            contactId: r.id,
            email: r.email,
            language: r.language,
            attributes: JSON.parse(r.attributes) as Record<string, unknown>,
          });
        }
      }
      return out;
    },

    async senderFacts(accountId, listId) {
      const a = await db
        .selectFrom('accounts')
        .select(['id', 'name', 'postal_address'])
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!a) return null;
      return { accountId: a.id, accountName: a.name, postalAddress: a.postal_address, listId };
    },

    async records(campaignId) {
      const rows = await db
        .selectFrom('delivery_records')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('contact_id')
        .execute();
      return rows.map((r): DeliveryRecord => ({
        campaignId: r.campaign_id,
        contactId: r.contact_id,
        accountId: r.account_id,
        status: r.status as DeliveryStatus,
        reason: r.reason,
        attempts: Number(r.attempts),
        bounceType: r.bounce_type as DeliveryRecord['bounceType'],
        smtpReply: r.smtp_reply,
        queueId: r.queue_id,
        relay: r.relay,
        messageId: r.message_id,
        sample: Number(r.sample) === 1,
        updatedAt: r.updated_at,
      }));
    },

    async markPaused(accountId, campaignId, reason, now) {
      await db
        .insertInto('delivery_pauses')
        .values({ campaign_id: campaignId, account_id: accountId, reason, paused_at: now })
        .onConflict((oc) => oc.column('campaign_id').doUpdateSet({ reason, paused_at: now }))
        .execute();
    },

    async clearPaused(campaignId) {
      await db.deleteFrom('delivery_pauses').where('campaign_id', '=', campaignId).execute();
    },

    async pausedCampaigns() {
      const rows = await db.selectFrom('delivery_pauses').selectAll().orderBy('paused_at').execute();
      return rows.map((r) => ({ campaignId: r.campaign_id, accountId: r.account_id, reason: r.reason, pausedAt: r.paused_at }));
    },

    async takeQuota(accountId, day, quota, n) {
      if (n <= 0) return 0;
      await db
        .insertInto('account_send_quota')
        .values({ account_id: accountId, day, used: 0 })
        .onConflict((oc) => oc.columns(['account_id', 'day']).doNothing())
        .execute();
      // Compare-and-set: read the usage, then add only if nobody moved it meanwhile.
      for (let i = 0; i < 20; i++) {
        const row = await db
          .selectFrom('account_send_quota')
          .select('used')
          .where('account_id', '=', accountId)
          .where('day', '=', day)
          .executeTakeFirstOrThrow();
        const used = Number(row.used);
        const grant = Math.max(0, Math.min(n, quota - used));
        if (grant === 0) return 0;
        const r = await db
          .updateTable('account_send_quota')
          .set({ used: used + grant })
          .where('account_id', '=', accountId)
          .where('day', '=', day)
          .where('used', '=', used)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) return grant;
      }
      return 0;
    },

    async quotaUsed(accountId, day) {
      const r = await db
        .selectFrom('account_send_quota')
        .select('used')
        .where('account_id', '=', accountId)
        .where('day', '=', day)
        .executeTakeFirst();
      return r ? Number(r.used) : 0;
    },

    async waitingForQuota(accountId) {
      const r = await db
        .selectFrom('delivery_records as d')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('d.account_id', '=', accountId)
        .where('d.status', 'in', ['queued', 'deferred'])
        .where((eb) =>
          eb.or([
            eb('d.reason', '=', 'quota-exceeded'),
            eb(
              'd.campaign_id',
              'in',
              eb
                .selectFrom('delivery_pauses')
                .select('campaign_id')
                .where('account_id', '=', accountId)
                .where('reason', '=', 'quota'),
            ),
          ]),
        )
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    async returnQuota(accountId, day, n) {
      if (n <= 0) return;
      await db
        .updateTable('account_send_quota')
        .set((eb) => ({ used: eb('used', '-', n) }))
        .where('account_id', '=', accountId)
        .where('day', '=', day)
        .execute();
    },

    async sendingHistory(accountId, now) {
      const since = new Date(Date.parse(now) - 30 * 86_400_000).toISOString();
      const days = await db
        .selectFrom('account_send_quota')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .where('used', '>', 0)
        .where('day', '<', now.slice(0, 10))
        .executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('delivery_records')
        .select(['status', 'bounce_type', (eb) => eb.fn.countAll<number>().as('n')])
        .where('account_id', '=', accountId)
        .where('updated_at', '>=', since)
        .where('status', 'in', ['accepted', 'bounced'])
        .groupBy(['status', 'bounce_type'])
        .execute();
      let sent = 0;
      let hardBounced = 0;
      for (const r of rows) {
        sent += Number(r.n);
        if (r.status === 'bounced' && r.bounce_type === 'hard') hardBounced += Number(r.n);
      }
      // ACC-08 reads the same complaints the reputation rules count (proven traces only).
      const complaints = await db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .where('counted', '=', 1)
        .where('received_at', '>=', since)
        .executeTakeFirstOrThrow();
      return { activeDays: Number(days.n), sent, hardBounced, complaints: Number(complaints.n) };
    },

    async takeTokens(accountId, n, ratePerSecond, burst, now) {
      const at = now.toISOString();
      await db
        .insertInto('account_send_buckets')
        .values({ account_id: accountId, tokens: burst, refilled_at: at })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .execute();
      for (let i = 0; i < 20; i++) {
        const row = await db
          .selectFrom('account_send_buckets')
          .select(['tokens', 'refilled_at'])
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow();
        const elapsed = Math.max(0, (now.getTime() - Date.parse(row.refilled_at)) / 1000);
        const available = Math.min(burst, Number(row.tokens) + elapsed * ratePerSecond);
        const take = Math.max(0, Math.min(n, Math.floor(available)));
        const r = await db
          .updateTable('account_send_buckets')
          .set({ tokens: available - take, refilled_at: at })
          .where('account_id', '=', accountId)
          .where('refilled_at', '=', row.refilled_at)
          .where(sql<SqlBool>`tokens = ${row.tokens}`)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) return take;
      }
      return 0;
    },

    async startSamples(accountId, campaignId, importIds, now) {
      if (importIds.length === 0) return;
      await db
        .insertInto('import_samples')
        .values(
          importIds.map((id) => ({
            import_id: id,
            account_id: accountId,
            campaign_id: campaignId,
            status: 'sampling',
            reason: null,
            created_at: now,
            settled_at: null,
          })),
        )
        .onConflict((oc) => oc.column('import_id').doNothing())
        .execute();
    },

    async samplingImports(campaignId) {
      const rows = await db
        .selectFrom('import_samples')
        .select('import_id')
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'sampling')
        .execute();
      return rows.map((r) => r.import_id);
    },

    async settleSamples(campaignId, status, reason, now) {
      await db
        .updateTable('import_samples')
        .set({ status, reason, settled_at: now })
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'sampling')
        .execute();
    },

    async sampleOf(importId) {
      const r = await db.selectFrom('import_samples').selectAll().where('import_id', '=', importId).executeTakeFirst();
      return r ? { campaignId: r.campaign_id, status: r.status, reason: r.reason } : null;
    },
  };
}
