// ACC-07: every mail the platform sends its customers goes through this outbox.
import { useState } from 'react';
import { Badge, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format.ts';
import { useApi } from '../../session.tsx';
import type { OutboxEntry as OutboxItem } from '../../../../src/server/routes/operator/shapes.ts';
import { OperatorOnly } from './OperatorOnly.tsx';

const STATUSES = ['queued', 'sent', 'failed', 'held', 'suppressed'];
const STATUS_COLOR: Record<string, string> = { sent: 'green', failed: 'red', queued: 'blue', held: 'orange', suppressed: 'gray' };

export function OperatorOutbox() {
  return (
    <OperatorOnly>
      <OutboxView />
    </OperatorOnly>
  );
}

function OutboxView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  const outbox = useQuery({
    queryKey: ['operator', 'outbox', status],
    queryFn: () => api.get<OutboxItem[]>(`/operator/outbox${status ? `?status=${encodeURIComponent(status)}` : ''}`),
  });
  return (
    <Stack>
      <Title order={2}>{t('operator.outboxTitle')}</Title>
      <Select
        w={200}
        clearable
        aria-label={t('operator.status')}
        placeholder={t('operator.status')}
        value={status}
        onChange={setStatus}
        data={STATUSES}
      />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('operator.at')}</Table.Th>
            <Table.Th>{t('operator.to')}</Table.Th>
            <Table.Th>{t('operator.subject')}</Table.Th>
            <Table.Th>{t('operator.template')}</Table.Th>
            <Table.Th>{t('operator.category')}</Table.Th>
            <Table.Th>{t('operator.status')}</Table.Th>
            <Table.Th>{t('operator.attempts')}</Table.Th>
            <Table.Th>{t('operator.sentAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outbox.data?.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{formatTime(m.createdAt, i18n.language)}</Table.Td>
              <Table.Td>{m.to}</Table.Td>
              <Table.Td>{m.subject}</Table.Td>
              <Table.Td>{m.template}</Table.Td>
              <Table.Td>{m.category}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[m.status] ?? 'gray'}>{m.status}</Badge>
                {m.lastError && (
                  <Text size="xs" c="red">
                    {m.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{m.attempts}</Table.Td>
              <Table.Td>{formatTime(m.sentAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
