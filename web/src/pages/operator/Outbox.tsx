// ACC-07: every mail the platform sends its customers goes through this outbox. A row opens the
// whole message (GET /operator/outbox/:id): without SMTP_URL this is where an operator reads a
// verification or password-reset mail and follows its link.
import { useState } from 'react';
import { Alert, Badge, Button, Code, Drawer, Loader, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format.ts';
import { errorMessage } from '../../notify.ts';
import { useApi } from '../../session.tsx';
import type { OutboxEntry as OutboxItem } from '../../../../src/server/routes/operator/shapes.ts';
import type { OutboxMail } from '../../../../src/server/routes/operator/get-outbox-mail.ts';
import { AccountLink } from './AccountLink.tsx';
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
  const [openId, setOpenId] = useState<string | null>(null);
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
            <Table.Th>{t('operator.account')}</Table.Th>
            <Table.Th>{t('operator.to')}</Table.Th>
            <Table.Th>{t('operator.subject')}</Table.Th>
            <Table.Th>{t('operator.template')}</Table.Th>
            <Table.Th>{t('operator.category')}</Table.Th>
            <Table.Th>{t('operator.status')}</Table.Th>
            <Table.Th>{t('operator.attempts')}</Table.Th>
            <Table.Th>{t('operator.sentAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outbox.data?.map((m) => (
            <Table.Tr
              key={m.id}
              data-testid="outbox-row"
              data-mail-id={m.id}
              style={{ cursor: 'pointer' }}
              onClick={() => setOpenId(m.id)}
            >
              <Table.Td>{formatTime(m.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <AccountLink id={m.accountId} name={m.accountName} link={false} />
              </Table.Td>
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
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setOpenId(m.id)}>
                  {t('operator.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Drawer
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size="xl"
        title={t('operator.outboxMailTitle')}
      >
        {openId && <MailView id={openId} />}
      </Drawer>
    </Stack>
  );
}

/**
 * The HTML part for the preview iframe, with `<base target="_blank">` so its links open in a new
 * tab (the sandbox allows popups, nothing else: no scripts, no same-origin access).
 */
function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return html.slice(0, root.index + root[0].length) + `<head>${base}</head>` + html.slice(root.index + root[0].length);
  return base + html;
}

function MailView(props: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const mail = useQuery({
    queryKey: ['operator', 'outbox', 'mail', props.id],
    queryFn: () => api.get<OutboxMail>(`/operator/outbox/${encodeURIComponent(props.id)}`),
  });
  if (mail.isPending) return <Loader size="sm" />;
  if (mail.error) return <Alert color="red">{errorMessage(mail.error, t)}</Alert>;
  const m = mail.data;
  const headers: [string, string][] = [['From', m.from], ['To', m.to], ['Subject', m.subject], ...Object.entries(m.headers)];
  return (
    <Stack data-testid="outbox-mail">
      {m.status === 'queued' && !m.sentAt && <Alert color="blue">{t('operator.outboxWaiting')}</Alert>}
      <Text size="sm" c="dimmed">
        {formatTime(m.createdAt, i18n.language)} · {m.template} · {m.language} · {m.status}
      </Text>
      <Title order={4}>{t('operator.outboxHeaders')}</Title>
      <Table withTableBorder data-testid="outbox-mail-headers">
        <Table.Tbody>
          {headers.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th w={160}>{name}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Tabs defaultValue="html" keepMounted>
        <Tabs.List>
          <Tabs.Tab value="html">{t('operator.outboxHtmlPart')}</Tabs.Tab>
          <Tabs.Tab value="text">{t('operator.outboxTextPart')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="sm">
          <Text size="xs" c="dimmed" mb="xs">
            {t('operator.outboxLinksHint')}
          </Text>
          <iframe
            title={t('operator.outboxHtmlPart')}
            data-testid="outbox-mail-html"
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={previewDocument(m.html)}
            style={{ width: '100%', height: 520, border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Code block component="pre" data-testid="outbox-mail-text" style={{ whiteSpace: 'pre-wrap' }}>
            {m.text}
          </Code>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
