// One import's status (IMP-05, IMP-06): counts that add up to the rows read, the risk score and
// why it is held, the reviewer's outcome, and the row report as CSV. Refreshes while it runs.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List as MList,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import type { ImportView } from '../../../../src/server/routes/imports/shapes.ts';
import { useApi } from '../../session.tsx';
import { useLists } from '../Lists.tsx';
import { IMPORT_STATUS_COLOR } from './Imports.tsx';

/** How often the page asks for news while the import runs. */
export const IMPORT_POLL_MS = 1500;

export function ImportStatus() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useParams().id ?? '';
  const rec = useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportView>(`/imports/${encodeURIComponent(id)}`),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'uploaded' || q.state.data.status === 'processing') ? IMPORT_POLL_MS : false,
  });
  const lists = useLists();
  const r = rec.data;
  if (!r) return null;
  const running = r.status === 'uploaded' || r.status === 'processing';
  const listNames = r.listIds.map((lid) => lists.data?.find((l) => l.id === lid)?.name ?? lid);
  const count = (label: string, value: number, color: string, testId: string) => (
    <Card withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );

  return (
    <Stack>
      <Anchor component={Link} to="/imports" size="sm">
        ← {t('app.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{r.fileName ?? r.id}</Title>
        <Badge size="lg" color={IMPORT_STATUS_COLOR[r.status]} data-testid="import-status">
          {t(`imports.status.${r.status}`)}
        </Badge>
      </Group>
      {running && (
        <Card withBorder>
          <Text size="sm">{t('imports.running', { n: r.rowsRead })}</Text>
          <Progress mt="xs" animated value={r.totalRows ? Math.min(100, (100 * r.rowsRead) / r.totalRows) : 100} />
        </Card>
      )}
      {r.status === 'held' && (
        <Alert color="orange" title={t('imports.heldTitle')} data-testid="held-notice">
          <Text size="sm">{t('imports.heldExplain')}</Text>
          {(r.holdReasons?.length ?? 0) > 0 && (
            <MList size="sm" mt="xs">
              {r.holdReasons?.map((h) => (
                <MList.Item key={h}>{h}</MList.Item>
              ))}
            </MList>
          )}
        </Alert>
      )}
      {r.review && (
        <Alert
          color={r.review.decision === 'approved' ? 'green' : 'red'}
          title={t(`imports.outcome.${r.review.decision}`)}
          data-testid="review-outcome"
        >
          <Text size="sm">{t(`imports.outcomeExplain.${r.review.decision}`)}</Text>
          {r.review.reason && (
            <Text size="sm" mt="xs">
              <b>{t('operator.reason')}:</b> {r.review.reason}
            </Text>
          )}
          {r.review.at && (
            <Text size="xs" c="dimmed">
              {formatTime(r.review.at, i18n.language)}
            </Text>
          )}
        </Alert>
      )}
      {r.sample && (
        <Alert
          color={r.sample.status === 'declined' ? 'red' : r.sample.status === 'passed' ? 'green' : 'blue'}
          title={t(`imports.sample.${r.sample.status}`)}
          data-testid="import-sample"
          data-status={r.sample.status}
        >
          <Text size="sm">{t(`imports.sampleExplain.${r.sample.status}`)}</Text>
          {r.sample.reason && <Text size="sm">{r.sample.reason}</Text>}
        </Alert>
      )}
      {r.status === 'completed' && <Alert color="green">{t('imports.completedExplain')}</Alert>}
      {r.error && (
        <Alert color="red" title={t('imports.status.failed')}>
          <Code>{r.error.code}</Code> {r.error.message}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {count(t('imports.rowsRead'), r.rowsRead, 'dark', 'count-read')}
        {count(t('imports.imported'), r.imported, 'green', 'count-imported')}
        {count(t('imports.quarantined'), r.quarantined, 'orange', 'count-quarantined')}
        {count(t('imports.rejected'), r.rejected, 'red', 'count-rejected')}
        {count(t('imports.withoutEvidence'), r.withoutEvidence, 'gray', 'count-without-evidence')}
      </SimpleGrid>
      {!running && (
        <Text size="sm" c="dimmed">
          {t('imports.addsUp', { read: r.rowsRead, sum: r.imported + r.quarantined + r.rejected })}
        </Text>
      )}
      {r.withoutEvidence > 0 && <Alert color="yellow">{t('imports.withoutEvidenceExplain', { n: r.withoutEvidence })}</Alert>}

      <Card withBorder>
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {t('imports.riskScore')}
            </Text>
            <Text size="xl" fw={700} data-testid="risk-score">
              {r.riskScore ?? '—'}
            </Text>
          </div>
          <Button
            component="a"
            href={`/api/v1/imports/${encodeURIComponent(r.id)}/report.csv`}
            download
            variant="light"
            disabled={running}
          >
            {t('imports.downloadReport')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('imports.riskHint')}
        </Text>
      </Card>

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('imports.declared')}
        </Title>
        <Text size="sm">
          <b>{t('imports.sourceLabel')}:</b> {t(`imports.source.${r.source}`, r.source)}
          {r.sourceDescription ? ` — ${r.sourceDescription}` : ''}
        </Text>
        <Text size="sm">
          <b>{t('imports.lists')}:</b> {listNames.join(', ')}
        </Text>
        <Text size="sm">
          <b>{t('imports.attested')}:</b> {formatTime(r.attestation.at, i18n.language)} — <i>{r.attestation.text}</i>
        </Text>
        {r.mapping && (
          <Text size="sm">
            <b>{t('imports.mappingLabel')}:</b>{' '}
            <Code>
              {Object.entries(r.mapping)
                .map(([f, c]) => `${f} ← ${c}`)
                .join(', ')}
            </Code>
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          SHA-256 {r.fileSha256} · {r.encoding ?? '?'} · {formatTime(r.createdAt, i18n.language)}
        </Text>
      </Card>
    </Stack>
  );
}
