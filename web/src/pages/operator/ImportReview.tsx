// IMP-05: the compliance reviewer's queue. Each held import shows its forensics report (score,
// reasons with their weights), samples of flagged rows and the account's import history; the
// reviewer approves or rejects it with a reason (audited; the customer is told by mail).
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Code, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { IMPORT_REVIEW_RISK_SCORE } from '../../../../policy/imports.ts';
import { formatTime } from '../../components/format.ts';
import { notifyOk } from '../../notify.ts';
import type { ImportStatus } from '../../../../src/core/imports/types.ts';
import type { ReviewQueueItem } from '../../../../src/server/routes/imports/list-review-queue.ts';
import { useApi } from '../../session.tsx';
import { IMPORT_STATUS_COLOR } from '../imports/Imports.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';
import { ReviewDecisionModal, type ReviewDecision } from './ReviewDecisionModal.tsx';

const STATUSES: ImportStatus[] = ['held', 'approved', 'rejected', 'completed', 'failed', 'processing'];
/** The reviewer must say why (src/core/imports/review.ts MIN_REVIEW_REASON_LENGTH). */

export function OperatorImportReview() {
  return (
    <OperatorOnly>
      <QueueView />
    </OperatorOnly>
  );
}

function QueueView() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<ImportStatus>('held');
  const queue = useQuery({
    queryKey: ['operator', 'imports', status],
    queryFn: async () => (await api.get<{ items: ReviewQueueItem[] }>(`/operator/imports?status=${status}`)).items,
  });
  const [deciding, setDeciding] = useState<{ item: ReviewQueueItem; decision: 'approve' | 'reject' } | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('importReview.queueTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('importReview.queueHint')}
      </Text>
      <Select
        w={220}
        aria-label={t('operator.status')}
        value={status}
        onChange={(v) => v && setStatus(v as ImportStatus)}
        data={STATUSES.map((s) => ({ value: s, label: t(`imports.status.${s}`) }))}
        allowDeselect={false}
      />
      {queue.data?.length === 0 && (
        <Text c="dimmed" data-testid="queue-empty">
          {t('importReview.empty')}
        </Text>
      )}
      {queue.data?.map((item) => (
        <QueueItem key={item.id} item={item} onDecide={(decision) => setDeciding({ item, decision })} />
      ))}
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

function QueueItem(props: { item: ReviewQueueItem; onDecide: (d: 'approve' | 'reject') => void }) {
  const { t, i18n } = useTranslation();
  const r = props.item;
  const f = r.forensics;
  const samples = Object.entries(f?.samples ?? {}).filter(([, rows]) => rows.length > 0);
  return (
    <Card withBorder data-testid="review-item" data-import-id={r.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4}>{r.fileName ?? r.id}</Title>
          <Text size="sm" c="dimmed">
            {t('importReview.account')}:{' '}
            <Anchor component={Link} to={`/operator/accounts/${encodeURIComponent(r.accountId)}`}>
              {r.accountId}
            </Anchor>{' '}
            · {formatTime(r.createdAt, i18n.language)}
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
      <Group gap="lg" mt="xs">
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
          <b>{t('importReview.heldBecause')}:</b> {r.holdReasons?.join('; ')}
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
    </Card>
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
