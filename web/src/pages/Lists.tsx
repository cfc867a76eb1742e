// Lists (CON-01): one purpose on one channel, with its frequency and sender; double opt-in on by
// default (CON-06). The dry run shows what the send gate would decide today, by reason (DEL-01).
// A list opens in ListDetail (counts, growth, versions, edit, archive); archived lists are shown
// apart, read-only, and can be unarchived there (issue 13 §2).
import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../components/format.ts';
import { ServiceNotice, useService } from '../components/ServiceGate.tsx';
import { notifyOk } from '../notify.ts';
import type { Channel } from '../../../src/core/consent/types.ts';
import { SEND_REFUSALS, type DryRunReport } from '../../../src/core/gate/types.ts';
import type { List } from '../../../src/core/lists/types.ts';
import { useApi } from '../session.tsx';
import { ListDetail, useListStats } from './lists/ListDetail.tsx';
import { ListFields } from './lists/ListFields.tsx';

export const LISTS_KEY = ['lists'] as const;

export function useLists() {
  const api = useApi();
  return useQuery({ queryKey: LISTS_KEY, queryFn: async () => (await api.get<{ items: List[] }>('/lists')).items });
}

/** Every list, archived ones included (the lists screen only; other screens use useLists). */
function useAllLists() {
  const api = useApi();
  return useQuery({
    queryKey: [...LISTS_KEY, 'all'],
    queryFn: async () => (await api.get<{ items: List[] }>('/lists?archived=true')).items,
  });
}

export function Lists() {
  const { t } = useTranslation();
  const lists = useAllLists();
  // Blocked and suspended accounts cannot create, edit or archive lists (the API's standing guard);
  // the lists, their counts and the dry run stay readable.
  const gate = useService('lists');
  const [creating, setCreating] = useState(false);
  const [dryRun, setDryRun] = useState<List | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const active = lists.data?.filter((l) => l.archivedAt === null) ?? [];
  const archived = lists.data?.filter((l) => l.archivedAt !== null) ?? [];
  const open = lists.data?.find((l) => l.id === openId) ?? null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('lists.title')}</Title>
        <Button onClick={() => setCreating(true)} disabled={!gate.allowed} title={gate.hint} data-testid="list-create">
          {t('lists.create')}
        </Button>
      </Group>
      <ServiceNotice service="lists" />
      <Text size="sm" c="dimmed">
        {t('lists.intro')}
      </Text>
      {lists.data?.length === 0 && <Text c="dimmed">{t('lists.empty')}</Text>}
      {active.length > 0 && (
        <ListTable lists={active} onOpen={(l) => setOpenId(l.id)} onDryRun={setDryRun} testId="lists-active" />
      )}
      {archived.length > 0 && (
        <>
          <Title order={3}>{t('lists.archivedTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('lists.archivedHint')}
          </Text>
          <ListTable lists={archived} onOpen={(l) => setOpenId(l.id)} testId="lists-archived" />
        </>
      )}
      <CreateListModal opened={creating} onClose={() => setCreating(false)} />
      <DryRunModal list={dryRun} onClose={() => setDryRun(null)} />
      <ListDetail list={open} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

function ListTable(props: { lists: List[]; onOpen: (l: List) => void; onDryRun?: (l: List) => void; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lists.name')}</Table.Th>
            <Table.Th>{t('lists.channel')}</Table.Th>
            <Table.Th>{t('lists.frequency')}</Table.Th>
            <Table.Th>{t('lists.sender')}</Table.Th>
            <Table.Th>{t('lists.contacts')}</Table.Th>
            <Table.Th>{t('lists.doubleOptIn')}</Table.Th>
            <Table.Th>{t('lists.createdAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.lists.map((l) => (
            <Table.Tr key={l.id} data-testid={`list-row-${l.name}`}>
              <Table.Td>
                <Anchor component="button" fw={600} onClick={() => props.onOpen(l)}>
                  {l.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {l.purposeText}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('lists.version', { version: l.version })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`channel.${l.channel}`)}</Badge>
              </Table.Td>
              <Table.Td>{l.frequency}</Table.Td>
              <Table.Td>{l.senderName}</Table.Td>
              <Table.Td>
                <ActiveCount listId={l.id} />
              </Table.Td>
              <Table.Td>{l.doubleOptIn ? t('app.yes') : t('app.no')}</Table.Td>
              <Table.Td>{formatTime(l.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => props.onOpen(l)}>
                    {t('lists.open')}
                  </Button>
                  {props.onDryRun && (
                    <Button size="xs" variant="subtle" onClick={() => props.onDryRun?.(l)}>
                      {t('lists.dryRun')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Active and pending contacts of one list (the same query the list's detail uses, cached). */
function ActiveCount(props: { listId: string }) {
  const { t } = useTranslation();
  const stats = useListStats(props.listId);
  const c = stats.data?.counts;
  if (!c) return <Text size="sm">…</Text>;
  return (
    <Text size="sm" data-testid="active-count">
      {t('lists.activeCount', { active: c.active, pending: c.pending })}
    </Text>
  );
}

function CreateListModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const empty = { name: '', purposeText: '', channel: 'email' as Channel, frequency: '', senderName: '', doubleOptIn: true };
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () => api.post<List>('/lists', form),
    onSuccess: (list) => {
      notifyOk(t('lists.createdOk', { name: list.name }));
      setForm(empty);
      void client.invalidateQueries({ queryKey: LISTS_KEY });
      props.onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('lists.createTitle')} size="lg">
      <form onSubmit={submit}>
        <ListFields
          form={form}
          set={(k, v) => set(k, v as never)}
          channel={{ value: form.channel, onChange: (c) => set('channel', c) }}
          autoFocus
        >
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('lists.create')}
            </Button>
          </Group>
        </ListFields>
      </form>
    </Modal>
  );
}

function DryRunModal(props: { list: List | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = props.list?.id;
  const report = useQuery({
    queryKey: ['lists', id, 'dry-run'],
    queryFn: () => api.get<DryRunReport>(`/lists/${encodeURIComponent(id ?? '')}/dry-run`),
    enabled: !!id,
    staleTime: 0,
    gcTime: 0,
  });
  const r = report.data;
  return (
    <Modal opened={props.list !== null} onClose={props.onClose} title={t('lists.dryRunTitle', { name: props.list?.name ?? '' })}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('lists.dryRunHint')}
        </Text>
        {r && (
          <Table data-testid="dry-run">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('lists.total')}</Table.Th>
                <Table.Td data-testid="dry-run-total">{r.total}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>
                  <Badge color="green">{t('gate.allowed')}</Badge>
                </Table.Th>
                <Table.Td data-testid="dry-run-allowed">{r.allowed}</Table.Td>
              </Table.Tr>
              {SEND_REFUSALS.map((reason) => (
                <Table.Tr key={reason}>
                  <Table.Th>
                    <Text size="sm">{t(`gate.reason.${reason}`)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {reason}
                    </Text>
                  </Table.Th>
                  <Table.Td data-testid={`dry-run-${reason}`}>{r.refused[reason] ?? 0}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void report.refetch()} loading={report.isFetching}>
            {t('app.retry')}
          </Button>
          <Button onClick={props.onClose}>{t('app.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
