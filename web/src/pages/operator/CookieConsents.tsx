// The log of cookie-consent decisions on the public site, with a CSV export.
import { Button, Code, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format.ts';
import { useApi } from '../../session.tsx';
import type { CookieConsentRow } from '../../../../src/server/routes/cookie-consent/export-cookie-consents.ts';
import { OperatorOnly } from './OperatorOnly.tsx';

export const COOKIE_LOG_LIMIT = 500;

export function OperatorCookieConsents() {
  return (
    <OperatorOnly>
      <CookieView />
    </OperatorOnly>
  );
}

function CookieView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const log = useQuery({
    queryKey: ['operator', 'cookie-consents'],
    queryFn: () => api.get<CookieConsentRow[]>(`/operator/cookie-consents?limit=${COOKIE_LOG_LIMIT}&format=json`),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('operator.cookieTitle')}</Title>
        <Button
          component="a"
          href={`/api/v1/operator/cookie-consents?format=csv&limit=${COOKIE_LOG_LIMIT}`}
          download="cookie-consents.csv"
          variant="default"
        >
          {t('operator.exportCsv')}
        </Button>
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('operator.at')}</Table.Th>
            <Table.Th>{t('cookies.consentId')}</Table.Th>
            <Table.Th>{t('cookies.revision')}</Table.Th>
            <Table.Th>{t('operator.action')}</Table.Th>
            <Table.Th>{t('cookies.categories')}</Table.Th>
            <Table.Th>{t('cookies.services')}</Table.Th>
            <Table.Th>{t('app.language')}</Table.Th>
            <Table.Th>{t('cookies.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatTime(r.at, i18n.language)}</Table.Td>
              <Table.Td>
                <Code>{r.consentId.slice(0, 12)}</Code>
              </Table.Td>
              <Table.Td>{r.revision}</Table.Td>
              <Table.Td>{r.action}</Table.Td>
              <Table.Td>{r.categories.join(', ')}</Table.Td>
              <Table.Td>{r.services.join(', ')}</Table.Td>
              <Table.Td>{r.language}</Table.Td>
              <Table.Td>{r.source}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
