// CNT-02: the compliance reviewer's queue of campaigns the content screen held. Each shows the
// message as it was screened (a sandboxed iframe, no scripts, no same origin) with the matched
// spans marked, the subject and preheader with theirs, the findings (category, rule, score, the
// matched text), the account's declared industry and recent campaigns; the reviewer approves or
// rejects with a reason (audited; the customer is mailed and sees the reason on the campaign).
import { useMemo, useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contentCategoryName } from '../../../../policy/content/names.ts';
import { CONTENT_STANDING } from '../../../../policy/content/standing.ts';
import { highlightHtml, segmentText, type HighlightSpan } from '../../../../src/core/campaigns/highlight.ts';
import type { CampaignReviewItem as HeldReview } from '../../../../src/server/routes/campaigns/review-item.ts';
import type { Finding, Span } from '../../../../src/core/content/screen.ts';
import { formatTime } from '../../components/format.ts';
import { notifyOk } from '../../notify.ts';
import { useApi } from '../../session.tsx';
import { STATUS_COLOR } from '../campaigns/hooks.ts';
import { AccountLink } from './AccountLink.tsx';
import { useIndustryName } from './industry.ts';
import { OperatorOnly } from './OperatorOnly.tsx';
import { ReviewDecisionModal, type ReviewDecision } from './ReviewDecisionModal.tsx';

/** The reviewer must say why (the route refuses an empty note). */
/** The route's limit on a note (src/core/campaigns/schemas.ts MAX_NOTE_LENGTH; not imported: it would pull zod into the bundle). */
const MAX_NOTE_LENGTH = 1000;
const QUEUE_KEY = ['operator', 'campaign-reviews'];

export function OperatorCampaignReviews() {
  return (
    <OperatorOnly>
      <QueueView />
    </OperatorOnly>
  );
}

