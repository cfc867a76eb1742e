// Queries and helpers the campaign screens share; answer shapes come from src/core/campaigns.
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { CampaignReport } from '../../../../src/core/campaigns/report.ts';
import type { CampaignDryRun } from '../../../../src/core/campaigns/service.ts';
import type { Campaign } from '../../../../src/core/campaigns/types.ts';
import { SEND_REFUSALS, type SendRefusal } from '../../../../src/core/gate/types.ts';
import type { SendingDomain } from '../../../../src/core/sending-domains/types.ts';
import { ApiError } from '../../api.ts';
import { errorMessage } from '../../notify.ts';
import { useApi } from '../../session.tsx';

export const CAMPAIGNS_KEY = ['campaigns'] as const;
export const SENDING_DOMAINS_KEY = ['sending-domains'] as const;

export type { CampaignDryRun };
export type CampaignReportData = CampaignReport;

export function refusedTotalOf(r: CampaignReportData): number {
  return r.refusedTotal;
}

/** Recipients done (accepted, bounced or refused) out of the audience. */
export function progressOf(r: CampaignReportData, status: Campaign['status']): { done: number; total: number } {
  const total = r.audience;
  const done = Math.min(total, r.accepted + r.bounced.hard + r.bounced.soft + refusedTotalOf(r));
  return { done: status === 'sent' ? total : done, total };
}

export interface CampaignPreview {
  subject: string;
  html: string;
  text: string;
}

export function useCampaigns() {
  const api = useApi();
  return useQuery({
    queryKey: CAMPAIGNS_KEY,
    queryFn: async () => (await api.get<{ items: Campaign[] }>('/campaigns')).items,
  });
}

export function useCampaign(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, id],
    queryFn: () => api.get<Campaign>(`/campaigns/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useSendingDomains() {
  const api = useApi();
  return useQuery({
    queryKey: SENDING_DOMAINS_KEY,
    queryFn: async () => (await api.get<{ items: SendingDomain[] }>('/sending-domains')).items,
  });
}

/** Every refusal reason the gate knows, in its order, that counted at least one recipient. */
export function refusalReasons(refused: Record<SendRefusal, number>): SendRefusal[] {
  return SEND_REFUSALS.filter((reason) => (refused[reason] ?? 0) > 0);
}

export function reasonLabel(reason: string, t: TFunction): string {
  return t(`gate.reason.${reason}`, { defaultValue: reason });
}

/** The error's text, with the template position when the server gives one (details.line/column). */
export function errorWithPosition(err: unknown, t: TFunction): string {
  const text = errorMessage(err, t);
  if (!(err instanceof ApiError) || !err.details) return text;
  const { line, column } = err.details;
  if (typeof line !== 'number') return text;
  return `${text} ${t('campaigns.position', { line, column: typeof column === 'number' ? column : '?' })}`;
}

export const STATUS_COLOR: Record<Campaign['status'], string> = {
  draft: 'gray',
  'in-review': 'yellow',
  approved: 'teal',
  rejected: 'red',
  scheduled: 'blue',
  sending: 'indigo',
  paused: 'orange',
  sent: 'green',
  cancelled: 'dark',
};
