// The operator's first screen (issue 13 §9): what waits for an operator — accounts by standing,
// signups, imports and campaigns held for review, the outbox backlog (system mail not sent yet),
// the open incidents — each a link into the screen where it is handled.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { STANDINGS } from '../../../../src/core/standing/machine.ts';
import type { OperatorDashboardAnswer } from '../../../../src/server/routes/operator/get-operator-dashboard.ts';
import { formatTime, STANDING_COLOR } from '../../components/format.ts';
import { useApi } from '../../session.tsx';
import { AccountLink } from './AccountLink.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';

export function OperatorDashboard() {
  return (
    <OperatorOnly>
      <DashboardView />
    </OperatorOnly>
  );
}

function Tile(props: { label: string; value: number; to: string; testId: string; hint?: string | null }) {
  return (
    <Card withBorder component={Link} to={props.to} data-testid={props.testId}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text size="xl" fw={700} data-testid={`${props.testId}-count`}>
        {props.value}
      </Text>
      {props.hint && (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      )}
    </Card>
  );
}

function DashboardView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const dash = useQuery({
    queryKey: ['operator', 'dashboard'],
    queryFn: () => api.get<OperatorDashboardAnswer>('/operator/dashboard'),
  });
  const d = dash.data;
  return (
    <Stack>
      <Title order={2}>{t('operator.dashboardTitle')}</Title>
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
            <Tile label={t('operator.dashImportsHeld')} value={d.importsHeld} to="/operator/imports" testId="dash-imports-held" />
            <Tile
              label={t('operator.dashCampaignsHeld')}
              value={d.campaignsHeld}
              to="/operator/campaign-reviews"
              testId="dash-campaigns-held"
            />
            <Tile
              label={t('operator.dashSignupsPending')}
              value={d.signupsPending}
              to="/operator/accounts?review=pending"
              testId="dash-signups-pending"
            />
            <Tile
              label={t('operator.dashOutboxBacklog')}
              value={d.outboxBacklog}
              to="/operator/outbox"
              testId="dash-outbox-backlog"
              hint={d.outboxOldest ? t('operator.dashOldest', { at: formatTime(d.outboxOldest, i18n.language) }) : null}
            />
            <Tile
              label={t('operator.dashOpenIncidents')}
              value={d.openIncidents}
              to="/operator/incidents"
              testId="dash-open-incidents"
            />
          </SimpleGrid>
          <Card withBorder>
            <Title order={4} mb="xs">
              {t('operator.dashByStanding')}
            </Title>
            <Group data-testid="dash-standings">
              {STANDINGS.map((s) => (
                <Anchor
                  key={s}
                  component={Link}
                  to={`/operator/accounts?standing=${s}`}
                  data-testid={`dash-standing-${s}`}
                  underline="never"
                >
                  <Badge size="lg" variant="light" color={STANDING_COLOR[s]}>
                    {t(`standing.${s}`)}: <span data-testid={`dash-standing-${s}-count`}>{d.accountsByStanding[s]}</span>
                  </Badge>
                </Anchor>
              ))}
            </Group>
          </Card>
          <Card withBorder>
            <Title order={4} mb="xs">
              {t('operator.dashRecentIncidents')}
            </Title>
            {d.recentIncidents.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="dash-no-incidents">
                {t('operator.dashNoIncidents')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table data-testid="dash-incidents">
                  <Table.Tbody>
                    {d.recentIncidents.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>{formatTime(i.lastSeenAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to="/operator/incidents" size="sm">
                            {i.summary}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <AccountLink id={i.accountId} name={i.accountName} none={t('operator.dashPlatform')} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
