// What operators and customers see of enforcement (REP-03, REP-07, BL-03): the complaint review
// queue with the message each complaint is about, incidents, bounces, inbound counts. Decisions
// are audited; dismissing a complaint takes it out of the rates (a trace an operator found wrong).
import { prepareAuditRow } from '../audit/audit-log.ts';
import type { Actor, AuditLog } from '../audit/types.ts';
import { AppError, notFound } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type {
  BounceEventRow,
  ComplaintReview,
  ComplaintRow,
  EnforcementStore,
  InboundStatus,
  InboundStore,
  IncidentRow,
  TraceLookup,
  TracedDelivery,
} from './ports.ts';

export const MAX_ENFORCEMENT_PAGE = 200;
/** Bytes of the stored report shown to a reviewer. */
export const REPORT_EXCERPT_BYTES = 20_000;

export interface CampaignSummary {
  id: string;
  name: string;
  subject: string;
  fromEmail: string;
  version: number;
  body: string;
}

export interface ComplaintDetail {
  complaint: ComplaintRow;
  delivery: TracedDelivery | null;
  campaign: CampaignSummary | null;
  report: { source: string; receivedAt: string; excerpt: string } | null;
}

export interface EnforcementService {
  listComplaints(filter: { reviewStatus?: ComplaintReview; accountId?: string; limit?: number }): Promise<ComplaintRow[]>;
  complaintDetail(id: string): Promise<ComplaintDetail>;
  reviewComplaint(id: string, decision: 'confirm' | 'dismiss', note: string, actor: Actor): Promise<ComplaintRow>;
  listIncidents(filter: { open?: boolean; accountId?: string; limit?: number }): Promise<IncidentRow[]>;
  closeIncident(id: string, note: string, actor: Actor): Promise<IncidentRow>;
  listBounces(filter: { accountId?: string; kind?: BounceEventRow['kind']; limit?: number }): Promise<BounceEventRow[]>;
  inboundCounts(): Promise<Record<InboundStatus, number>>;
}

export function createEnforcementService(deps: {
  store: EnforcementStore;
  inbound: InboundStore;
  lookup: TraceLookup;
  campaign: (campaignId: string) => Promise<CampaignSummary | null>;
  audit: AuditLog;
  clock: Clock;
}): EnforcementService {
  const limit = (n?: number) => Math.min(Math.max(1, n ?? 50), MAX_ENFORCEMENT_PAGE);
  async function mustComplaint(id: string) {
    const c = await deps.store.getComplaint(id);
    if (!c) throw notFound('COMPLAINT_NOT_FOUND', 'No such complaint.');
    return c;
  }
  return {
    listComplaints: (f) => deps.store.listComplaints({ ...f, limit: limit(f.limit) }),
    async complaintDetail(id) {
      const complaint = await mustComplaint(id);
      const delivery =
        complaint.campaignId && complaint.contactId
          ? await deps.lookup.byRecord(complaint.campaignId, complaint.contactId)
          : null;
      const campaign = complaint.campaignId ? await deps.campaign(complaint.campaignId) : null;
      const item = await deps.inbound.get(complaint.inboundId);
      return {
        complaint,
        delivery,
        campaign: campaign && campaign.id && complaint.accountId ? campaign : null,
        report: item
          ? {
              source: item.source,
              receivedAt: item.receivedAt,
              excerpt: item.raw.subarray(0, REPORT_EXCERPT_BYTES).toString('utf8'),
            }
          : null,
      };
    },
    async reviewComplaint(id, decision, note, actor) {
      const c = await mustComplaint(id);
      const to: ComplaintReview = decision === 'confirm' ? 'confirmed' : 'dismissed';
      const at = deps.clock.now();
      // Validated like every audited reason (length, not empty) before anything changes.
      prepareAuditRow({ actor, accountId: c.accountId, action: `complaint.${decision}`, reason: note }, at);
      if (!(await deps.store.reviewComplaint(id, to, actor.id, note, at.toISOString())))
        throw new AppError('COMPLAINT_ALREADY_REVIEWED', 'This complaint was reviewed already.');
      if (to === 'dismissed' && c.counted) await deps.store.uncountComplaint(id);
      await deps.audit.append({
        actor,
        accountId: c.accountId,
        action: `complaint.${decision}`,
        reason: note,
        details: { complaintId: id, campaignId: c.campaignId, counted: to === 'confirmed' ? c.counted : false },
      });
      return mustComplaint(id);
    },
    listIncidents: (f) => deps.store.listIncidents({ ...f, limit: limit(f.limit) }),
    async closeIncident(id, note, actor) {
      const at = deps.clock.now();
      prepareAuditRow({ actor, accountId: null, action: 'incident.close', reason: note }, at);
      const found = await deps.store.getIncident(id);
      if (!found) throw notFound('INCIDENT_NOT_FOUND', 'No such incident.');
      if (!(await deps.store.closeIncident(id, actor.id, note, at.toISOString())))
        throw new AppError('INCIDENT_CLOSED', 'This incident is closed already.');
      await deps.audit.append({
        actor,
        accountId: found.accountId,
        action: 'incident.close',
        reason: note,
        details: { incidentId: id },
      });
      return { ...found, closedAt: at.toISOString(), closedBy: actor.id, closeNote: note };
    },
    listBounces: (f) => deps.store.listBounces({ ...f, limit: limit(f.limit) }),
    inboundCounts: () => deps.inbound.counts(),
  };
}
