// IMP-05: the compliance reviewer's queue, compact (issue 13 §4): one row per import with the
// account's name, rows, score and its top reasons; a row expands to its forensics report (score,
// reasons with their weights), samples of flagged rows and the account's import history; the
// reviewer approves or rejects it with a reason (audited; the customer is told by mail).
// Filters: status asks the server; account, lowest score and reason narrow the page already
// loaded (the queue answers at most IMPORT_LIST_MAX imports), as listmonk's and Brevo's lists do.
import { Fragment, useMemo, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IMPORT_REVIEW_RISK_SCORE } from '../../../../policy/imports.ts';
import { formatTime } from '../../components/format.ts';
import { notifyOk } from '../../notify.ts';
import type { ImportStatus } from '../../../../src/core/imports/types.ts';
import type { ReviewQueueItem } from '../../../../src/server/routes/imports/list-review-queue.ts';
import { useApi } from '../../session.tsx';
import { IMPORT_STATUS_COLOR } from '../imports/Imports.tsx';
import { holdCauseTexts } from '../imports/hold-causes.ts';
import { AccountLink } from './AccountLink.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';
import { ReviewDecisionModal, type ReviewDecision } from './ReviewDecisionModal.tsx';

const STATUSES: ImportStatus[] = ['held', 'approved', 'rejected', 'completed', 'failed', 'processing'];
/** Reasons named in a collapsed row; the rest are in the expanded report. */
const TOP_REASONS = 3;
/** Columns of the queue table (the expanded row spans them all). */
const COLUMNS = 8;

export function OperatorImportReview() {
  return (
    <OperatorOnly>
      <QueueView />
    </OperatorOnly>
  );
}

/** The reasons that scored, highest points first. */
function topReasons(item: ReviewQueueItem): string[] {
  return [...(item.forensics?.reasons ?? [])]
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points)
    .map((r) => r.reason);
}

