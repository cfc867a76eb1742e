// REP-07: an account's complaint and hard-bounce rates (today and over 7 days) against the
// thresholds, what they cross in plain words ("why a pause fired") and the campaign hold. Shared
// by the customer's Reputation page and the operator's account detail.
import type { ReactNode } from 'react';
import { Alert, Badge, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReputationAnswer, ReputationHistoryAnswer } from '../../../src/server/routes/reputation/shapes.ts';
import { LineChart } from './Chart.tsx';
import { formatTime } from './format.ts';

type Measure = ReputationAnswer['measures'][number];
type Crossing = ReputationAnswer['crossings'][number];
type Thresholds = ReputationAnswer['thresholds'];
const WINDOWS: Measure['window'][] = ['day', '7d'];

export function formatRate(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'ro' ? 'ro-RO' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(value);
}

/** The levels of one metric, lowest first, with the i18n key of each action. */
function levels(th: Thresholds, metric: 'complaint-rate' | 'hard-bounce-rate') {
  return metric === 'complaint-rate'
    ? {
        steps: [
          { action: 'warn', at: th.complaintRate.warn },
          { action: 'hold', at: th.complaintRate.hold },
          { action: 'pause', at: th.complaintRate.pause },
        ],
        minVolume: th.complaintRate.minDelivered,
      }
    : {
        steps: [
          { action: 'warn', at: th.hardBounceRate.warn },
          { action: 'review', at: th.hardBounceRate.review },
          { action: 'pause', at: th.hardBounceRate.pause },
        ],
        minVolume: th.hardBounceRate.minSent,
      };
}

const LEVEL_COLOR: Record<string, string> = { none: 'green', warn: 'yellow', hold: 'orange', review: 'orange', pause: 'red' };

