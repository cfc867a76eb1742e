// Campaigns: every campaign of the account with its status; a new one starts in the editor.
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { STATUS_COLOR, useCampaigns } from './hooks.ts';

export function CampaignsList() {
  const { t, i18n } = useTranslation();
  const campaigns = useCampaigns();
  const gate = useService('campaigns');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('campaigns.title')}</Title>
        {gate.allowed ? (
          <Button component={Link} to="/campaigns/new">
            {t('campaigns.create')}
          </Button>
        ) : (
          <Button disabled title={gate.hint}>
            {t('campaigns.create')}
          </Button>
        )}
      </Group>
      <ServiceNotice service="campaigns" />
      {campaigns.data?.length === 0 && <Text c="dimmed">{t('campaigns.empty')}</Text>}
      {(campaigns.data?.length ?? 0) > 0 && (
        <Table striped data-testid="campaigns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.name')}</Table.Th>
              <Table.Th>{t('campaigns.subject')}</Table.Th>
              <Table.Th>{t('campaigns.status')}</Table.Th>
              <Table.Th>{t('campaigns.updatedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {campaigns.data?.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </Table.Td>
                <Table.Td>
                  {c.channel === 'sms' ? (
                    // An SMS campaign has no subject: its text's beginning, marked SMS.
                    <Group gap="xs" wrap="nowrap">
                      <Badge variant="light">{t('campaigns.sms.listChannel')}</Badge>
                      <Text size="sm" lineClamp={1}>
                        {c.body}
                      </Text>
                    </Group>
                  ) : (
                    c.subject
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[c.status]}>{t(`campaigns.statuses.${c.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatTime(c.updatedAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {c.channel !== 'sms' && (
                      <Button size="xs" variant="light" component={Link} to={`/campaigns/${encodeURIComponent(c.id)}/send`}>
                        {t('campaigns.toSend')}
                      </Button>
                    )}
                    <Button size="xs" variant="default" component={Link} to={`/campaigns/${encodeURIComponent(c.id)}/report`}>
                      {t('campaigns.toReport')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
