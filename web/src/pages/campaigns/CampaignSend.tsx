// The send screen (DEL-01): the dry run over the campaign's audience (who the gate would refuse
// today, by reason) comes before the Send button; send now or at a time in a chosen time zone;
// pause, resume, cancel; a live progress bar, the report polled every 2 s while it sends.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SendQuota } from '../../../../src/core/delivery/engine.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { notifyOk } from '../../notify.ts';
import type { Campaign } from '../../../../src/core/campaigns/types.ts';
import { useApi } from '../../session.tsx';
import {
  CAMPAIGNS_KEY,
  STATUS_COLOR,
  errorWithPosition,
  progressOf,
  reasonLabel,
  refusalReasons,
  useCampaign,
  type CampaignDryRun,
  type CampaignReportData,
} from './hooks.ts';

/** Wall-clock time `local` ("2026-12-24T09:00") in `timeZone`, as a UTC instant. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const asUtc = new Date(`${local}:00Z`);
  const offsetAt = (d: Date) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(d);
    const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - d.getTime();
  };
  const first = new Date(asUtc.getTime() - offsetAt(asUtc));
  return new Date(asUtc.getTime() - offsetAt(first));
}

const LIVE = new Set<Campaign['status']>(['sending', 'paused', 'scheduled']);

export function CampaignSend() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const campaign = useCampaign(id);
  // Sending and resuming need `email` (and a passed review); pausing and cancelling only stop mail.
  const gate = useService('sending');
  const writes = useService('account');
  const c = campaign.data;
  const path = `/campaigns/${encodeURIComponent(id)}`;
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [mode, setMode] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

  const dryRun = useQuery({
    queryKey: [...CAMPAIGNS_KEY, id, 'dry-run'],
    queryFn: () => api.get<CampaignDryRun>(`${path}/dry-run`),
    enabled: !!c && c.channel !== 'sms' && !LIVE.has(c.status) && c.status !== 'sent',
    staleTime: 0,
  });
  // ACC-08: today's warm-up quota and who waits for a later day, shown beside the dry run.
  const quota = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'quota'],
    queryFn: () => api.get<SendQuota>('/sending/quota'),
    refetchInterval: c?.status === 'sending' || c?.pauseReason === 'quota' ? 5_000 : false,
  });
  const q = quota.data;
  const sending = c?.status === 'sending';
  const report = useQuery({
    queryKey: [...CAMPAIGNS_KEY, id, 'report'],
    queryFn: () => api.get<CampaignReportData>(`${path}/report`),
    enabled: !!c && (LIVE.has(c.status) || c.status === 'sent' || c.status === 'cancelled'),
    refetchInterval: sending ? 2_000 : false,
  });
  // While it sends, the campaign's own status is polled too (it ends as sent, or pauses itself).
  useQuery({
    queryKey: [...CAMPAIGNS_KEY, id, 'poll'],
    queryFn: async () => {
      const next = await api.get<Campaign>(path);
      client.setQueryData([...CAMPAIGNS_KEY, id], next);
      return next.status;
    },
    enabled: sending || c?.status === 'scheduled',
    refetchInterval: 2_000,
  });

  // When the status moves (sending → sent or paused), read the final counts once more.
  const status = c?.status;
  useEffect(() => {
    if (status) void client.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, id, 'report'] });
  }, [status, client, id]);

  const act = useMutation({
    meta: { inlineError: true },
    mutationFn: (action: 'send' | 'pause' | 'resume' | 'cancel') =>
      api.post<Campaign>(
        `${path}/${action}`,
        action === 'send' && mode === 'later' ? { at: zonedToUtc(at, timeZone).toISOString(), timeZone } : {},
      ),
    onSuccess: (next, action) => {
      client.setQueryData([...CAMPAIGNS_KEY, id], next);
      void client.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, id, 'report'] });
      void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY, exact: true });
      notifyOk(t(`send.done.${action}`));
    },
  });

  if (!c) return null;
  // Issue 11 §6: an SMS campaign cannot be sent yet (the API answers CAMPAIGN_CHANNEL_NOT_SENDABLE).
  if (c.channel === 'sms')
    return (
      <Stack>
        <Title order={2}>{t('send.title', { name: c.name })}</Title>
        <Alert color="blue" data-testid="sms-not-sendable">
          {t('campaigns.sms.notSendable')}
        </Alert>
        <Group>
          <Button variant="default" component={Link} to={path}>
            {t('send.toEditor')}
          </Button>
        </Group>
      </Stack>
    );
  const r = dryRun.data;
  const p = report.data && progressOf(report.data, c.status);
  const percent = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : c.status === 'sent' ? 100 : 0;
  const canSend = c.status === 'approved';

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('send.title', { name: c.name })}</Title>
          <Badge color={STATUS_COLOR[c.status]} data-testid="campaign-status">
            {t(`campaigns.statuses.${c.status}`)}
          </Badge>
        </Group>
        <Group>
          <Button variant="default" component={Link} to={path}>
            {t('send.toEditor')}
          </Button>
          <Button variant="default" component={Link} to={`${path}/report`}>
            {t('campaigns.toReport')}
          </Button>
        </Group>
      </Group>
      <ServiceNotice service="sending" />
      {act.error && (
        <Alert color="red" data-testid="send-error">
          {errorWithPosition(act.error, t)}
        </Alert>
      )}
      {!canSend && !LIVE.has(c.status) && c.status !== 'sent' && c.status !== 'cancelled' && (
        <Alert color="yellow">{t('send.notApproved')}</Alert>
      )}
      {c.scheduledAt && c.status === 'scheduled' && (
        <Alert color="blue" data-testid="scheduled-at">
          {t('send.scheduledFor', {
            at: new Date(c.scheduledAt).toLocaleString(i18n.language === 'ro' ? 'ro-RO' : 'en-GB', {
              timeZone: c.timeZone ?? undefined,
            }),
            zone: c.timeZone ?? 'UTC',
          })}
        </Alert>
      )}
      {c.pauseReason && c.status === 'paused' && <Alert color="orange">{t(`send.pauseReason.${c.pauseReason}`)}</Alert>}

      {r && (
        <Card withBorder>
          <Title order={4}>{t('send.dryRun')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('send.dryRunHint')}
          </Text>
          {r.campaignRefusal && (
            <Alert color="red" mb="sm" data-testid="campaign-refusal">
              {t('send.campaignRefused', { reason: reasonLabel(r.campaignRefusal, t) })}
            </Alert>
          )}
          <Table data-testid="dry-run">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('send.audience')}</Table.Th>
                <Table.Td data-testid="dry-run-total">{r.total}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>
                  <Badge color="green">{t('gate.allowed')}</Badge>
                </Table.Th>
                <Table.Td data-testid="dry-run-allowed">{r.allowed}</Table.Td>
              </Table.Tr>
              {refusalReasons(r.refused).map((reason) => (
                <Table.Tr key={reason}>
                  <Table.Th>
                    <Text size="sm">{reasonLabel(reason, t)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {reason}
                    </Text>
                  </Table.Th>
                  <Table.Td data-testid={`dry-run-${reason}`}>{r.refused[reason]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {q && q.quota !== null && (
            <Alert color={q.used + r.allowed > q.quota ? 'yellow' : 'gray'} mt="sm" data-testid="send-quota">
              <Text size="sm" data-testid="send-quota-text">
                {t('send.quota', { used: q.used, quota: q.quota, left: Math.max(0, q.quota - q.used) })}
              </Text>
              {q.used + r.allowed > q.quota && <Text size="sm">{t('send.quotaOver')}</Text>}
              {q.waiting > 0 && (
                <Text size="sm" data-testid="send-quota-waiting">
                  {t('send.quotaWaiting', { count: q.waiting })}
                </Text>
              )}
            </Alert>
          )}
        </Card>
      )}

      {canSend && (
        <Card withBorder>
          <Stack>
            <Group>
              <Button variant={mode === 'now' ? 'filled' : 'default'} onClick={() => setMode('now')}>
                {t('send.now')}
              </Button>
              <Button variant={mode === 'later' ? 'filled' : 'default'} onClick={() => setMode('later')}>
                {t('send.later')}
              </Button>
            </Group>
            {mode === 'later' && (
              <Group grow>
                <TextInput
                  type="datetime-local"
                  label={t('send.at')}
                  required
                  value={at}
                  onChange={(e) => setAt(e.currentTarget.value)}
                />
                <Select
                  label={t('send.timeZone')}
                  searchable
                  data={zones}
                  value={timeZone}
                  onChange={(v) => v && setTimeZone(v)}
                  allowDeselect={false}
                />
              </Group>
            )}
            <Group>
              <Button
                color="green"
                onClick={() => act.mutate('send')}
                loading={act.isPending && act.variables === 'send'}
                disabled={!r || (mode === 'later' && !at) || !gate.allowed}
                title={gate.hint}
              >
                {mode === 'now' ? t('send.sendNow', { count: r?.allowed ?? 0 }) : t('send.schedule')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}

      {(LIVE.has(c.status) || c.status === 'sent' || c.status === 'cancelled') && (
        <Card withBorder>
          <Stack>
            <Group justify="space-between">
              <Title order={4}>{t('send.progress')}</Title>
              <Text size="sm" data-testid="progress-text">
                {p ? t('send.progressText', { done: p.done, total: p.total }) : '…'}
              </Text>
            </Group>
            <Progress
              value={percent}
              size="xl"
              animated={sending}
              striped={sending}
              color={c.status === 'sent' ? 'green' : 'indigo'}
              data-testid="progress"
              data-done={p?.done ?? 0}
              data-total={p?.total ?? 0}
              aria-label={t('send.progress')}
            />
            {c.startedAt && (
              <Text size="xs" c="dimmed">
                {t('send.startedAt', { at: formatTime(c.startedAt, i18n.language) })}
                {c.finishedAt && ` · ${t('send.finishedAt', { at: formatTime(c.finishedAt, i18n.language) })}`}
              </Text>
            )}
            <Group>
              {c.status === 'sending' && (
                <Button
                  variant="default"
                  onClick={() => act.mutate('pause')}
                  disabled={!writes.allowed}
                  title={writes.hint}
                  loading={act.isPending && act.variables === 'pause'}
                >
                  {t('send.pause')}
                </Button>
              )}
              {c.status === 'paused' && (
                <Button
                  onClick={() => act.mutate('resume')}
                  loading={act.isPending && act.variables === 'resume'}
                  disabled={!gate.allowed}
                  title={gate.hint}
                >
                  {t('send.resume')}
                </Button>
              )}
              {LIVE.has(c.status) && (
                <Button
                  color="red"
                  variant="light"
                  onClick={() => window.confirm(t('send.cancelConfirm')) && act.mutate('cancel')}
                  disabled={!writes.allowed}
                  title={writes.hint}
                  loading={act.isPending && act.variables === 'cancel'}
                >
                  {t('send.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