function RateRow(props: { measure: Measure; metric: 'complaint-rate' | 'hard-bounce-rate'; thresholds: Thresholds }) {
  const { t, i18n } = useTranslation();
  const m = props.measure;
  const { steps, minVolume } = levels(props.thresholds, props.metric);
  const rate = props.metric === 'complaint-rate' ? m.complaintRate : m.hardBounceRate;
  const count = props.metric === 'complaint-rate' ? m.complaints : m.hardBounces;
  const pause = steps[steps.length - 1]!.at;
  const reached = [...steps].reverse().find((s) => rate >= s.at)?.action ?? 'none';
  const enough = m.sent >= minVolume;
  return (
    <Table.Tr data-testid="rate-row" data-window={m.window} data-metric={props.metric}>
      <Table.Td>{t(`reputation.metric.${props.metric}`)}</Table.Td>
      <Table.Td>{t(`reputation.window.${m.window}`)}</Table.Td>
      <Table.Td>
        {count} / {m.sent}
      </Table.Td>
      <Table.Td data-testid="rate-value" fw={600}>
        {formatRate(rate, i18n.language)}
      </Table.Td>
      <Table.Td style={{ minWidth: 160 }}>
        <Progress
          value={pause > 0 ? Math.min(100, (rate / pause) * 100) : 0}
          color={LEVEL_COLOR[reached]}
          aria-label={t('reputation.ofPause')}
        />
        <Text size="xs" c="dimmed">
          {steps.map((s) => `${t(`reputation.action.${s.action}`)} ${formatRate(s.at, i18n.language)}`).join(' · ')}
        </Text>
        {!enough && (
          <Text size="xs" c="dimmed">
            {t('reputation.belowVolume', { n: minVolume })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The account's own rates (scope "account"), today and over 7 days, against the thresholds. */
export function AccountRates(props: { view: ReputationAnswer }) {
  const { t } = useTranslation();
  const { view } = props;
  const account = WINDOWS.map((w) => view.measures.find((m) => m.scope === 'account' && m.window === w)).filter(
    (m): m is Measure => !!m,
  );
  const today = account.find((m) => m.window === 'day');
  return (
    <Stack gap="xs">
      <Table data-testid="reputation-rates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reputation.metricHeader')}</Table.Th>
            <Table.Th>{t('reputation.windowHeader')}</Table.Th>
            <Table.Th>{t('reputation.countHeader')}</Table.Th>
            <Table.Th>{t('reputation.rateHeader')}</Table.Th>
            <Table.Th>{t('reputation.thresholdsHeader')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {account.map((m) => (
            <RateRow key={`c-${m.window}`} measure={m} metric="complaint-rate" thresholds={view.thresholds} />
          ))}
          {account.map((m) => (
            <RateRow key={`b-${m.window}`} measure={m} metric="hard-bounce-rate" thresholds={view.thresholds} />
          ))}
        </Table.Tbody>
      </Table>
      {account.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reputation.noSending')}
        </Text>
      )}
      <Text size="xs" c="dimmed" data-testid="daily-cap">
        {t('reputation.dailyCap', { n: today?.complaints ?? 0, cap: view.thresholds.dailyComplaintCap })}
      </Text>
    </Stack>
  );
}

/** Campaigns and sending domains, each window. */
export function ScopeMeasures(props: { view: ReputationAnswer; campaignName?: (id: string) => string | undefined }) {
  const { t, i18n } = useTranslation();
  const rows = props.view.measures.filter((m) => m.scope !== 'account');
  if (rows.length === 0) return null;
  return (
    <Table fz="sm" data-testid="reputation-scopes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reputation.scopeHeader')}</Table.Th>
          <Table.Th>{t('reputation.windowHeader')}</Table.Th>
          <Table.Th>{t('reputation.sent')}</Table.Th>
          <Table.Th>{t('reputation.metric.complaint-rate')}</Table.Th>
          <Table.Th>{t('reputation.metric.hard-bounce-rate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={`${m.scope}-${m.id}-${m.window}`}>
            <Table.Td>
              {t(`reputation.scope.${m.scope}`)}: <code>{m.id}</code>
            </Table.Td>
            <Table.Td>{t(`reputation.window.${m.window}`)}</Table.Td>
            <Table.Td>{m.sent}</Table.Td>
            <Table.Td>
              {formatRate(m.complaintRate, i18n.language)} ({m.complaints})
            </Table.Td>
            <Table.Td>
              {formatRate(m.hardBounceRate, i18n.language)} ({m.hardBounces})
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const ACTION_COLOR: Record<Crossing['action'], string> = { warn: 'yellow', hold: 'orange', pause: 'red' };

/** What the rates cross, each with the reason in plain words. */
export function Crossings(props: { crossings: Crossing[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={4}>{t('reputation.crossingsTitle')}</Title>
      {props.crossings.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-crossings">
          {t('reputation.noCrossings')}
        </Text>
      ) : (
        <Table data-testid="crossings">
          <Table.Tbody>
            {props.crossings.map((x, i) => (
              <Table.Tr key={i} data-testid="crossing" data-action={x.action} data-metric={x.metric}>
                <Table.Td>
                  <Badge miw="max-content" color={ACTION_COLOR[x.action]}>
                    {t(`reputation.action.${x.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="crossing-reason">
                    {x.reason}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('reputation.rule')}: <code>{x.rule}</code>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The campaign hold, when there is one. */
export function HoldNotice(props: { hold: ReputationAnswer['hold']; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const h = props.hold;
  if (!h)
    return (
      <Text size="sm" c="dimmed" data-testid="no-hold">
        {t('reputation.noHold')}
      </Text>
    );
  return (
    <Alert color="orange" title={t('reputation.holdTitle')} data-testid="hold">
      <Text size="sm">{h.reason}</Text>
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed">
          {t('reputation.rule')}: <code>{h.rule}</code> · {t('reputation.heldAt')}: {formatTime(h.heldAt, i18n.language)}
        </Text>
      </Group>
      {props.children}
    </Alert>
  );
}

const THRESHOLD_COLOR: Record<string, string> = { warn: '#f59f00', hold: '#fd7e14', review: '#fd7e14', pause: '#e03131' };

/**
 * REP-07: the account's complaint and hard-bounce rates per UTC day, each drawn against its
 * thresholds (dashed), with the figures as a table below for screen readers and exact reading.
 */
export function RateHistory(props: { days: ReputationHistoryAnswer; thresholds: Thresholds }) {
  const { t, i18n } = useTranslation();
  const times = props.days.map((d) => `${d.day}T00:00:00.000Z`);
  const pct = (v: number) => formatRate(v, i18n.language);
  const chart = (metric: 'complaint-rate' | 'hard-bounce-rate', color: string) => (
    <LineChart
      title={t('reputation.historyChart', { metric: t(`reputation.metric.${metric}`) })}
      testId={`history-${metric}`}
      times={times}
      days
      language={i18n.language}
      formatValue={pct}
      series={[
        {
          label: t(`reputation.metric.${metric}`),
          color,
          values: props.days.map((d) => (metric === 'complaint-rate' ? d.complaintRate : d.hardBounceRate)),
        },
      ]}
      thresholds={levels(props.thresholds, metric).steps.map((s) => ({
        label: `${t(`reputation.action.${s.action}`)} ${pct(s.at)}`,
        color: THRESHOLD_COLOR[s.action] ?? '#868e96',
        value: s.at,
      }))}
    />
  );
  const active = props.days.filter((d) => d.sent > 0 || d.complaints > 0);
  return (
    <Stack data-testid="rate-history">
      <Title order={4}>{t('reputation.historyTitle', { n: props.days.length })}</Title>
      {chart('complaint-rate', '#1c7ed6')}
      {chart('hard-bounce-rate', '#7048e8')}
      {active.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reputation.historyEmpty')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reputation.historyDay')}</Table.Th>
              <Table.Th>{t('reputation.historySent')}</Table.Th>
              <Table.Th>{t('reputation.metric.complaint-rate')}</Table.Th>
              <Table.Th>{t('reputation.metric.hard-bounce-rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((d) => (
              <Table.Tr key={d.day} data-testid="history-row">
                <Table.Td>{d.day}</Table.Td>
                <Table.Td>{d.sent}</Table.Td>
                <Table.Td>
                  {pct(d.complaintRate)} ({d.complaints})
                </Table.Td>
                <Table.Td>
                  {pct(d.hardBounceRate)} ({d.hardBounces})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
