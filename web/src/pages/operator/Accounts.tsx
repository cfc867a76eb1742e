// Operator console: every customer account with its standing and review, filterable; the
// dashboard links here with ?standing= or ?review= set.
import { useState } from 'react';
import { Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatTime, STANDING_COLOR } from '../../components/format.ts';
import { useApi } from '../../session.tsx';
import type { Standing } from '../../../../src/core/standing/machine.ts';
import type { AccountReview } from '../../../../src/core/standing/types.ts';
import type { OperatorAccount } from '../../../../src/server/routes/operator/shapes.ts';
import { OperatorOnly } from './OperatorOnly.tsx';

const STANDINGS: Standing[] = ['active', 'warned', 'restricted', 'suspended', 'blocked'];
const REVIEWS: AccountReview[] = ['pending', 'refused'];

export function OperatorAccounts() {
  return (
    <OperatorOnly>
      <AccountsTable />
    </OperatorOnly>
  );
}

function AccountsTable() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [search] = useSearchParams();
  const [standing, setStanding] = useState<string | null>(search.get('standing'));
  const [review, setReview] = useState<string | null>(search.get('review'));
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q, 300);
  const params = new URLSearchParams();
  if (standing) params.set('standing', standing);
  if (review) params.set('review', review);
  if (query.trim()) params.set('q', query.trim());
  const accounts = useQuery({
    queryKey: ['operator', 'accounts', standing, review, query],
    queryFn: () => api.get<OperatorAccount[]>(`/operator/accounts?${params.toString()}`),
  });

  return (
    <Stack>
      <Title order={2}>{t('operator.accountsTitle')}</Title>
      <Group>
        <TextInput
          placeholder={t('operator.search')}
          aria-label={t('operator.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <Select
          aria-label={t('operator.standingFilter')}
          placeholder={t('operator.standingFilter')}
          clearable
          value={standing}
          onChange={setStanding}
          data={STANDINGS.map((s) => ({ value: s, label: t(`standing.${s}`) }))}
        />
        <Select
          aria-label={t('review.label')}
          placeholder={t('review.label')}
          clearable
          value={review}
          onChange={setReview}
          data={REVIEWS.map((r) => ({ value: r, label: t(`review.${r}`, r) }))}
        />
      </Group>
      {accounts.data?.length === 0 && <Text c="dimmed">{t('operator.empty')}</Text>}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.name')}</Table.Th>
            <Table.Th>{t('operator.owner')}</Table.Th>
            <Table.Th>{t('standing.label')}</Table.Th>
            <Table.Th>{t('review.label')}</Table.Th>
            <Table.Th>{t('operator.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.data?.map((a) => (
            <Table.Tr key={a.id} data-account-id={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/operator/accounts/${encodeURIComponent(a.id)}`}>
                  {a.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{a.ownerEmail}</Table.Td>
              <Table.Td>
                <Badge color={STANDING_COLOR[a.standing]}>{t(`standing.${a.standing}`)}</Badge>
                {a.standing === 'restricted' && (
                  <Text size="xs" c="dimmed">
                    {a.restrictedServices.map((s) => t(`service.${s}`, s)).join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {a.review !== 'none' && (
                  <Badge color={a.review === 'pending' ? 'yellow' : 'red'} variant="light">
                    {t(`review.${a.review}`, a.review)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatTime(a.createdAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
