// REP-03: the complaint review queue. Each complaint opens a drawer with where it came from
// (source, feedback type, how it was traced, whether it counts), the account, the delivery and
// the campaign it is about (the body as TEXT, never rendered as HTML) and the stored report in a
// <pre>; the operator confirms or dismisses it with a note (audited; a dismissed complaint leaves
// the account's rates).
import { useState } from 'react';
import { Badge, Button, Drawer, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, CampaignSummary } from '../../../../src/core/enforcement/service.ts';
import type { ComplaintAnswer } from '../../../../src/server/routes/enforcement/shapes.ts';
import { formatTime } from '../../components/format.ts';
import { notifyOk } from '../../notify.ts';
import { useApi } from '../../session.tsx';
import { NoteModal } from './NoteModal.tsx';
import { AccountLink } from './AccountLink.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';

type Status = ComplaintAnswer['reviewStatus'];
type Decision = 'confirm' | 'dismiss';
/** GET /operator/complaints/:id (src/server/routes/enforcement/get-complaint.ts): the service's
 * detail with the campaign body cut to an excerpt. */
type Detail = Omit<ComplaintDetail, 'complaint' | 'campaign'> & {
  complaint: ComplaintAnswer;
  campaign: (Omit<CampaignSummary, 'body'> & { bodyExcerpt: string; bodyTruncated: boolean }) | null;
};
const STATUSES: Status[] = ['open', 'confirmed', 'dismissed'];
/** src/core/audit/types.ts MAX_AUDIT_REASON_LENGTH (not imported: keeps server code out of the bundle). */
const MAX_NOTE_LENGTH = 1000;
const STATUS_COLOR: Record<Status, string> = { open: 'yellow', confirmed: 'red', dismissed: 'gray' };

export function OperatorComplaints() {
  return (
    <OperatorOnly>
      <QueueView />
    </OperatorOnly>
  );
}

