// SQL for the enforcement area (migration 0051), the same on both engines: inbound items, tracing
// into delivery records, bounce events, complaints, incidents and campaign holds.
import { z } from 'zod';
import type {
  BounceEventRow,
  ComplaintReview,
  ComplaintRow,
  EnforcementStore,
  InboundRow,
  InboundStatus,
  InboundStore,
  IncidentRow,
  TraceLookup,
  TracedDelivery,
} from '../../core/enforcement/ports.ts';
import type { InboundEnvelope, InboundSource } from '../../core/enforcement/types.ts';
import type { Database } from '../database.ts';
import type { ComplaintsTable, IncidentsTable } from '../schema/enforcement.ts';

const EnvelopeSchema = z.object({
  mailFrom: z.string(),
  rcptTo: z.array(z.object({ address: z.string(), mailbox: z.enum(['bounce', 'unsubscribe', 'feedback', 'abuse']) })),
  remoteAddress: z.string().nullable(),
});

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function createInboundStore(database: Database): InboundStore {
  const { db } = database;
  return {
    async insert(row) {
      const inserted = await db
        .insertInto('inbound_messages')
        .values({
          id: row.id,
          source: row.source,
          mailbox: row.mailbox,
          dedupe_key: row.dedupeKey,
          envelope: row.envelope ? JSON.stringify(row.envelope) : null,
          raw: row.raw,
          size: row.size,
          status: 'received',
          outcome: null,
          received_at: row.receivedAt,
          processed_at: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { id: row.id, inserted: true };
      const existing = await db
        .selectFrom('inbound_messages')
        .select('id')
        .where('dedupe_key', '=', row.dedupeKey)
        .executeTakeFirstOrThrow();
      return { id: existing.id, inserted: false };
    },
    async get(id) {
      const r = await db.selectFrom('inbound_messages').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      const row: InboundRow = {
        id: r.id,
        source: r.source as InboundSource,
        mailbox: r.mailbox,
        dedupeKey: r.dedupe_key,
        envelope: r.envelope ? (EnvelopeSchema.parse(JSON.parse(r.envelope)) as InboundEnvelope) : null,
        raw: Buffer.from(r.raw),
        size: r.size,
        status: r.status as InboundStatus,
        outcome: json(r.outcome),
        receivedAt: r.received_at,
        processedAt: r.processed_at,
      };
      return row;
    },
    async finish(id, status, outcome, at) {
      await db
        .updateTable('inbound_messages')
        .set({ status, outcome: JSON.stringify(outcome), processed_at: at })
        .where('id', '=', id)
        .execute();
    },
    async stale(before, limit) {
      const rows = await db
        .selectFrom('inbound_messages')
        .select('id')
        .where('status', '=', 'received')
        .where('received_at', '<', before)
        .orderBy('received_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async counts() {
      const rows = await db
        .selectFrom('inbound_messages')
        .select(['status', db.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      const out: Record<InboundStatus, number> = { received: 0, processed: 0, untraceable: 0, failed: 0 };
      for (const r of rows) out[r.status as InboundStatus] = Number(r.n);
      return out;
    },
  };
}

export function createTraceLookup(database: Database): TraceLookup {
  const { db } = database;
  const base = () =>
    db
      .selectFrom('delivery_records as d')
      .innerJoin('campaigns as c', 'c.id', 'd.campaign_id')
      .leftJoin('contacts as k', (j) => j.onRef('k.id', '=', 'd.contact_id').onRef('k.account_id', '=', 'd.account_id'))
      .select([
        'd.account_id',
        'd.campaign_id',
        'd.contact_id',
        'd.status',
        'd.bounce_type',
        'd.message_id',
        'd.relay',
        'k.email',
        'c.from_email',
        'c.name',
      ]);
  const toTraced = (r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirst']>>): TracedDelivery | null =>
    r
      ? {
          accountId: r.account_id,
          campaignId: r.campaign_id,
          contactId: r.contact_id,
          status: r.status,
          bounceType: r.bounce_type,
          messageId: r.message_id,
          relay: r.relay,
          address: r.email ?? null,
          fromDomain: domainOf(r.from_email),
          campaignName: r.name,
        }
      : null;
  return {
    async byRecord(campaignId, contactId) {
      return toTraced(
        await base().where('d.campaign_id', '=', campaignId).where('d.contact_id', '=', contactId).executeTakeFirst(),
      );
    },
    async byMessageId(messageId) {
      return toTraced(await base().where('d.message_id', '=', messageId).executeTakeFirst());
    },
    async campaignOwner(campaignId) {
      const r = await db.selectFrom('campaigns').select('account_id').where('id', '=', campaignId).executeTakeFirst();
      return r?.account_id ?? null;
    },
  };
}

const toComplaint = (r: ComplaintsTable): ComplaintRow => ({
  id: r.id,
  inboundId: r.inbound_id,
  seq: r.seq,
  source: r.source as ComplaintRow['source'],
  feedbackType: r.feedback_type,
  accountId: r.account_id,
  campaignId: r.campaign_id,
  contactId: r.contact_id,
  tracedBy: r.traced_by as ComplaintRow['tracedBy'],
  counted: r.counted === 1,
  reporter: r.reporter,
  comment: r.comment,
  reviewStatus: r.review_status as ComplaintReview,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
  receivedAt: r.received_at,
});

const toIncident = (r: IncidentsTable): IncidentRow => ({
  id: r.id,
  kind: r.kind as IncidentRow['kind'],
  subjectKind: r.subject_kind as IncidentRow['subjectKind'],
  subject: r.subject,
  accountId: r.account_id,
  summary: r.summary,
  details: JSON.parse(r.details) as Record<string, unknown>,
  occurrences: r.occurrences,
  openedAt: r.opened_at,
  lastSeenAt: r.last_seen_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  closeNote: r.close_note,
});

export function createEnforcementStore(database: Database): EnforcementStore {
  const { db } = database;
  return {
    async addBounce(row) {
      const r = await db
        .insertInto('bounce_events')
        .values({
          id: row.id,
          inbound_id: row.inboundId,
          seq: row.seq,
          account_id: row.accountId,
          campaign_id: row.campaignId,
          contact_id: row.contactId,
          kind: row.kind,
          status: row.status,
          reason: row.reason,
          reply: row.reply,
          at: row.at,
        })
        .onConflict((oc) => oc.columns(['inbound_id', 'seq']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async markRecordBounced(campaignId, contactId, type, reply, at) {
      // A hard bounce overrides an earlier soft one; an accepted record becomes bounced.
      await db
        .updateTable('delivery_records')
        .set({ status: 'bounced', bounce_type: type, smtp_reply: reply.slice(0, 1000), updated_at: at })
        .where('campaign_id', '=', campaignId)
        .where('contact_id', '=', contactId)
        .where((eb) =>
          type === 'hard'
            ? eb.or([eb('status', '=', 'accepted'), eb.and([eb('status', '=', 'bounced'), eb('bounce_type', '=', 'soft')])])
            : eb('status', '=', 'accepted'),
        )
        .execute();
    },
    async recentOutcomes(accountId, contactId, limit) {
      const rows = await db
        .selectFrom('delivery_records')
        .select(['status', 'bounce_type'])
        .where('contact_id', '=', contactId)
        .where('account_id', '=', accountId)
        .where('status', 'in', ['accepted', 'bounced'])
        .orderBy('updated_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ status: r.status, bounceType: r.bounce_type }));
    },
    async addComplaint(row) {
      const r = await db
        .insertInto('complaints')
        .values({
          id: row.id,
          inbound_id: row.inboundId,
          seq: row.seq,
          source: row.source,
          feedback_type: row.feedbackType,
          account_id: row.accountId,
          campaign_id: row.campaignId,
          contact_id: row.contactId,
          traced_by: row.tracedBy,
          counted: row.counted ? 1 : 0,
          reporter: row.reporter,
          comment: row.comment,
          review_status: row.reviewStatus,
          reviewed_by: null,
          reviewed_at: null,
          review_note: null,
          received_at: row.receivedAt,
        })
        .onConflict((oc) => oc.columns(['inbound_id', 'seq']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async getComplaint(id) {
      const r = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toComplaint(r) : null;
    },
    async listComplaints({ reviewStatus, accountId, limit }) {
      let q = db.selectFrom('complaints').selectAll();
      if (reviewStatus) q = q.where('review_status', '=', reviewStatus);
      if (accountId) q = q.where('account_id', '=', accountId);
      return (await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(toComplaint);
    },
    async reviewComplaint(id, to, by, note, at) {
      const r = await db
        .updateTable('complaints')
        .set({ review_status: to, reviewed_by: by, reviewed_at: at, review_note: note })
        .where('id', '=', id)
        .where('review_status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async uncountComplaint(id) {
      await db.updateTable('complaints').set({ counted: 0 }).where('id', '=', id).execute();
    },
    async getIncident(id) {
      const r = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toIncident(r) : null;
    },
    async openIncident(row) {
      const open = await db
        .selectFrom('incidents')
        .select('id')
        .where('kind', '=', row.kind)
        .where('subject', '=', row.subject)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      if (open) {
        await db
          .updateTable('incidents')
          .set((eb) => ({ occurrences: eb('occurrences', '+', 1), last_seen_at: row.lastSeenAt }))
          .where('id', '=', open.id)
          .execute();
        return { id: open.id, opened: false };
      }
      const r = await db
        .insertInto('incidents')
        .values({
          id: row.id,
          kind: row.kind,
          subject_kind: row.subjectKind,
          subject: row.subject,
          account_id: row.accountId,
          summary: row.summary,
          details: JSON.stringify(row.details),
          occurrences: 1,
          opened_at: row.openedAt,
          last_seen_at: row.lastSeenAt,
          closed_at: null,
          closed_by: null,
          close_note: null,
        })
        .onConflict((oc) => oc.columns(['kind', 'subject']).where('closed_at', 'is', null).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) return { id: row.id, opened: true };
      // Another process opened it between our read and insert.
      const again = await db
        .selectFrom('incidents')
        .select('id')
        .where('kind', '=', row.kind)
        .where('subject', '=', row.subject)
        .where('closed_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { id: again.id, opened: false };
    },
    async listIncidents({ open, accountId, limit }) {
      let q = db.selectFrom('incidents').selectAll();
      if (open === true) q = q.where('closed_at', 'is', null);
      if (open === false) q = q.where('closed_at', 'is not', null);
      if (accountId) q = q.where('account_id', '=', accountId);
      return (await q.orderBy('last_seen_at', 'desc').limit(limit).execute()).map(toIncident);
    },
    async closeIncident(id, by, note, at) {
      const r = await db
        .updateTable('incidents')
        .set({ closed_at: at, closed_by: by, close_note: note })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async listBounces({ accountId, kind, limit }) {
      let q = db.selectFrom('bounce_events').selectAll();
      if (accountId) q = q.where('account_id', '=', accountId);
      if (kind) q = q.where('kind', '=', kind);
      const rows = await q.orderBy('at', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        inboundId: r.inbound_id,
        seq: r.seq,
        accountId: r.account_id,
        campaignId: r.campaign_id,
        contactId: r.contact_id,
        kind: r.kind as BounceEventRow['kind'],
        status: r.status,
        reason: r.reason,
        reply: r.reply,
        at: r.at,
      }));
    },
  };
}

/** The campaign a complaint is about, as the reviewer sees it (its current version). */
export function createCampaignSummaries(database: Database) {
  return async (campaignId: string) => {
    const r = await database.db
      .selectFrom('campaigns')
      .select(['id', 'name', 'subject', 'from_email', 'version', 'body'])
      .where('id', '=', campaignId)
      .executeTakeFirst();
    return r ? { id: r.id, name: r.name, subject: r.subject, fromEmail: r.from_email, version: r.version, body: r.body } : null;
  };
}
