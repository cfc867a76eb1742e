// Sign-up forms: the account's forms with their latest and published versions.
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import type { FormSummary } from '../../../../src/server/routes/forms/shapes.ts';
import { useApi } from '../../session.tsx';

export function Forms() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  // Blocked and suspended accounts cannot create, save or publish forms (the API's standing guard);
  // the forms, their versions and embed codes stay readable.
  const gate = useService('forms');
  const forms = useQuery({ queryKey: ['forms'], queryFn: async () => (await api.get<{ items: FormSummary[] }>('/forms')).items });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('forms.title')}</Title>
        {gate.allowed ? (
          <Button component={Link} to="/forms/new" data-testid="form-new">
            {t('forms.new')}
          </Button>
        ) : (
          <Button disabled title={gate.hint} data-testid="form-new">
            {t('forms.new')}
          </Button>
        )}
      </Group>
      <ServiceNotice service="forms" />
      <Text size="sm" c="dimmed">
        {t('forms.intro')}
      </Text>
      {forms.data?.length === 0 && <Text c="dimmed">{t('forms.empty')}</Text>}
      {(forms.data?.length ?? 0) > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('forms.name')}</Table.Th>
              <Table.Th>{t('forms.latestVersion')}</Table.Th>
              <Table.Th>{t('forms.publishedVersion')}</Table.Th>
              <Table.Th>{t('forms.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {forms.data?.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/forms/${encodeURIComponent(f.id)}`}>
                    {f.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>v{f.latestVersion}</Table.Td>
                <Table.Td>
                  {f.publishedVersion ? (
                    <Badge color="green">v{f.publishedVersion}</Badge>
                  ) : (
                    <Badge color="gray">{t('forms.draft')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatTime(f.updatedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
