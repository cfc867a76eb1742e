// BL-01..03: the blocklist status of every sending IP and domain in the latest daily run, zone by
// zone (listed first), the listings still open, and one target's history (checks and listings).
import { useState } from 'react';
import { Badge, Card, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BlocklistStatusTarget, ListingAnswer } from '../../../../src/server/routes/enforcement/shapes.ts';
import { formatTime } from '../../components/format.ts';
import { useApi } from '../../session.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';

type Check = BlocklistStatusTarget['checks'][number];
const OUTCOME_COLOR: Record<Check['outcome'], string> = { listed: 'red', 'not-listed': 'green', error: 'gray' };

export function OperatorBlocklists() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [target, setTarget] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['operator', 'blocklists'],
    queryFn: () =>
      api.get<{ checkedAt: string | null; targets: BlocklistStatusTarget[]; open: ListingAnswer[] }>('/operator/blocklists'),
  });
  const s = status.data;
  return (
    <OperatorOnly>
      <Stack>
        <Title order={2}>{t('blocklists.title')}</Title>
        <Text size="sm" c="dimmed">
          {s?.checkedAt ? t('blocklists.lastRun', { at: formatTime(s.checkedAt, i18n.language) }) : t('blocklists.never')}
        </Text>
        {s && (
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('blocklists.openTitle', { count: s.open.length })}
            </Title>
            {s.open.length === 0 ? <Text size="sm">{t('blocklists.noneOpen')}</Text> : <Listings rows={s.open} />}
          </Card>
        )}
        {s && s.targets.length > 0 && (
          <Table striped highlightOnHover data-testid="blocklist-targets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('blocklists.target')}</Table.Th>
                <Table.Th>{t('blocklists.kind')}</Table.Th>
                <Table.Th>{t('blocklists.zones')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.targets.map((x) => (
                <Table.Tr
                  key={x.target}
                  data-testid="blocklist-target"
                  data-listed={x.listed}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setTarget(x.target)}
                >
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {x.target}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`blocklists.kindName.${x.kind}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {x.checks.map((c) => (
                        <Badge key={c.zone} color={OUTCOME_COLOR[c.outcome]} variant="light" title={c.reason ?? c.error ?? ''}>
                          {c.zone}: {t(`blocklists.outcome.${c.outcome}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Drawer opened={target !== null} onClose={() => setTarget(null)} position="right" size="lg" title={target ?? ''}>
        {target && <History target={target} />}
      </Drawer>
    </OperatorOnly>
  );
}

function Listings(props: { rows: ListingAnswer[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table data-testid="blocklist-listings">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('blocklists.target')}</Table.Th>
          <Table.Th>{t('blocklists.zone')}</Table.Th>
          <Table.Th>{t('blocklists.reason')}</Table.Th>
          <Table.Th>{t('blocklists.firstSeen')}</Table.Th>
          <Table.Th>{t('blocklists.lastSeen')}</Table.Th>
          <Table.Th>{t('blocklists.cleared')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((l) => (
          <Table.Tr key={`${l.target}|${l.zone}|${l.firstSeen}`}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {l.target}
              </Text>
            </Table.Td>
            <Table.Td>{l.zone}</Table.Td>
            <Table.Td>
              {l.answer}
              {l.reason ? ` — ${l.reason}` : ''}
            </Table.Td>
            <Table.Td>{formatTime(l.firstSeen, i18n.language)}</Table.Td>
            <Table.Td>{formatTime(l.lastSeen, i18n.language)}</Table.Td>
            <Table.Td>{l.clearedAt ? formatTime(l.clearedAt, i18n.language) : t('blocklists.stillListed')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function History(props: { target: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const q = useQuery({
    queryKey: ['operator', 'blocklists', props.target],
    queryFn: () =>
      api.get<{ checks: Check[]; listings: ListingAnswer[] }>(`/operator/blocklists/${encodeURIComponent(props.target)}`),
  });
  if (!q.data) return null;
  return (
    <Stack data-testid="blocklist-history">
      <Title order={5}>{t('blocklists.listingsTitle')}</Title>
      {q.data.listings.length === 0 ? <Text size="sm">{t('blocklists.neverListed')}</Text> : <Listings rows={q.data.listings} />}
      <Title order={5}>{t('blocklists.checksTitle')}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('blocklists.checkedAt')}</Table.Th>
            <Table.Th>{t('blocklists.zone')}</Table.Th>
            <Table.Th>{t('blocklists.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.checks.map((c, i) => (
            <Table.Tr key={`${c.checkedAt}|${c.zone}|${i}`} data-testid="blocklist-check">
              <Table.Td>{formatTime(c.checkedAt, i18n.language)}</Table.Td>
              <Table.Td>{c.zone}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOR[c.outcome]} variant="light">
                  {t(`blocklists.outcome.${c.outcome}`)}
                </Badge>{' '}
                {c.reason ?? c.error ?? ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
