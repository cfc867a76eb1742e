// BL-03: policy blocks and blocklist listings as incidents (open / closed), each closed with a
// note (audited); REP-01: the recent bounce events (filter by kind) and how many inbound items
// (bounces, reports, webhooks) are in each status.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InboundStatus } from '../../../../src/core/enforcement/ports.ts';
import type { BounceAnswer, IncidentAnswer } from '../../../../src/server/routes/enforcement/shapes.ts';
import { formatTime } from '../../components/format.ts';
import { errorMessage, notifyOk } from '../../notify.ts';
import { useApi } from '../../session.tsx';
import { NoteModal } from './NoteModal.tsx';
import { AccountLink } from './AccountLink.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';

type BounceKind = BounceAnswer['kind'];
const BOUNCE_KINDS: BounceKind[] = ['hard', 'soft', 'policy-block'];
const INBOUND_STATUSES: InboundStatus[] = ['received', 'processed', 'untraceable', 'failed'];
/** src/core/audit/types.ts MAX_AUDIT_REASON_LENGTH. */
const MAX_NOTE_LENGTH = 1000;
const BOUNCE_COLOR: Record<BounceKind, string> = { hard: 'red', soft: 'yellow', 'policy-block': 'orange' };

export function OperatorIncidents() {
  return (
    <OperatorOnly>
      <Stack>
        <IncidentsView />
        <InboundCounts />
        <BouncesView />
      </Stack>
    </OperatorOnly>
  );
}

