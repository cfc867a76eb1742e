// CK: the log of cookie-consent decisions on the public site, with a CSV export.
import { Button, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../session.tsx';
import type { CookieConsentRow } from '../../types.ts';
import { OperatorOnly } from './OperatorOnly.tsx';

export const COOKIE_LOG_LIMIT = 500;

export function OperatorCookieConsents() {
  return (
    <OperatorOnly>
      <CookieView />
    </OperatorOnly>
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function CookieView() {
  const { t } = useTranslation();
  const api = useApi();
  const log = useQuery({
    queryKey: ['operator', 'cookie-consents'],
    queryFn: () => api.get<CookieConsentRow[] | { items: CookieConsentRow[] }>(`/operator/cookie-consents?limit=${COOKIE_LOG_LIMIT}&format=json`),
  });
  const rows = Array.isArray(log.data) ? log.data : (log.data?.items ?? []);
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('operator.cookieTitle')}</Title>
        <Button component="a" href="/api/v1/operator/cookie-consents?format=csv" download="cookie-consents.csv" variant="default">
          {t('operator.exportCsv')}
        </Button>
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>{columns.map((c) => <Table.Th key={c}>{c}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={cell(r.id) || i}>{columns.map((c) => <Table.Td key={c}>{cell(r[c])}</Table.Td>)}</Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
