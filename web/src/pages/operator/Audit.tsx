// The append-only audit log (ACC-04), newest first, paged with `before=<seq>`.
import { useState } from 'react';
import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../session.tsx';
import type { AuditEntryAnswer as AuditEntry } from '../../../../src/server/routes/operator/shapes.ts';
import { AuditTable } from './AuditTable.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';

export const AUDIT_PAGE_SIZE = 100;

export function OperatorAudit() {
  return (
    <OperatorOnly>
      <AuditView />
    </OperatorOnly>
  );
}

function AuditView() {
  const { t } = useTranslation();
  const api = useApi();
  const [accountId, setAccountId] = useState('');
  const [account] = useDebouncedValue(accountId.trim(), 300);
  const audit = useInfiniteQuery({
    queryKey: ['operator', 'audit', account],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
      if (account) params.set('accountId', account);
      if (pageParam > 0) params.set('before', String(pageParam));
      return api.get<AuditEntry[]>(`/operator/audit?${params.toString()}`);
    },
    getNextPageParam: (last) => (last.length < AUDIT_PAGE_SIZE ? undefined : last[last.length - 1]?.seq),
  });
  const entries = audit.data?.pages.flat() ?? [];
  return (
    <Stack>
      <Title order={2}>{t('operator.auditTitle')}</Title>
      <Group>
        <TextInput
          placeholder={t('operator.accountId')}
          aria-label={t('operator.accountId')}
          value={accountId}
          onChange={(e) => setAccountId(e.currentTarget.value)}
          w={360}
        />
      </Group>
      <AuditTable entries={entries} showAccount />
      {audit.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
          {t('operator.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