function IncidentsView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const [tab, setTab] = useState<'open' | 'closed'>('open');
  const [closing, setClosing] = useState<IncidentAnswer | null>(null);
  const list = useQuery({
    queryKey: ['operator', 'incidents', tab],
    queryFn: () => api.get<IncidentAnswer[]>(`/operator/incidents?open=${tab === 'open'}&limit=200`),
  });
  const close = useMutation({
    meta: { inlineError: true },
    mutationFn: (input: { id: string; note: string }) =>
      api.post<IncidentAnswer>(`/operator/incidents/${encodeURIComponent(input.id)}/close`, { note: input.note }),
    onSuccess: () => {
      notifyOk(t('incidents.closedOk'));
      void client.invalidateQueries({ queryKey: ['operator', 'incidents'] });
    },
  });
  return (
    <Stack>
      <Title order={2}>{t('incidents.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('incidents.hint')}
      </Text>
      <Tabs value={tab} onChange={(v) => setTab(v === 'closed' ? 'closed' : 'open')}>
        <Tabs.List>
          <Tabs.Tab value="open">{t('incidents.open')}</Tabs.Tab>
          <Tabs.Tab value="closed">{t('incidents.closed')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {list.data?.length === 0 && (
        <Text c="dimmed" data-testid="incidents-empty">
          {t('incidents.empty')}
        </Text>
      )}
      {!!list.data?.length && (
        <Table data-testid="incidents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incidents.kind')}</Table.Th>
              <Table.Th>{t('incidents.subject')}</Table.Th>
              <Table.Th>{t('incidents.account')}</Table.Th>
              <Table.Th>{t('incidents.occurrences')}</Table.Th>
              <Table.Th>{t('incidents.summary')}</Table.Th>
              <Table.Th>{t('incidents.openedAt')}</Table.Th>
              <Table.Th>{t('incidents.lastSeenAt')}</Table.Th>
              <Table.Th>{tab === 'open' ? '' : t('incidents.closedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((i) => (
              <Table.Tr key={i.id} data-testid="incident-row" data-incident-id={i.id}>
                <Table.Td>
                  <Badge miw="max-content" color={i.kind === 'blocklist' ? 'dark' : 'orange'}>
                    {t(`incidents.kinds.${i.kind}`, i.kind)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t(`incidents.subjectKinds.${i.subjectKind}`, i.subjectKind)}
                  </Text>
                  <code>{i.subject}</code>
                </Table.Td>
                <Table.Td>
                  <AccountLink id={i.accountId} name={i.accountName} none={t('incidents.platform')} />
                </Table.Td>
                <Table.Td>{i.occurrences}</Table.Td>
                <Table.Td>{i.summary}</Table.Td>
                <Table.Td>{formatTime(i.openedAt, i18n.language)}</Table.Td>
                <Table.Td>{formatTime(i.lastSeenAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {tab === 'open' ? (
                    <Button size="xs" variant="light" onClick={() => setClosing(i)}>
                      {t('incidents.close')}
                    </Button>
                  ) : (
                    <>
                      <Text size="sm">{formatTime(i.closedAt, i18n.language)}</Text>
                      {i.closeNote && (
                        <Text size="xs" c="dimmed" data-testid="close-note">
                          {i.closeNote}
                        </Text>
                      )}
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NoteModal
        opened={closing !== null}
        title={t('incidents.closeTitle', { subject: closing?.subject ?? '' })}
        explain={t('incidents.closeExplain')}
        label={t('incidents.note')}
        submitLabel={t('incidents.close')}
        color="green"
        maxLength={MAX_NOTE_LENGTH}
        busy={close.isPending}
        onClose={() => setClosing(null)}
        onSubmit={(note) => close.mutateAsync({ id: closing!.id, note })}
      />
    </Stack>
  );
}

function InboundCounts() {
  const { t } = useTranslation();
  const api = useApi();
  const counts = useQuery({
    queryKey: ['operator', 'inbound'],
    queryFn: () => api.get<Record<InboundStatus, number>>('/operator/inbound'),
  });
  return (
    <Stack gap="xs">
      <Title order={3}>{t('incidents.inboundTitle')}</Title>
      {counts.error && <Alert color="red">{errorMessage(counts.error, t)}</Alert>}
      {counts.data && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="inbound-counts">
          {INBOUND_STATUSES.map((s) => (
            <Card key={s} withBorder padding="sm" data-testid="inbound-count" data-status={s}>
              <Text size="xs" c="dimmed">
                {t(`incidents.inbound.${s}`)}
              </Text>
              <Text size="xl" fw={700}>
                {counts.data[s]}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function BouncesView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [kind, setKind] = useState<BounceKind | 'all'>('all');
  const list = useQuery({
    queryKey: ['operator', 'bounces', kind],
    queryFn: () => api.get<BounceAnswer[]>(`/operator/bounces?limit=100${kind === 'all' ? '' : `&kind=${kind}`}`),
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3}>{t('bounces.title')}</Title>
        <Select
          label={t('bounces.kind')}
          w={200}
          value={kind}
          allowDeselect={false}
          onChange={(v) => setKind((v ?? 'all') as BounceKind | 'all')}
          data={[
            { value: 'all', label: t('bounces.allKinds') },
            ...BOUNCE_KINDS.map((k) => ({ value: k, label: t(`bounces.kinds.${k}`) })),
          ]}
        />
      </Group>
      {list.data?.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('bounces.empty')}
        </Text>
      )}
      {!!list.data?.length && (
        <Table fz="sm" data-testid="bounces">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bounces.at')}</Table.Th>
              <Table.Th>{t('bounces.kind')}</Table.Th>
              <Table.Th>{t('bounces.status')}</Table.Th>
              <Table.Th>{t('bounces.reason')}</Table.Th>
              <Table.Th>{t('bounces.reply')}</Table.Th>
              <Table.Th>{t('bounces.account')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((b) => (
              <Table.Tr key={b.id} data-testid="bounce-row">
                <Table.Td>{formatTime(b.at, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge miw="max-content" color={BOUNCE_COLOR[b.kind]}>
                    {t(`bounces.kinds.${b.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <code>{b.status}</code>
                </Table.Td>
                <Table.Td>{b.reason}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {b.reply}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AccountLink id={b.accountId} name={b.accountName} none={t('incidents.platform')} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