function QueueView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<Status>('open');
  const [openId, setOpenId] = useState<string | null>(null);
  const queue = useQuery({
    queryKey: ['operator', 'complaints', status],
    queryFn: () => api.get<ComplaintAnswer[]>(`/operator/complaints?status=${status}&limit=200`),
  });
  return (
    <Stack>
      <Title order={2}>{t('complaints.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('complaints.hint')}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(v) => setStatus(v as Status)}
        data={STATUSES.map((s) => ({ value: s, label: t(`complaints.status.${s}`) }))}
        aria-label={t('complaints.statusFilter')}
      />
      {queue.data?.length === 0 && (
        <Text c="dimmed" data-testid="complaints-empty">
          {t('complaints.empty')}
        </Text>
      )}
      {!!queue.data?.length && (
        <Table highlightOnHover data-testid="complaints">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('complaints.received')}</Table.Th>
              <Table.Th>{t('complaints.source')}</Table.Th>
              <Table.Th>{t('complaints.feedbackType')}</Table.Th>
              <Table.Th>{t('complaints.account')}</Table.Th>
              <Table.Th>{t('complaints.tracedBy')}</Table.Th>
              <Table.Th>{t('complaints.counted')}</Table.Th>
              <Table.Th>{t('complaints.statusHeader')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((c) => (
              <Table.Tr
                key={c.id}
                data-testid="complaint-row"
                data-complaint-id={c.id}
                style={{ cursor: 'pointer' }}
                onClick={() => setOpenId(c.id)}
              >
                <Table.Td>{formatTime(c.receivedAt, i18n.language)}</Table.Td>
                <Table.Td>{t(`complaints.sources.${c.source}`, c.source)}</Table.Td>
                <Table.Td>{c.feedbackType}</Table.Td>
                <Table.Td>
                  <AccountLink id={c.accountId} name={c.accountName} link={false} />
                </Table.Td>
                <Table.Td>{t(`complaints.traced.${c.tracedBy}`, c.tracedBy)}</Table.Td>
                <Table.Td>{c.counted ? t('app.yes') : t('app.no')}</Table.Td>
                <Table.Td>
                  <Badge miw="max-content" color={STATUS_COLOR[c.reviewStatus]}>
                    {t(`complaints.status.${c.reviewStatus}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setOpenId(c.id)}>
                    {t('complaints.openDetail')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size="xl"
        title={t('complaints.detailTitle')}
      >
        {openId && <DetailView id={openId} onDecided={() => setOpenId(null)} />}
      </Drawer>
    </Stack>
  );
}

function DetailView(props: { id: string; onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const detail = useQuery({
    queryKey: ['operator', 'complaint', props.id],
    queryFn: () => api.get<Detail>(`/operator/complaints/${encodeURIComponent(props.id)}`),
  });
  const decide = useMutation({
    meta: { inlineError: true },
    mutationFn: (input: { decision: Decision; note: string }) =>
      api.post<ComplaintAnswer>(`/operator/complaints/${encodeURIComponent(props.id)}/review`, input),
    onSuccess: (_a, input) => {
      notifyOk(t(input.decision === 'confirm' ? 'complaints.confirmedOk' : 'complaints.dismissedOk'));
      void client.invalidateQueries({ queryKey: ['operator', 'complaints'] });
      void client.invalidateQueries({ queryKey: ['operator', 'complaint', props.id] });
      props.onDecided();
    },
  });
  const d = detail.data;
  if (!d) return null;
  const c = d.complaint;
  return (
    <Stack data-testid="complaint-detail" data-complaint-id={c.id}>
      <SimpleGrid cols={2}>
        <Field label={t('complaints.source')} value={t(`complaints.sources.${c.source}`, c.source)} testId="detail-source" />
        <Field label={t('complaints.feedbackType')} value={c.feedbackType} testId="detail-feedback-type" />
        <Field label={t('complaints.tracedBy')} value={t(`complaints.traced.${c.tracedBy}`, c.tracedBy)} testId="detail-traced" />
        <Field label={t('complaints.counted')} value={c.counted ? t('app.yes') : t('app.no')} testId="detail-counted" />
        <Field label={t('complaints.received')} value={formatTime(c.receivedAt, i18n.language)} />
        <Field label={t('complaints.reporter')} value={c.reporter ?? '—'} />
        <div>
          <Text size="xs" c="dimmed">
            {t('complaints.account')}
          </Text>
          <AccountLink id={c.accountId} name={c.accountName} none={t('complaints.untraced')} />
        </div>
        <Field label={t('complaints.statusHeader')} value={t(`complaints.status.${c.reviewStatus}`)} testId="detail-status" />
        {c.comment && <Field label={t('complaints.comment')} value={c.comment} />}
        {c.reviewNote && <Field label={t('complaints.reviewNote')} value={c.reviewNote} />}
      </SimpleGrid>
      {d.delivery && (
        <>
          <Title order={5}>{t('complaints.delivery')}</Title>
          <SimpleGrid cols={2}>
            <Field label={t('complaints.address')} value={d.delivery.address ?? t('complaints.erased')} />
            <Field label={t('complaints.deliveryStatus')} value={d.delivery.status} />
            <Field label={t('complaints.fromDomain')} value={d.delivery.fromDomain} />
            <Field label={t('complaints.messageId')} value={d.delivery.messageId ?? '—'} />
          </SimpleGrid>
        </>
      )}
      <Title order={5}>{t('complaints.campaign')}</Title>
      {d.campaign ? (
        <Stack gap="xs" data-testid="detail-campaign">
          <Field label={t('complaints.campaignName')} value={d.campaign.name} testId="detail-campaign-name" />
          <Field label={t('complaints.subject')} value={d.campaign.subject} testId="detail-campaign-subject" />
          <Field label={t('complaints.from')} value={d.campaign.fromEmail} />
          <div>
            <Text size="xs" c="dimmed">
              {t('complaints.bodyExcerpt')}
              {d.campaign.bodyTruncated ? ` ${t('complaints.truncated')}` : ''}
            </Text>
            {/* The customer's HTML as text: React escapes it, nothing of it is rendered. */}
            <Text
              size="xs"
              ff="monospace"
              data-testid="detail-body"
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', border: '1px solid #ddd', padding: 8 }}
            >
              {d.campaign.bodyExcerpt}
            </Text>
          </div>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('complaints.noCampaign')}
        </Text>
      )}
      <Title order={5}>{t('complaints.report')}</Title>
      {d.report ? (
        <>
          <Text size="xs" c="dimmed">
            {d.report.source} · {formatTime(d.report.receivedAt, i18n.language)}
          </Text>
          <pre
            data-testid="detail-report"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12, maxHeight: 320, overflow: 'auto' }}
          >
            {d.report.excerpt}
          </pre>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('complaints.noReport')}
        </Text>
      )}
      {c.reviewStatus === 'open' && (
        <Group justify="flex-end">
          <Button color="gray" variant="light" onClick={() => setDeciding('dismiss')}>
            {t('complaints.dismiss')}
          </Button>
          <Button color="red" onClick={() => setDeciding('confirm')}>
            {t('complaints.confirm')}
          </Button>
        </Group>
      )}
      <NoteModal
        opened={deciding !== null}
        title={t(deciding === 'dismiss' ? 'complaints.dismissTitle' : 'complaints.confirmTitle')}
        explain={t(deciding === 'dismiss' ? 'complaints.dismissExplain' : 'complaints.confirmExplain')}
        label={t('complaints.note')}
        submitLabel={t(deciding === 'dismiss' ? 'complaints.dismiss' : 'complaints.confirm')}
        color={deciding === 'dismiss' ? 'gray' : 'red'}
        maxLength={MAX_NOTE_LENGTH}
        busy={decide.isPending}
        onClose={() => setDeciding(null)}
        onSubmit={(note) => decide.mutateAsync({ decision: deciding!, note })}
      />
    </Stack>
  );
}

function Field(props: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid={props.testId}>
        {props.value}
      </Text>
    </div>
  );
}
