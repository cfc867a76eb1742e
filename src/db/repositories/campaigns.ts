// SQL for campaigns: the CampaignStore port (src/core/campaigns/ports.ts). Every account query is
// scoped by account_id; getById (workers) and due/inReview (scheduler, operators) are unscoped on purpose.
import type { CampaignPatch, CampaignStore } from '../../core/campaigns/ports.ts';
import { REJECT_ACTIONS } from '../../core/campaigns/review-outcome.ts';
import { ContentVerdictSchema } from '../../core/campaigns/schemas.ts';
import type { Campaign, CampaignChannel, CampaignFormat, CampaignStatus, PauseReason } from '../../core/campaigns/types.ts';
import type { Database } from '../database.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CampaignsTable } from '../schema/campaigns.ts';

export function toCampaign(r: Selectable<CampaignsTable>): Campaign {
  return {
    id: r.id,
    accountId: r.account_id,
    listId: r.list_id,
    segmentId: r.segment_id,
    name: r.name,
    status: r.status as CampaignStatus,
    channel: r.channel as CampaignChannel,
    senderId: r.sender_id,
    subject: r.subject,
    preheader: r.preheader,
    fromName: r.from_name,
    fromEmail: r.from_email,
    replyTo: r.reply_to,
    format: r.format as CampaignFormat,
    body: r.body,
    clickTracking: r.click_tracking === 1,
    version: Number(r.version),
    verdict: r.verdict === null ? null : ContentVerdictSchema.parse(JSON.parse(r.verdict)),
    scheduledAt: r.scheduled_at,
    timeZone: r.time_zone,
    pauseReason: r.pause_reason as PauseReason | null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

const COLUMNS: Record<keyof CampaignPatch, keyof CampaignsTable> = {
  name: 'name',
  listId: 'list_id',
  segmentId: 'segment_id',
  subject: 'subject',
  preheader: 'preheader',
  fromName: 'from_name',
  fromEmail: 'from_email',
  replyTo: 'reply_to',
  format: 'format',
  body: 'body',
  clickTracking: 'click_tracking',
  version: 'version',
  verdict: 'verdict',
  status: 'status',
  channel: 'channel',
  senderId: 'sender_id',
  scheduledAt: 'scheduled_at',
  timeZone: 'time_zone',
  pauseReason: 'pause_reason',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
};

function toRow(patch: CampaignPatch): Updateable<CampaignsTable> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = COLUMNS[key as keyof CampaignPatch];
    if (key === 'clickTracking') row[column] = value ? 1 : 0;
    else if (key === 'verdict') row[column] = value === null ? null : JSON.stringify(value);
    else row[column] = value;
  }
  return row as Updateable<CampaignsTable>;
}

export function createCampaignStore(database: Database): CampaignStore {
  const { db } = database;
  const byId = (accountId: string | null, id: string) => {
    let q = db.selectFrom('campaigns').selectAll().where('id', '=', id);
    if (accountId !== null) q = q.where('account_id', '=', accountId);
    return q.executeTakeFirst();
  };
  return {
    async insert(c) {
      const { id, accountId, createdAt, updatedAt, ...rest } = c;
      await db
        .insertInto('campaigns')
        .values({
          id,
          account_id: accountId,
          created_at: createdAt,
          updated_at: updatedAt,
          ...(toRow(rest) as Omit<Insertable<CampaignsTable>, 'id' | 'account_id' | 'created_at' | 'updated_at'>),
        })
        .execute();
    },
    async get(accountId, id) {
      const r = await byId(accountId, id);
      return r ? toCampaign(r) : null;
    },
    async getById(id) {
      const r = await byId(null, id);
      return r ? toCampaign(r) : null;
    },
    async list(accountId, limit) {
      const rows = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toCampaign);
    },
    async update(accountId, id, whenStatus, patch, now) {
      if (whenStatus.length === 0) return null;
      const result = await db
        .updateTable('campaigns')
        .set({ ...toRow(patch), updated_at: now })
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .where('status', 'in', [...whenStatus])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return null;
      const r = await byId(accountId, id);
      return r ? toCampaign(r) : null;
    },
    async due(now, limit) {
      const rows = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('status', '=', 'scheduled')
        .where('scheduled_at', '<=', now)
        .orderBy('scheduled_at')
        .limit(limit)
        .execute();
      return rows.map(toCampaign);
    },
    async inReview(limit) {
      const rows = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('status', '=', 'in-review')
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      return rows.map(toCampaign);
    },
    async accountFacts(accountId) {
      const r = await db
        .selectFrom('accounts')
        .select(['name', 'postal_address', 'language'])
        .where('id', '=', accountId)
        .executeTakeFirst();
      return r ? { name: r.name, postalAddress: r.postal_address, language: r.language } : null;
    },
    async teamEmails(accountId) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('u.email')
        .where('m.account_id', '=', accountId)
        .where('u.email_verified_at', 'is not', null)
        .execute();
      return rows.map((r) => r.email);
    },
    async rejectionsSince(accountId, since) {
      // The audit log is append-only: a reject stays counted whatever happens to the campaign after.
      const r = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .where('action', 'in', [...REJECT_ACTIONS])
        .where('at', '>=', since)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async reviewDecision(accountId, campaignId) {
      // details is JSON text; campaign ids are UUIDs (hex and '-'), so the LIKE pattern holds no wildcard.
      const r = await db
        .selectFrom('audit_log')
        .select(['action', 'reason', 'at', 'actor_id'])
        .where('account_id', '=', accountId)
        .where('action', 'in', ['campaign.review-approved', 'campaign.review-rejected'])
        .where('details', 'like', `%"campaignId":${JSON.stringify(campaignId).replace(/[%_\\]/g, '')}%`)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!r) return null;
      return {
        decision: r.action === 'campaign.review-approved' ? 'approve' : 'reject',
        reason: r.reason,
        at: r.at,
        operatorId: r.actor_id,
      };
    },
    async unsubscribed(accountId, campaignId) {
      const r = await db
        .selectFrom('consent_events')
        .select((eb) => eb.fn.count<number>('contact_id').distinct().as('n'))
        .where('account_id', '=', accountId)
        .where('kind', '=', 'withdrawn')
        .where('source_id', '=', campaignId)
        .where('source_type', 'in', ['unsubscribe', 'preference-center'])
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}
