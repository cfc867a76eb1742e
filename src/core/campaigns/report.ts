// The campaign report (ACC-07, DEL-01): audience, refusals by reason (the gate's recorded
// refusals with this campaign as context), what the relays accepted, deferred and bounced
// (the delivery records), unsubscribes through this campaign's links and clicks, over time.
import type { DeliveryProgress } from '../delivery/ports.ts';
import type { RefusalCounts, SendRefusal } from '../gate/types.ts';
import type { Campaign, CampaignStatus } from './types.ts';

export interface CampaignReport {
  campaignId: string;
  status: CampaignStatus;
  /** Recipients the campaign materialised (delivery records), 0 before it starts. */
  audience: number;
  /** Refused at send time by the gate, by reason. */
  refused: Record<SendRefusal, number>;
  refusedTotal: number;
  accepted: number;
  deferred: number;
  bounced: { hard: number; soft: number };
  /** Consent withdrawals made through this campaign's unsubscribe links and preference center. */
  unsubscribed: number;
  /** null while click tracking is not recorded (no click store wired), else the count. */
  clicks: number | null;
  timeline: { minute: string; accepted: number; bounced: number }[];
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ReportSources {
  progress: DeliveryProgress | null;
  refusals: RefusalCounts;
  unsubscribed: number;
  clicks: number | null;
}

export function buildReport(c: Campaign, s: ReportSources): CampaignReport {
  const p = s.progress;
  return {
    campaignId: c.id,
    status: c.status,
    audience: p?.total ?? 0,
    refused: s.refusals.refused,
    refusedTotal: s.refusals.total,
    accepted: p?.byStatus.accepted ?? 0,
    deferred: p?.byStatus.deferred ?? 0,
    bounced: { hard: p?.bounced.hard ?? 0, soft: p?.bounced.soft ?? 0 },
    unsubscribed: s.unsubscribed,
    clicks: s.clicks,
    timeline: p?.timeline ?? [],
    startedAt: c.startedAt,
    finishedAt: c.finishedAt,
  };
}
