// Queries the campaign screens share, and the shapes of answers the core has no type for yet
// (the dry run and the report of a campaign, as the API contract of issue 8 gives them).
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { Campaign } from '../../../../src/core/campaigns/types.ts';
import { SEND_REFUSALS } from '../../../../src/core/gate/types.ts';
import type { SendingDomain } from '../../../../src/core/sending-domains/types.ts';
import { ApiError } from '../../api.ts';
import { errorMessage } from '../../notify.ts';
import { useApi } from '../../session.tsx';

export const CAMPAIGNS_KEY = ['campaigns'] as const;
export const SENDING_DOMAINS_KEY = ['sending-domains'] as const;

export interface CampaignDryRun {
  total: number;
  allowed: number;
  refused: Record<string, number>;
  /** A refusal of the whole campaign before any recipient (content, domain, postal address). */
  campaignRefusal?: string | null;
}

export interface CampaignReportData {
  audience: number;
  refused: Record<string, number>;
  refusedTotal?: number;
  accepted: number;
  deferred: number;
  bounced: { hard: number; soft: number };
  unsubscribed: number;
  /** null while clicks are not recorded. */
  clicks: number | null;
  progress?: { done: number; total: number };
  /** One point per interval; the instant is `at` or `minute`. */
  timeline: { at?: string; minute?: string; accepted: number; bounced: number }[];
}

export function refusedTotalOf(r: CampaignReportData): number {
  return r.refusedTotal ?? Object.values(r.refused).reduce((a, b) => a + b, 0);
}

/** Recipients done (accepted, bounced or refused) out of the audience. */
export function progressOf(r: CampaignReportData, status: Campaign['status']): { done: number; total: number } {
  if (r.progress) return r.progress;
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

/** Every refusal reason the gate knows, then any other the server counted (in its order). */
export function refusalReasons(refused: Record<string, number>): string[] {
  const known: string[] = [...SEND_REFUSALS];
  for (const extra of [
    'content-unapproved',
    'domain-unverified',
    'no-postal-address',
    'quota-exceeded',
    ...Object.keys(refused),
  ]) {
    if (!known.includes(extra)) known.push(extra);
  }
  return known;
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
