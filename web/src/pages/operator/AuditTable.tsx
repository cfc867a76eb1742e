import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format.ts';
import { AccountLink } from './AccountLink.tsx';
import type { AuditEntryAnswer as AuditEntry } from '../../../../src/server/routes/operator/shapes.ts';

export function AuditTable(props: { entries: AuditEntry[]; showAccount?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('operator.at')}</Table.Th>
          <Table.Th>{t('operator.actor')}</Table.Th>
          {props.showAccount && <Table.Th>{t('operator.account')}</Table.Th>}
          <Table.Th>{t('operator.action')}</Table.Th>
          <Table.Th>{t('operator.reason')}</Table.Th>
          <Table.Th>{t('operator.rule')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{formatTime(e.at, i18n.language)}</Table.Td>
            <Table.Td>
              {e.actorType}
              {e.actorId ? ` ${e.actorId.slice(0, 8)}` : ''}
            </Table.Td>
            {props.showAccount && (
              <Table.Td>
                <AccountLink id={e.accountId} name={e.accountName} />
              </Table.Td>
            )}
            <Table.Td>{e.action}</Table.Td>
            <Table.Td>{e.reason ?? ''}</Table.Td>
            <Table.Td>{e.rule ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
