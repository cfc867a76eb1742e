// REP-07: the customer's own reputation: its complaint and hard-bounce rates today and over 7 days
// against the thresholds, what they cross in plain words (why a warning, hold or pause fired),
// the campaign hold if any; and the suppression list with each entry's reason and source (REP-01),
// paged with `after` (the last address hash of a page).
import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SuppressionEntry } from '../../../src/core/suppression/types.ts';
import type { ReputationAnswer, ReputationHistoryAnswer } from '../../../src/server/routes/reputation/shapes.ts';
import { formatTime } from '../components/format.ts';
import { AccountRates, Crossings, HoldNotice, RateHistory, ScopeMeasures } from '../components/Reputation.tsx';
import { useApi } from '../session.tsx';

/** One row of GET /account/suppressions (src/server/routes/reputation/list-suppressions.ts). */
type Suppression = Pick<SuppressionEntry, 'addressHash' | 'reason' | 'createdAt'> & { source: string | null };
const PAGE = 50;

export function Reputation() {
  const { t } = useTranslation();
  const api = useApi();
  const view = useQuery({ queryKey: ['reputation'], queryFn: () => api.get<ReputationAnswer>('/account/reputation') });
  const history = useQuery({
    queryKey: ['reputation-history'],
    queryFn: () => api.get<{ days: ReputationHistoryAnswer }>('/account/reputation/history?days=30'),
  });
  const v = view.data;
  return (
    <Stack>
      <Title order={2}>{t('reputation.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('reputation.hint')}
      </Text>
      {v && (
        <>
          <HoldNotice hold={v.hold} />
          <Card withBorder>
            <Stack>
              <Title order={4}>{t('reputation.ratesTitle')}</Title>
              <AccountRates view={v} />
              <ScopeMeasures view={v} />
            </Stack>
          </Card>
          <Crossings crossings={v.crossings} />
          {history.data && (
            <Card withBorder>
              <RateHistory days={history.data.days} thresholds={v.thresholds} />
            </Card>
          )}
        </>
      )}
      <Suppressions />
    </Stack>
  );
}

function Suppressions() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  /** The `after` cursor of each page seen so far; the last one is the page shown. */
  const [cursors, setCursors] = useState<string[]>(['']);
  const after = cursors[cursors.length - 1]!;
  const page = useQuery({
    queryKey: ['suppressions', after],
    queryFn: () => api.get<Suppression[]>(`/account/suppressions?limit=${PAGE}${after ? `&after=${after}` : ''}`),
  });
  const rows = page.data ?? [];
  const last = rows[rows.length - 1];
  return (
    <Stack gap="xs">
      <Title order={3}>{t('suppressions.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('suppressions.hint')}
      </Text>
      {page.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="suppressions-empty">
          {t('suppressions.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table fz="sm" data-testid="suppressions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('suppressions.address')}</Table.Th>
              <Table.Th>{t('suppressions.reason')}</Table.Th>
              <Table.Th>{t('suppressions.source')}</Table.Th>
              <Table.Th>{t('suppressions.since')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.addressHash} data-testid="suppression-row">
                <Table.Td>
                  <code title={r.addressHash}>{r.addressHash.slice(0, 16)}…</code>
                </Table.Td>
                <Table.Td>
                  <Badge miw="max-content" variant="light">
                    {t(`suppressions.reasons.${r.reason}`, r.reason)}
                  </Badge>
                </Table.Td>
                <Table.Td>{sourceLabel(r.source, t)}</Table.Td>
                <Table.Td>{formatTime(r.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" size="xs" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('suppressions.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!last || rows.length < PAGE}
          onClick={() => last && setCursors((c) => [...c, last.addressHash])}
        >
          {t('suppressions.next')}
        </Button>
      </Group>
    </Stack>
  );
}

/** 'complaint:<id>', 'bounce:<inbound id>', 'unsubscribe', …: the kind in words, the id as given. */
function sourceLabel(source: string | null, t: TFunction): string {
  if (!source) return '—';
  const [kind, ...rest] = source.split(':');
  const id = rest.join(':');
  const label = t(`suppressions.sources.${kind}`, { defaultValue: kind });
  return id ? `${label} (${id})` : label;
}
