// A campaign's report (ACC-07): audience, refused by reason, accepted, deferred, bounced hard and
// soft, unsubscribed, clicks; charts of deliveries over time and of the outcome counts.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { BarChart, LineChart } from '../../components/Chart.tsx';
import { useApi } from '../../session.tsx';
import {
  CAMPAIGNS_KEY,
  STATUS_COLOR,
  reasonLabel,
  refusalReasons,
  refusedTotalOf,
  useCampaign,
  type CampaignReportData,
} from './hooks.ts';

export function CampaignReport() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const api = useApi();
  const campaign = useCampaign(id);
  const c = campaign.data;
  const path = `/campaigns/${encodeURIComponent(id)}`;
  const report = useQuery({
    queryKey: [...CAMPAIGNS_KEY, id, 'report'],
    queryFn: () => api.get<CampaignReportData>(`${path}/report`),
    refetchInterval: c?.status === 'sending' ? 5_000 : false,
    refetchOnMount: 'always',
  });
  const r = report.data;
  if (!c || !r) return null;
  const refusedTotal = refusedTotalOf(r);
  const figures: [string, number | null][] = [
    ['audience', r.audience],
    ['refused', refusedTotal],
    ['accepted', r.accepted],
    ['deferred', r.deferred],
    ['bouncedHard', r.bounced.hard],
    ['bouncedSoft', r.bounced.soft],
    ['unsubscribed', r.unsubscribed],
    ['clicks', r.clicks],
  ];
  // Cumulative counts over time: the timeline gives the count per interval.
  let acc = 0;
  let bnc = 0;
  const accepted = r.timeline.map((p) => (acc += p.accepted));
  const bounced = r.timeline.map((p) => (bnc += p.bounced));
  const reasons = refusalReasons(r.refused);

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('report.title', { name: c.name })}</Title>
          <Badge color={STATUS_COLOR[c.status]} data-testid="campaign-status">
            {t(`campaigns.statuses.${c.status}`)}
          </Badge>
        </Group>
        <Button variant="default" component={Link} to={`${path}/send`}>
          {t('report.toSend')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="report-figures">
        {figures.map(([key, value]) => (
          <Card withBorder key={key} data-testid={`report-${key}`}>
            <Text size="xs" c="dimmed">
              {t(`report.figures.${key}`)}
            </Text>
            <Text size="xl" fw={700} data-testid={`report-${key}-value`}>
              {value ?? '—'}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('report.overTime')}
        </Title>
        {r.timeline.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('report.noTimeline')}
          </Text>
        ) : (
          <LineChart
            testId="report-timeline"
            title={t('report.overTime')}
            language={i18n.language}
            times={r.timeline.map((p) => p.minute)}
            series={[
              { label: t('report.figures.accepted'), color: '#2f9e44', values: accepted },
              { label: t('report.figures.bounced'), color: '#e03131', values: bounced },
            ]}
          />
        )}
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('report.outcomes')}
        </Title>
        <BarChart
          testId="report-outcomes"
          title={t('report.outcomes')}
          bars={[
            { label: t('report.figures.accepted'), value: r.accepted, color: '#2f9e44' },
            { label: t('report.figures.deferred'), value: r.deferred, color: '#f08c00' },
            { label: t('report.figures.bouncedHard'), value: r.bounced.hard, color: '#c92a2a' },
            { label: t('report.figures.bouncedSoft'), value: r.bounced.soft, color: '#ff8787' },
            { label: t('report.figures.refused'), value: refusedTotal, color: '#868e96' },
          ]}
        />
      </Card>
      {reasons.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('report.refusedBy')}
          </Title>
          <Table data-testid="report-refused">
            <Table.Tbody>
              {reasons.map((reason) => (
                <Table.Tr key={reason}>
                  <Table.Th>
                    <Text size="sm">{reasonLabel(reason, t)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {reason}
                    </Text>
                  </Table.Th>
                  <Table.Td data-testid={`report-refused-${reason}`}>{r.refused[reason]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
