// Publishing a form: the version history (every saved version is immutable; any of them can be
// published), the exact consent texts of the latest version, the hosted link /f/<id> and the
// embeddable snippet. Publish is disabled while the builder lists problems (and while the account
// may not write, ServiceGate); a refusal the server still gives is shown in words (Problems.tsx)
// until the form changes.
import { Alert, Anchor, Badge, Button, Card, Code, CopyButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { notifyOk } from '../../notify.ts';
import { useService } from '../../components/ServiceGate.tsx';
import type { FormProblem, FormViewAnswer as FormView } from '../../../../src/server/routes/forms/shapes.ts';
import { RefusalAlert } from './Problems.tsx';
import { useApi } from '../../session.tsx';

export function PublishPanel(props: { view: FormView; dirty: boolean; problems: FormProblem[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const gate = useService('forms');
  const { form, latest, published } = props.view;
  const path = `/forms/${encodeURIComponent(form.id)}`;
  const publish = useMutation({
    meta: { inlineError: true },
    mutationFn: (version: number) => api.post<FormView>(`${path}/publish`, { version }),
    onSuccess: (answer) => {
      notifyOk(t('forms.publishedOk', { version: answer.form.publishedVersion ?? '' }));
      client.setQueryData(['forms', form.id], answer);
      void client.invalidateQueries({ queryKey: ['forms', form.id, 'embed'] });
    },
  });
  const embed = useQuery({
    queryKey: ['forms', form.id, 'embed', form.publishedVersion],
    queryFn: () => api.get<{ html: string; hostedUrl: string }>(`${path}/embed`),
    enabled: form.publishedVersion !== null,
  });
  const versions = Array.from({ length: form.latestVersion }, (_, i) => form.latestVersion - i);
  // A refusal is about the version it was for: a new version or an edit makes it stale.
  const { reset, isError } = publish;
  useEffect(() => {
    if (isError) reset();
    // Only a change of the form clears it (not the error's own arrival).
  }, [latest.version, props.dirty]);
  const blocked = props.problems.length > 0;

  return (
    <Stack>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('forms.publishTitle')}
        </Title>
        {props.dirty && (
          <Alert color="orange" mb="xs">
            {t('forms.publishSaveFirst')}
          </Alert>
        )}
        {blocked && !props.dirty && (
          <Alert color="red" variant="light" mb="xs" data-testid="publish-blocked">
            {t('forms.publishBlocked')}
          </Alert>
        )}
        <Button
          fullWidth
          data-testid="publish-latest"
          onClick={() => publish.mutate(latest.version)}
          loading={publish.isPending}
          disabled={props.dirty || blocked || latest.version === form.publishedVersion || !gate.allowed}
          title={gate.hint}
        >
          {t('forms.publishLatest', { version: latest.version })}
        </Button>
        {publish.error instanceof ApiError && (
          <Stack mt="xs">
            <RefusalAlert error={publish.error} />
          </Stack>
        )}
        <Text fw={600} size="sm" mt="md">
          {t('forms.history')}
        </Text>
        <Table data-testid="form-versions">
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v}>
                <Table.Td>v{v}</Table.Td>
                <Table.Td>
                  {v === form.publishedVersion && <Badge color="green">{t('forms.live')}</Badge>}
                  {v === latest.version && v !== form.publishedVersion && (
                    <Badge color="blue" variant="light">
                      {t('forms.latest')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {v !== form.publishedVersion && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => publish.mutate(v)}
                      disabled={!gate.allowed}
                      title={gate.hint}
                    >
                      {t('forms.publishThis')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      {published && (
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('forms.shareTitle')}
          </Title>
          <Text size="sm">{t('forms.hostedLink')}</Text>
          <Group gap="xs">
            <Anchor
              href={props.view.publicUrl}
              target="_blank"
              rel="noopener"
              data-testid="hosted-link"
              style={{ wordBreak: 'break-all' }}
            >
              {props.view.publicUrl}
            </Anchor>
            <CopyButton value={props.view.publicUrl}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" mt="md">
            {t('forms.embedSnippet')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('forms.embedHint')}
          </Text>
          {embed.data && (
            <>
              <Code block mt="xs" data-testid="embed-snippet" style={{ maxHeight: 200, overflow: 'auto' }}>
                {embed.data.html}
              </Code>
              <CopyButton value={embed.data.html}>
                {({ copied, copy }) => (
                  <Button mt="xs" size="xs" color={copied ? 'teal' : 'blue'} onClick={copy}>
                    {copied ? t('apiKeys.copied') : t('forms.copySnippet')}
                  </Button>
                )}
              </CopyButton>
            </>
          )}
        </Card>
      )}

      <Card withBorder>
        <Title order={4} mb="xs">
          {t('forms.textsTitle', { version: latest.version })}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('forms.textsHint')}
        </Text>
        <RenderedTexts rendered={latest.rendered} testId="rendered-texts" />
      </Card>
    </Stack>
  );
}

/** The box texts as a visitor reads them beside unticked boxes (a saved version's, or the draft's). */
export function RenderedTexts(props: { rendered: FormView['latest']['rendered']; testId: string }) {
  const { rendered } = props;
  return (
    <Stack gap="xs" data-testid={props.testId}>
      {rendered.boxes.map((b) => (
        <Group key={b.key} align="flex-start" wrap="nowrap" gap="xs">
          <input type="checkbox" disabled aria-hidden />
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {b.text}
          </Text>
        </Group>
      ))}
      {rendered.partners.map((p) => (
        <Group key={p.key} align="flex-start" wrap="nowrap" gap="xs">
          <input type="checkbox" disabled aria-hidden />
          <Text size="sm">{p.text}</Text>
        </Group>
      ))}
      {rendered.terms && (
        <Group align="flex-start" wrap="nowrap" gap="xs">
          <input type="checkbox" disabled aria-hidden />
          <Text size="sm">{rendered.terms.text}</Text>
        </Group>
      )}
    </Stack>
  );
}