function QueueView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<ImportStatus>('held');
  const [account, setAccount] = useState<string | null>(null);
  const [minScore, setMinScore] = useState<number | ''>('');
  const [reason, setReason] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const queue = useQuery({
    queryKey: ['operator', 'imports', status],
    queryFn: async () => (await api.get<{ items: ReviewQueueItem[] }>(`/operator/imports?status=${status}`)).items,
  });
  const [deciding, setDeciding] = useState<{ item: ReviewQueueItem; decision: 'approve' | 'reject' } | null>(null);
  const all = useMemo(() => queue.data ?? [], [queue.data]);
  const accounts = useMemo(
    () =>
      [...new Map(all.map((i) => [i.accountId, i.accountName ?? i.accountId])).entries()]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [all],
  );
  const reasons = useMemo(() => [...new Set(all.flatMap(topReasons))].sort(), [all]);
  const shown = all.filter(
    (i) =>
      (account === null || i.accountId === account) &&
      (minScore === '' || (i.riskScore ?? 0) >= minScore) &&
      (reason === null || topReasons(i).includes(reason)),
  );
  const reasonName = (r: string) => t(`importReview.reasons.${r}`, r);
  return (
    <Stack>
      <Title order={2}>{t('importReview.queueTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('importReview.queueHint')}
      </Text>
      <Group align="flex-end" data-testid="queue-filters">
        <Select
          w={200}
          label={t('importReview.filterStatus')}
          value={status}
          onChange={(v) => v && setStatus(v as ImportStatus)}
          data={STATUSES.map((s) => ({ value: s, label: t(`imports.status.${s}`) }))}
          allowDeselect={false}
        />
        <Select
          w={240}
          label={t('importReview.filterAccount')}
          placeholder={t('importReview.anyAccount')}
          value={account}
          onChange={setAccount}
          data={accounts}
          clearable
          searchable
        />
        <NumberInput
          w={160}
          label={t('importReview.filterMinScore')}
          value={minScore}
          onChange={(v) => setMinScore(typeof v === 'number' ? v : '')}
          min={0}
          max={100}
        />
        <Select
          w={260}
          label={t('importReview.filterReason')}
          placeholder={t('importReview.anyReason')}
          value={reason}
          onChange={setReason}
          data={reasons.map((r) => ({ value: r, label: reasonName(r) }))}
          clearable
        />
      </Group>
      {all.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="queue-count">
          {t('importReview.shownOf', { shown: shown.length, total: all.length })}
        </Text>
      )}
      {queue.data?.length === 0 && (
        <Text c="dimmed" data-testid="queue-empty">
          {t('importReview.empty')}
        </Text>
      )}
      {all.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="review-queue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{t('importReview.account')}</Table.Th>
                <Table.Th>{t('importReview.file')}</Table.Th>
                <Table.Th>{t('importReview.rows')}</Table.Th>
                <Table.Th>{t('importReview.scoreHeader')}</Table.Th>
                <Table.Th>{t('importReview.topReasons')}</Table.Th>
                <Table.Th>{t('operator.status')}</Table.Th>
                <Table.Th>{t('importReview.uploaded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((item) => {
                const expanded = open === item.id;
                const top = topReasons(item);
                return (
                  <Fragment key={item.id}>
                    <Table.Tr
                      data-testid="review-item"
                      data-import-id={item.id}
                      aria-expanded={expanded}
                      style={{ cursor: 'pointer' }}
                      onClick={() => setOpen(expanded ? null : item.id)}
                    >
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={t(expanded ? 'importReview.collapse' : 'importReview.expand')}
                        >
                          {expanded ? '▾' : '▸'}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td data-testid="review-account">
                        <AccountLink id={item.accountId} name={item.accountName} link={false} />
                      </Table.Td>
                      <Table.Td>{item.fileName ?? '—'}</Table.Td>
                      <Table.Td data-testid="review-rows">{item.rowsRead}</Table.Td>
                      <Table.Td data-testid="review-score">
                        <Text size="sm" fw={700} c={(item.riskScore ?? 0) >= IMPORT_REVIEW_RISK_SCORE ? 'red' : undefined}>
                          {item.riskScore ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td data-testid="review-reasons">
                        <Group gap={4}>
                          {top.slice(0, TOP_REASONS).map((r) => (
                            <Badge key={r} size="sm" variant="light" color="orange">
                              {reasonName(r)}
                            </Badge>
                          ))}
                          {top.length > TOP_REASONS && (
                            <Text size="xs" c="dimmed">
                              +{top.length - TOP_REASONS}
                            </Text>
                          )}
                          {top.length === 0 && (item.holdReasons?.length ?? 0) > 0 && (
                            <Text size="xs">{holdCauseTexts(item, t, i18n.language)[0]}</Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={IMPORT_STATUS_COLOR[item.status]}>{t(`imports.status.${item.status}`)}</Badge>
                      </Table.Td>
                      <Table.Td>{formatTime(item.createdAt, i18n.language)}</Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr data-testid="review-detail" data-import-id={item.id}>
                        <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-gray-0)">
                          <QueueItemDetail item={item} onDecide={(decision) => setDeciding({ item, decision })} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

function QueueItemDetail(props: { item: ReviewQueueItem; onDecide: (d: 'approve' | 'reject') => void }) {
  const { t, i18n } = useTranslation();
  const r = props.item;
  const f = r.forensics;
  const samples = Object.entries(f?.samples ?? {}).filter(([, rows]) => rows.length > 0);
  return (
    <Stack gap="xs" py="xs">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4}>{r.fileName ?? r.id}</Title>
          <Text size="sm" c="dimmed">
            {t('importReview.account')}: <AccountLink id={r.accountId} name={r.accountName} /> ·{' '}
            {formatTime(r.createdAt, i18n.language)}
          </Text>
          <Text size="sm">
            <b>{t('imports.sourceLabel')}:</b> {t(`imports.source.${r.source}`, r.source)}
            {r.sourceDescription ? ` — ${r.sourceDescription}` : ''}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Badge color={IMPORT_STATUS_COLOR[r.status]}>{t(`imports.status.${r.status}`)}</Badge>
          <Text size="xl" fw={700} c={(r.riskScore ?? 0) >= IMPORT_REVIEW_RISK_SCORE ? 'red' : 'dark'}>
            {t('importReview.score', { score: r.riskScore ?? '—' })}
          </Text>
        </Stack>
      </Group>
      <Group gap="lg">
        <Text size="sm">
          {t('imports.rowsRead')}: <b>{r.rowsRead}</b>
        </Text>
        <Text size="sm">
          {t('imports.imported')}: <b>{r.imported}</b>
        </Text>
        <Text size="sm">
          {t('imports.quarantined')}: <b>{r.quarantined}</b>
        </Text>
        <Text size="sm">
          {t('imports.rejected')}: <b>{r.rejected}</b>
        </Text>
        <Text size="sm">
          {t('imports.withoutEvidence')}: <b>{r.withoutEvidence}</b>
        </Text>
      </Group>
      {(r.holdReasons?.length ?? 0) > 0 && (
        <Text size="sm" mt="xs">
          <b>{t('importReview.heldBecause')}:</b> {holdCauseTexts(r, t, i18n.language).join('; ')}
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md">
        <div>
          <Text fw={600} size="sm">
            {t('importReview.forensics')}
          </Text>
          {f && f.reasons.length > 0 ? (
            <Table fz="xs" data-testid="forensics">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('importReview.reason')}</Table.Th>
                  <Table.Th>{t('importReview.weight')}</Table.Th>
                  <Table.Th>{t('importReview.measure')}</Table.Th>
                  <Table.Th>{t('importReview.points')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.reasons.map((x) => (
                  <Table.Tr key={x.reason}>
                    <Table.Td>
                      <Text size="xs" fw={600}>
                        {t(`importReview.reasons.${x.reason}`, x.reason)}
                      </Text>
                      <Code>{x.reason}</Code>
                      <Text size="xs" c="dimmed">
                        {x.detail}
                      </Text>
                    </Table.Td>
                    <Table.Td>{x.weight}</Table.Td>
                    <Table.Td>{x.measure}</Table.Td>
                    <Table.Td>{x.points}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {t('importReview.noSignals')}
            </Text>
          )}
          <Text fw={600} size="sm" mt="md">
            {t('importReview.samples')}
          </Text>
          {samples.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('importReview.noSamples')}
            </Text>
          )}
          {samples.map(([reason, rows]) => (
            <div key={reason}>
              <Code>{reason}</Code>
              <Table fz="xs">
                <Table.Tbody>
                  {rows.map((s) => (
                    <Table.Tr key={`${reason}-${s.rowNumber}`}>
                      <Table.Td w={70}>#{s.rowNumber}</Table.Td>
                      <Table.Td>{s.email}</Table.Td>
                      <Table.Td>{s.note ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </div>
        <div>
          <Text fw={600} size="sm">
            {t('importReview.history')}
          </Text>
          {r.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('importReview.firstImport')}
            </Text>
          ) : (
            <Table fz="xs">
              <Table.Tbody>
                {r.history.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td>{formatTime(h.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge size="xs" color={IMPORT_STATUS_COLOR[h.status as ImportStatus] ?? 'gray'}>
                        {t(`imports.status.${h.status}`, h.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t('importReview.rowsN', { n: h.rowsRead })}</Table.Td>
                    <Table.Td>{h.riskScore ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </SimpleGrid>

      {r.status === 'held' && (
        <Group justify="flex-end" mt="md">
          <Button color="red" variant="light" onClick={() => props.onDecide('reject')}>
            {t('importReview.reject')}
          </Button>
          <Button color="green" onClick={() => props.onDecide('approve')}>
            {t('importReview.approve')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function DecisionModal(props: { deciding: { item: ReviewQueueItem; decision: ReviewDecision } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const d = props.deciding;
  const decide = useMutation({
    mutationFn: (input: { id: string; decision: ReviewDecision; reason: string }) =>
      api.post<unknown>(`/operator/imports/${encodeURIComponent(input.id)}/review`, {
        decision: input.decision,
        reason: input.reason,
      }),
    onSuccess: (_a, input) => {
      notifyOk(t(input.decision === 'approve' ? 'review.approvedOk' : 'review.rejectedOk'));
      void client.invalidateQueries({ queryKey: ['operator', 'imports'] });
    },
  });
  return (
    <ReviewDecisionModal
      decision={d?.decision ?? null}
      texts="importReview"
      name={d?.item.fileName ?? d?.item.id ?? ''}
      busy={decide.isPending}
      onClose={props.onClose}
      onSubmit={(decision, reason) => decide.mutateAsync({ id: d!.item.id, decision, reason })}
    />
  );
}
