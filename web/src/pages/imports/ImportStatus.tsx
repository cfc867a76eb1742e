// One import's status (IMP-05, IMP-06): counts that add up to the rows read, the risk score and
// why it is held, the reviewer's outcome, and the row report as CSV. Refreshes while it runs: a
// progress bar with rows processed of the total and the rate (issue 13 §3); the risk score's
// reasons in plain words with the points each adds (what the reviewer sees, IMP-04).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List as MList,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import type { ImportView } from '../../../../src/server/routes/imports/shapes.ts';
import { ApiError } from '../../api.ts';
import { useApi } from '../../session.tsx';
import { useLists } from '../Lists.tsx';
import { rowsPerSecond, type ImportProgress } from '../../../../src/core/imports/progress.ts';
import { IMPORT_STATUS_COLOR } from './Imports.tsx';
import { FailureAlert } from './failure.tsx';
import { RiskReasons } from './RiskReasons.tsx';
import { holdCauseTexts } from './hold-causes.ts';

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
  const rate = useRate(rec.data?.progress);
  const r = rec.data;
  if (!r) {
    return (
      <Stack>
        <Anchor component={Link} to="/imports" size="sm">
          ← {t('app.back')}
        </Anchor>
        {rec.error ? (
          <FailureAlert error={rec.error} title={t('imports.failure.loadTitle')} testId="import-load-error" />
        ) : (
          <Loader size="sm" />
        )}
      </Stack>
    );
  }
  const running = r.status === 'uploaded' || r.status === 'processing';
  const listNames = r.listIds.map((lid) => lists.data?.find((l) => l.id === lid)?.name ?? lid);
  const num = (n: number) => n.toLocaleString(i18n.language === 'ro' ? 'ro-RO' : 'en-GB');
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
        <Card withBorder data-testid="import-progress" data-stage={r.progress.stage}>
          <Group justify="space-between">
            <Text size="sm" data-testid="progress-rows">
              {r.progress.stage === 'importing'
                ? t('imports.progress.importing', {
                    done: num(r.progress.rowsProcessed),
                    total: num(r.progress.totalRows ?? 0),
                    percent: r.progress.percent ?? 0,
                  })
                : t(`imports.progress.${r.progress.stage}`)}
            </Text>
            {r.progress.stage === 'importing' && (
              <Text size="sm" c="dimmed" data-testid="progress-rate">
                {rate === null ? t('imports.progress.measuring') : t('imports.progress.rate', { rate: num(rate) })}
              </Text>
            )}
          </Group>
          <Progress
            mt="xs"
            animated
            aria-label={t('imports.progress.label')}
            value={r.progress.percent ?? 100}
            striped={r.progress.percent === null}
          />
        </Card>
      )}
      {r.status === 'held' && (
        <Alert color="orange" title={t('imports.heldTitle')} data-testid="held-notice">
          <Text size="sm">{t('imports.heldExplain')}</Text>
          {(r.holdReasons?.length ?? 0) > 0 && (
            <MList size="sm" mt="xs">
              {holdCauseTexts(r, t, i18n.language).map((h) => (
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
        <FailureAlert
          error={new ApiError(422, r.error.code, r.error.message, r.error.details)}
          title={t('imports.status.failed')}
          testId="import-failed"
        />
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
        {r.risk && r.risk.reasons.length > 0 ? (
          <RiskReasons risk={r.risk} />
        ) : (
          <Text size="xs" c="dimmed" mt="xs">
            {r.risk ? t('imports.risk.none') : t('imports.riskHint')}
          </Text>
        )}
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

/**
 * Rows per second from the last two readings whose commit stamps differ (the server stamps each
 * committed batch); the last rate stays shown while a reading brings no new batch.
 */
function useRate(progress: ImportProgress | undefined): number | null {
  const previous = useRef<ImportProgress | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (!progress) return;
    const before = previous.current;
    // Both readings inside the apply pass: the analyse pass commits no rows, so it is no rate.
    if (before && before.at !== progress.at && before.stage === 'importing' && progress.stage === 'importing') {
      const r = rowsPerSecond(before, progress);
      if (r !== null) setRate(r);
    }
    previous.current = progress;
  }, [progress]);
  return rate;
}
