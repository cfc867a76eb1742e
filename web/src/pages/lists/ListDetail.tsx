// One list: its contacts per status, growth and losses per day (30 or 90 days, from the consent
// ledger), the versions of its consent wording, and edit / archive / unarchive. An archived list
// is read-only here and in the API (409 LIST_ARCHIVED) until it is unarchived (as in Mailchimp).
import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LineChart } from '../../components/Chart.tsx';
import { formatTime } from '../../components/format.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { notifyOk } from '../../notify.ts';
import { LIST_COUNT_STATUSES, type List, type ListStats, type ListVersion } from '../../../../src/core/lists/types.ts';
import { useApi } from '../../session.tsx';
import { contactsHref } from '../contacts/Contacts.tsx';
import { EditListModal } from './EditListModal.tsx';

const STATUS_COLOR: Record<(typeof LIST_COUNT_STATUSES)[number], string> = {
  active: 'green',
  pending: 'blue',
  held: 'orange',
  withdrawn: 'gray',
  suppressed: 'red',
};

export function useListStats(id: string | undefined, days: 30 | 90 = 30) {
  const api = useApi();
  return useQuery({
    queryKey: ['lists', id, 'stats', days],
    queryFn: () => api.get<ListStats>(`/lists/${encodeURIComponent(id ?? '')}/stats?days=${days}`),
    enabled: !!id,
  });
}

export function ListDetail(props: { list: List | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const l = props.list;
  const [days, setDays] = useState<30 | 90>(30);
  const [editing, setEditing] = useState(false);
  const gate = useService('lists');
  const stats = useListStats(l?.id, days);
  const versions = useQuery({
    queryKey: ['lists', l?.id, 'versions', l?.version],
    queryFn: async () => (await api.get<{ items: ListVersion[] }>(`/lists/${encodeURIComponent(l?.id ?? '')}/versions`)).items,
    enabled: !!l,
  });
  const archive = useMutation({
    mutationFn: (action: 'archive' | 'unarchive') => api.post<List>(`/lists/${encodeURIComponent(l?.id ?? '')}/${action}`),
    onSuccess: (saved) => {
      notifyOk(saved.archivedAt ? t('lists.archivedOk', { name: saved.name }) : t('lists.unarchivedOk', { name: saved.name }));
      void client.invalidateQueries({ queryKey: ['lists'] });
      props.onClose();
    },
  });
  if (!l) return null;
  const s = stats.data;
  const archived = l.archivedAt !== null;
  return (
    <Modal opened onClose={props.onClose} size="xl" title={l.name}>
      <Stack data-testid="list-detail">
        <Group gap="xs">
          <Badge variant="light">{t(`channel.${l.channel}`)}</Badge>
          <Badge variant="outline" data-testid="list-version">
            {t('lists.version', { version: l.version })}
          </Badge>
          {archived && (
            <Badge color="gray" data-testid="list-archived">
              {t('lists.archivedOn', { date: formatTime(l.archivedAt, i18n.language) })}
            </Badge>
          )}
        </Group>
        <Text size="sm" data-testid="list-purpose">
          {l.purposeText}
        </Text>
        <Text size="sm" c="dimmed">
          {t('lists.frequency')}: {l.frequency} · {t('lists.sender')}: {l.senderName}
        </Text>
        {archived && <Text size="sm">{t('lists.archivedHint')}</Text>}
        <ServiceNotice service="lists" />
        <Group>
          {!archived && (
            <Button onClick={() => setEditing(true)} disabled={!gate.allowed} title={gate.hint} data-testid="list-edit">
              {t('lists.edit')}
            </Button>
          )}
          {!archived ? (
            <Button
              variant="light"
              color="gray"
              loading={archive.isPending}
              disabled={!gate.allowed}
              title={gate.hint}
              data-testid="list-archive"
              onClick={() => archive.mutate('archive')}
            >
              {t('lists.archive')}
            </Button>
          ) : (
            <Button
              variant="light"
              loading={archive.isPending}
              disabled={!gate.allowed}
              title={gate.hint}
              data-testid="list-unarchive"
              onClick={() => archive.mutate('unarchive')}
            >
              {t('lists.unarchive')}
            </Button>
          )}
        </Group>

        <Title order={4}>{t('lists.countsTitle')}</Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {/* Each count opens the contacts page filtered to this list and status. */}
          {LIST_COUNT_STATUSES.map((status) => (
            <Anchor
              key={status}
              component={Link}
              to={contactsHref({ listId: l.id, status })}
              underline="never"
              c="inherit"
              data-testid={`count-link-${status}`}
              title={t('lists.showContacts', { status: t(`contacts.statusLabel.${status}`) })}
            >
              <Card withBorder padding="sm" h="100%">
                <Badge color={STATUS_COLOR[status]} variant="light" style={{ cursor: 'pointer' }}>
                  {t(`contacts.statusLabel.${status}`)}
                </Badge>
                <Text size="xl" fw={700} data-testid={`count-${status}`}>
                  {s ? s.counts[status] : '…'}
                </Text>
              </Card>
            </Anchor>
          ))}
        </SimpleGrid>

        <Group justify="space-between">
          <Title order={4}>{t('lists.growthTitle')}</Title>
          <SegmentedControl
            aria-label={t('lists.period')}
            value={String(days)}
            onChange={(v) => setDays(v === '90' ? 90 : 30)}
            data={[
              { value: '30', label: t('lists.days', { n: 30 }) },
              { value: '90', label: t('lists.days', { n: 90 }) },
            ]}
          />
        </Group>
        {s && (
          <>
            <LineChart
              testId="list-growth"
              title={t('lists.growthTitle')}
              language={i18n.language}
              days
              times={s.growth.map((g) => `${g.day}T00:00:00.000Z`)}
              series={[
                { label: t('lists.gained'), color: '#2f9e44', values: s.growth.map((g) => g.gained) },
                { label: t('lists.lost'), color: '#e03131', values: s.growth.map((g) => g.lost) },
              ]}
            />
            <Text size="sm" c="dimmed" data-testid="growth-totals">
              {t('lists.growthTotals', {
                days: s.days,
                gained: s.growth.reduce((a, g) => a + g.gained, 0),
                lost: s.growth.reduce((a, g) => a + g.lost, 0),
              })}
            </Text>
          </>
        )}

        <Title order={4}>{t('lists.versionsTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('lists.versionsHint')}
        </Text>
        <Table data-testid="list-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('lists.versionCol')}</Table.Th>
              <Table.Th>{t('lists.purpose')}</Table.Th>
              <Table.Th>{t('lists.frequency')}</Table.Th>
              <Table.Th>{t('lists.sender')}</Table.Th>
              <Table.Th>{t('lists.since')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data?.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{v.purposeText}</Table.Td>
                <Table.Td>{v.frequency}</Table.Td>
                <Table.Td>{v.senderName}</Table.Td>
                <Table.Td>{formatTime(v.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {editing && <EditListModal list={l} onClose={() => setEditing(false)} />}
    </Modal>
  );
}