function QueueView() {
  const { t } = useTranslation();
  const api = useApi();
  const queue = useQuery({
    queryKey: QUEUE_KEY,
    queryFn: async () => (await api.get<{ items: HeldReview[] }>('/operator/campaign-reviews')).items,
  });
  const [deciding, setDeciding] = useState<{ item: HeldReview; decision: 'approve' | 'reject' } | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('campaignReview.queueTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('campaignReview.queueHint')}
      </Text>
      {queue.data?.length === 0 && (
        <Text c="dimmed" data-testid="queue-empty">
          {t('campaignReview.empty')}
        </Text>
      )}
      {queue.data?.map((item) => (
        <QueueItem key={item.campaign.id} item={item} onDecide={(decision) => setDeciding({ item, decision })} />
      ))}
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

/** The findings as the screen gives them (src/core/content/screen.ts), skipping anything malformed. */
function findingsOf(item: HeldReview): Finding[] {
  return item.findings.filter(
    (f): f is Finding =>
      !!f && typeof f === 'object' && typeof (f as Finding).category === 'string' && Array.isArray((f as Finding).spans),
  );
}

function spansFor(findings: Finding[], field: Span['field']): HighlightSpan[] {
  return findings.flatMap((f) => f.spans.filter((s) => s.field === field).map((s) => ({ ...s, category: f.category })));
}

function Highlighted(props: { text: string; spans: HighlightSpan[]; testId: string }) {
  return (
    <span data-testid={props.testId}>
      {segmentText(props.text, props.spans).map((s, i) =>
        s.category === null ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark key={i} data-testid="span" data-category={s.category}>
            {s.text}
          </mark>
        ),
      )}
    </span>
  );
}

function QueueItem(props: { item: HeldReview; onDecide: (d: 'approve' | 'reject') => void }) {
  const { t, i18n } = useTranslation();
  const { campaign: c, item } = { campaign: props.item.campaign, item: props.item };
  const findings = findingsOf(item);
  const industryName = useIndustryName();
  // The HTML is the customer's own, shown as screened: in an iframe with sandbox="" (no scripts,
  // forms or same origin), the marks added only between tags (highlight.ts).
  const srcDoc = useMemo(() => highlightHtml(item.html, spansFor(findings, 'html')), [item.html, findings]);
  const textSpans = spansFor(findings, 'text');
  return (
    <Card withBorder data-testid="campaign-review-item" data-campaign-id={c.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4}>{c.name}</Title>
          <Text size="sm" c="dimmed">
            {t('campaignReview.account')}: <AccountLink id={c.accountId} name={item.accountName} /> ·{' '}
            {formatTime(c.updatedAt, i18n.language)}
          </Text>
          <Text size="sm" data-testid="review-industry">
            <b>{t('campaignReview.industry')}:</b> {industryName(item.industry) ?? t('campaignReview.unknownIndustry')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('campaignReview.policyRevision', { revision: item.policyRevision.slice(0, 12) })}
          </Text>
        </div>
        <Badge color="yellow">{t('campaigns.verdict.hold')}</Badge>
      </Group>
      <Stack gap={4} mt="sm">
        <Text size="sm">
          <b>{t('campaignReview.subject')}:</b>{' '}
          <Highlighted text={c.subject} spans={spansFor(findings, 'subject')} testId="review-subject" />
        </Text>
        {c.preheader && (
          <Text size="sm">
            <b>{t('campaignReview.preheader')}:</b>{' '}
            <Highlighted text={c.preheader} spans={spansFor(findings, 'preheader')} testId="review-preheader" />
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md">
        <div>
          <Text fw={600} size="sm">
            {t('campaignReview.message')}
          </Text>
          <iframe
            title={t('campaignReview.message')}
            data-testid="review-message"
            sandbox=""
            srcDoc={srcDoc}
            style={{ width: '100%', height: 420, border: '1px solid #ddd', background: '#fff' }}
          />
          {textSpans.length > 0 && (
            <details>
              <summary>
                <Text span size="sm">
                  {t('campaignReview.textPart')}
                </Text>
              </summary>
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                <Highlighted text={item.text} spans={textSpans} testId="review-text" />
              </Text>
            </details>
          )}
        </div>
        <div>
          <Text fw={600} size="sm">
            {t('campaignReview.findings')}
          </Text>
          <Table fz="xs" data-testid="review-findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaignReview.category')}</Table.Th>
                <Table.Th>{t('campaignReview.rule')}</Table.Th>
                <Table.Th>{t('campaignReview.score')}</Table.Th>
                <Table.Th>{t('campaignReview.matched')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {findings.map((f, i) => (
                <Table.Tr key={i} data-testid="review-finding" data-category={f.category}>
                  <Table.Td>{contentCategoryName(f.category, i18n.language)}</Table.Td>
                  <Table.Td>
                    <code>{f.rule}</code>
                  </Table.Td>
                  <Table.Td>{Math.round(f.score * 100) / 100}</Table.Td>
                  <Table.Td>{[...new Set(f.spans.map((s) => s.excerpt))].join(' · ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={600} size="sm" mt="md">
            {t('campaignReview.history')}
          </Text>
          <Text size="xs" c={item.recentRejects > 0 ? 'red' : 'dimmed'} data-testid="review-recent-rejects">
            {t('campaignReview.recentRejects', {
              days: CONTENT_STANDING.windowDays,
              n: item.recentRejects,
              limit: CONTENT_STANDING.rejectsToRestrict,
            })}
          </Text>
          {item.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('campaignReview.firstCampaign')}
            </Text>
          ) : (
            <Table fz="xs" data-testid="review-history">
              <Table.Tbody>
                {item.history.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td>{formatTime(h.updatedAt, i18n.language)}</Table.Td>
                    <Table.Td>{h.name}</Table.Td>
                    <Table.Td>
                      <Badge size="xs" color={STATUS_COLOR[h.status] ?? 'gray'}>
                        {t(`campaigns.statuses.${h.status}`, h.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {h.decision ? t(`campaigns.verdict.${h.decision}`) : '—'}
                      {h.decidedBy
                        ? ` (${h.decidedBy === 'screen' ? t('campaignReview.decidedByScreen') : t('campaignReview.decidedByReviewer')})`
                        : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button color="red" variant="light" onClick={() => props.onDecide('reject')}>
          {t('campaignReview.reject')}
        </Button>
        <Button color="green" onClick={() => props.onDecide('approve')}>
          {t('campaignReview.approve')}
        </Button>
      </Group>
    </Card>
  );
}

function DecisionModal(props: { deciding: { item: HeldReview; decision: ReviewDecision } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const d = props.deciding;
  const decide = useMutation({
    mutationFn: (input: { id: string; decision: ReviewDecision; note: string }) =>
      api.post<unknown>(`/operator/campaign-reviews/${encodeURIComponent(input.id)}`, {
        decision: input.decision,
        note: input.note,
      }),
    onSuccess: (_a, input) => {
      notifyOk(t(input.decision === 'approve' ? 'campaignReview.approvedOk' : 'campaignReview.rejectedOk'));
      void client.invalidateQueries({ queryKey: QUEUE_KEY });
    },
  });
  return (
    <ReviewDecisionModal
      decision={d?.decision ?? null}
      texts="campaignReview"
      name={d?.item.campaign.name ?? ''}
      maxLength={MAX_NOTE_LENGTH}
      busy={decide.isPending}
      onClose={props.onClose}
      onSubmit={(decision, note) => decide.mutateAsync({ id: d!.item.campaign.id, decision, note })}
    />
  );
}
