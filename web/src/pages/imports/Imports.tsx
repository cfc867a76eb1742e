// The account's imports, newest first.
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import type { ImportStatus } from '../../../../src/core/imports/types.ts';
import type { ImportView } from '../../../../src/server/routes/imports/shapes.ts';
import { useApi } from '../../session.tsx';

export const IMPORT_STATUS_COLOR: Record<ImportStatus, string> = {
  uploaded: 'blue',
  processing: 'blue',
  held: 'orange',
  approved: 'green',
  rejected: 'red',
  completed: 'green',
  failed: 'red',
};

export function Imports() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  // A new import needs the `import` service on (and the account neither blocked nor suspended);
  // past imports and their reports stay readable.
  const gate = useService('imports');
  const imports = useQuery({
    queryKey: ['imports'],
    queryFn: async () => (await api.get<{ items: ImportView[] }>('/imports')).items,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('imports.title')}</Title>
        {gate.allowed ? (
          <Button component={Link} to="/imports/new" data-testid="import-new">
            {t('imports.new')}
          </Button>
        ) : (
          <Button disabled title={gate.hint} data-testid="import-new">
            {t('imports.new')}
          </Button>
        )}
      </Group>
      <ServiceNotice service="imports" />
      {imports.data?.length === 0 && <Text c="dimmed">{t('imports.empty')}</Text>}
      {(imports.data?.length ?? 0) > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.file')}</Table.Th>
              <Table.Th>{t('imports.statusLabel')}</Table.Th>
              <Table.Th>{t('imports.rows')}</Table.Th>
              <Table.Th>{t('imports.imported')}</Table.Th>
              <Table.Th>{t('imports.riskScore')}</Table.Th>
              <Table.Th>{t('imports.uploadedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data?.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/imports/${encodeURIComponent(r.id)}`}>
                    {r.fileName ?? r.id}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={IMPORT_STATUS_COLOR[r.status]}>{t(`imports.status.${r.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{r.rowsRead}</Table.Td>
                <Table.Td>{r.imported}</Table.Td>
                <Table.Td>{r.riskScore ?? '—'}</Table.Td>
                <Table.Td>{formatTime(r.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
