// One contact: consent per list and channel (derived from the ledger, never edited here), its
// consent timeline (every ledger event with the exact text shown), the suppressions of its
// addresses (reason, source, account or platform-wide), proof-of-opt-in export (CON-09: the JSON bundle that
// `assent proof verify` checks, and the readable page), data export and erasure.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Code, Group, Modal, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import { notifyOk } from '../../notify.ts';
import type { ConsentEvent, ConsentStatus } from '../../../../src/core/consent/types.ts';
import type { ContactDetail as Detail, ContactTimeline } from '../../../../src/core/contacts/types.ts';
import { useApi } from '../../session.tsx';
import { useLists } from '../Lists.tsx';
import { contactLabel } from './Contacts.tsx';

const STATUS_COLOR: Record<ConsentStatus, string> = { active: 'green', pending: 'yellow', withdrawn: 'gray' };
const KIND_COLOR: Record<ConsentEvent['kind'], string> = {
  requested: 'yellow',
  granted: 'green',
  confirmed: 'teal',
  withdrawn: 'gray',
  reconfirmed: 'blue',
};

export function ContactDetail() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const path = `/contacts/${encodeURIComponent(id)}`;
  const detail = useQuery({ queryKey: ['contacts', 'detail', id], queryFn: () => api.get<Detail>(path) });
  const timeline = useQuery({
    queryKey: ['contacts', 'timeline', id],
    queryFn: () => api.get<ContactTimeline>(`${path}/timeline`),
  });
  const lists = useLists();
  const listName = (listId: string) => lists.data?.find((l) => l.id === listId)?.name ?? listId;
  const [erasing, setErasing] = useState(false);
  const gate = useService('contacts');
  const erase = useMutation({
    mutationFn: () => api.del<void>(path),
    onSuccess: () => {
      notifyOk(t('contacts.erasedOk'));
      setErasing(false);
      void client.invalidateQueries({ queryKey: ['contacts'] });
      void navigate('/contacts');
    },
  });

  const d = detail.data;
  if (!d) return null;
  const c = d.contact;
  const apiPath = `/api/v1${path}`;
  return (
    <Stack>
      <Anchor component={Link} to="/contacts" size="sm">
        ← {t('app.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2} data-testid="contact-title">
          {contactLabel(c, t('contacts.erasedLabel'))}
        </Title>
        {c.erasedAt && (
          <Badge color="gray" size="lg">
            {t('contacts.erased')}
          </Badge>
        )}
      </Group>
      <ServiceNotice service="contacts" />
      <Card withBorder>
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('contacts.email')}</Table.Th>
              <Table.Td>{c.email ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('contacts.phone')}</Table.Th>
              <Table.Td>{c.phone ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('contacts.language')}</Table.Th>
              <Table.Td>{c.language ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('contacts.timeZone')}</Table.Th>
              <Table.Td>{c.timeZone ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('contacts.added')}</Table.Th>
              <Table.Td>{formatTime(c.createdAt, i18n.language)}</Table.Td>
            </Table.Tr>
            {Object.keys(c.attributes).length > 0 && (
              <Table.Tr>
                <Table.Th>{t('contacts.attributes')}</Table.Th>
                <Table.Td>
                  <Code>{JSON.stringify(c.attributes)}</Code>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Card>

      <Title order={3}>{t('contacts.consentTitle')}</Title>
      {(timeline.data?.suppressions.length ?? 0) > 0 && (
        <Alert color="red" data-testid="suppressed-notice">
          {t('contacts.suppressedNotice')}
        </Alert>
      )}
      {d.consent.length === 0 ? (
        <Alert color="yellow" data-testid="no-consent">
          {t('contacts.noConsentState')}
        </Alert>
      ) : (
        <Table striped data-testid="consent-states">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.list')}</Table.Th>
              <Table.Th>{t('lists.channel')}</Table.Th>
              <Table.Th>{t('contacts.status')}</Table.Th>
              <Table.Th>{t('contacts.grantedAt')}</Table.Th>
              <Table.Th>{t('contacts.confirmedAt')}</Table.Th>
              <Table.Th>{t('contacts.lastSent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.consent.map((s) => (
              <Table.Tr key={`${s.listId}|${s.channel}`}>
                <Table.Td>{listName(s.listId)}</Table.Td>
                <Table.Td>{t(`channel.${s.channel}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[s.status]}>{t(`consent.status.${s.status}`)}</Badge>
                  {s.hold && (
                    <Badge ml="xs" color="orange">
                      {t('consent.held')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatTime(s.grantedAt, i18n.language)}</Table.Td>
                <Table.Td>{formatTime(s.confirmedAt, i18n.language)}</Table.Td>
                <Table.Td>{formatTime(s.lastSentAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Group justify="space-between">
        <Title order={3}>{t('contacts.eventsTitle')}</Title>
        <Group>
          <Button component="a" href={`${apiPath}/proof`} download={`proof-${c.id}.json`} data-testid="proof-json">
            {t('contacts.proofJson')}
          </Button>
          <Button component="a" href={`${apiPath}/proof.html`} target="_blank" rel="noopener" variant="light">
            {t('contacts.proofHtml')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('contacts.proofHint')}
      </Text>
      {timeline.data?.events.length === 0 && <Text c="dimmed">{t('contacts.noEvents')}</Text>}
      {timeline.data?.events.map((e) => (
        <Card key={e.id} withBorder data-testid="consent-event">
          <Group justify="space-between">
            <Group gap="xs">
              <Badge color={KIND_COLOR[e.kind]}>{t(`consent.kind.${e.kind}`)}</Badge>
              <Text fw={600}>{listName(e.listId)}</Text>
              <Text size="sm" c="dimmed">
                {t(`channel.${e.channel}`)}
              </Text>
            </Group>
            <Text size="sm">{formatTime(e.occurredAt, i18n.language)}</Text>
          </Group>
          <Text size="sm" mt="xs">
            <b>{t('consent.source')}:</b> {e.sourceType}
            {e.sourceId ? ` (${e.sourceId})` : ''}
            {e.formId && (
              <>
                {' '}
                · <b>{t('consent.form')}:</b> {e.formId} v{e.formVersion ?? '?'}
              </>
            )}
            {e.ip && (
              <>
                {' '}
                · <b>IP:</b> {e.ip}
              </>
            )}
            {e.confirmedAt && (
              <>
                {' '}
                · <b>{t('contacts.confirmedAt')}:</b> {formatTime(e.confirmedAt, i18n.language)}
                {e.confirmIp ? ` (${e.confirmIp})` : ''}
              </>
            )}
          </Text>
          {e.partners.length > 0 && (
            <Text size="sm">
              <b>{t('consent.partners')}:</b> {e.partners.join(', ')}
            </Text>
          )}
          {e.textShown ? (
            <Spoiler maxHeight={60} showLabel={t('consent.more')} hideLabel={t('consent.less')}>
              <Text
                size="sm"
                mt="xs"
                aria-label={t('contacts.eventText')}
                style={{ whiteSpace: 'pre-wrap', borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 8 }}
              >
                {e.textShown}
              </Text>
            </Spoiler>
          ) : (
            <Text size="xs" c="dimmed" mt="xs">
              {t('contacts.noText')}
            </Text>
          )}
          {Object.keys(e.evidence).length > 0 && (
            <Text size="xs" mt="xs">
              <b>{t('consent.evidence')}:</b> <Code>{JSON.stringify(e.evidence)}</Code>
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="xs" ff="monospace">
            #{e.seq} · {e.hash.slice(0, 16)}…
          </Text>
        </Card>
      ))}

      <Title order={3}>{t('contacts.suppressionsTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('contacts.suppressionHint')}
      </Text>
      {timeline.data?.suppressions.length === 0 && (
        <Text c="dimmed" data-testid="no-suppressions">
          {t('contacts.noSuppressions')}
        </Text>
      )}
      {(timeline.data?.suppressions.length ?? 0) > 0 && (
        <Table striped data-testid="suppressions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.suppressionReason')}</Table.Th>
              <Table.Th>{t('contacts.suppressionScope')}</Table.Th>
              <Table.Th>{t('contacts.suppressionSource')}</Table.Th>
              <Table.Th>{t('contacts.suppressionSince')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {timeline.data?.suppressions.map((x) => (
              <Table.Tr key={`${x.accountId ?? ''}|${x.addressHash}`}>
                <Table.Td>
                  <Badge color="red" variant="light">
                    {t(`contacts.reason.${x.reason}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{x.accountId ? t('contacts.suppressionAccount') : t('contacts.suppressionPlatform')}</Table.Td>
                <Table.Td>{x.source ?? '—'}</Table.Td>
                <Table.Td>{formatTime(x.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3}>{t('contacts.rightsTitle')}</Title>
      <Group>
        <Button component="a" href={`${apiPath}/export`} download={`contact-${c.id}.json`} variant="default">
          {t('contacts.exportData')}
        </Button>
        <Button
          color="red"
          variant="light"
          disabled={!!c.erasedAt || !gate.allowed}
          title={gate.hint}
          onClick={() => setErasing(true)}
        >
          {t('contacts.erase')}
        </Button>
      </Group>
      <Modal opened={erasing} onClose={() => setErasing(false)} title={t('contacts.eraseTitle')}>
        <Stack>
          <Text size="sm">{t('contacts.eraseExplain')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setErasing(false)}>
              {t('app.cancel')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
              {t('contacts.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
