// Sending domains (DEL-05, MSG-05): add a From domain, publish the DNS records Assent shows
// (DKIM, SPF include, DMARC suggestion, Return-Path host), then "Check now" verifies them
// through DNS. Only a verified domain may be used in a campaign's From.
import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format.ts';
import { fieldError, fieldErrors } from '../../components/errors.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { errorMessage, notifyOk } from '../../notify.ts';
import type { DnsRecordCheck, SendingDomain, SendingDomainStatus } from '../../../../src/core/sending-domains/types.ts';
import { useApi } from '../../session.tsx';
import { SENDING_DOMAINS_KEY, useSendingDomains } from '../campaigns/hooks.ts';

const DOMAIN_COLOR: Record<SendingDomainStatus, string> = { pending: 'yellow', verified: 'green', failing: 'red' };

export function SendingDomains() {
  const { t } = useTranslation();
  const domains = useSendingDomains();
  return (
    <Stack>
      <Title order={2}>{t('domains.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('domains.intro')}
      </Text>
      <ServiceNotice service="sendingDomains" />
      <AddDomain />
      {domains.data?.length === 0 && <Text c="dimmed">{t('domains.empty')}</Text>}
      {domains.data?.map((d) => (
        <DomainCard key={d.id} domain={d} />
      ))}
    </Stack>
  );
}

function AddDomain() {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const [domain, setDomain] = useState('');
  const [ed25519, setEd25519] = useState(false);
  const gate = useService('sendingDomains');
  const add = useMutation({
    meta: { inlineError: true },
    mutationFn: () => api.post<SendingDomain>('/sending-domains', { domain: domain.trim(), ed25519 }),
    onSuccess: (d) => {
      notifyOk(t('domains.added', { domain: d.domain }));
      setDomain('');
      void client.invalidateQueries({ queryKey: SENDING_DOMAINS_KEY });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-start">
        <TextInput
          label={t('domains.domain')}
          placeholder="example.com"
          required
          value={domain}
          onChange={(e) => setDomain(e.currentTarget.value)}
          // A validation answer names the field (details.issues); otherwise the whole sentence.
          error={add.error ? (fieldError(fieldErrors(add.error, t), 'domain') ?? errorMessage(add.error, t)) : undefined}
          disabled={!gate.allowed}
        />
        <Switch label={t('domains.ed25519')} checked={ed25519} onChange={(e) => setEd25519(e.currentTarget.checked)} mb={8} />
        <Button type="submit" loading={add.isPending} mt={24} disabled={!gate.allowed} title={gate.hint}>
          {t('domains.add')}
        </Button>
      </Group>
    </form>
  );
}

function DomainCard(props: { domain: SendingDomain }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const d = props.domain;
  const gate = useService('sendingDomains');
  const writes = useService('account');
  const check = useMutation({
    mutationFn: () => api.post<SendingDomain>(`/sending-domains/${encodeURIComponent(d.id)}/check`),
    onSuccess: (next) => {
      client.setQueryData<SendingDomain[]>(SENDING_DOMAINS_KEY, (old) => old?.map((x) => (x.id === next.id ? next : x)));
      notifyOk(t(`domains.checked.${next.status}`, { domain: next.domain }));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.del<void>(`/sending-domains/${encodeURIComponent(d.id)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: SENDING_DOMAINS_KEY }),
  });
  return (
    <Card withBorder data-testid="sending-domain" data-domain={d.domain}>
      <Stack>
        <Group justify="space-between">
          <Group>
            <Title order={4}>{d.domain}</Title>
            <Badge color={DOMAIN_COLOR[d.status]} data-testid="domain-status">
              {t(`domains.status.${d.status}`)}
            </Badge>
          </Group>
          <Group>
            <Text size="xs" c="dimmed">
              {t('domains.lastChecked', { at: formatTime(d.lastCheckedAt, i18n.language) })}
            </Text>
            <Button onClick={() => check.mutate()} loading={check.isPending} disabled={!gate.allowed} title={gate.hint}>
              {t('domains.checkNow')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              onClick={() => window.confirm(t('domains.removeConfirm', { domain: d.domain })) && remove.mutate()}
              loading={remove.isPending}
              disabled={!writes.allowed}
              title={writes.hint}
            >
              {t('domains.remove')}
            </Button>
          </Group>
        </Group>
        <Text size="sm">{t('domains.publish')}</Text>
        <Table data-testid="dns-records" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>{t('domains.purpose')}</Table.Th>
              <Table.Th w={70}>{t('domains.type')}</Table.Th>
              <Table.Th>{t('domains.name')}</Table.Th>
              <Table.Th>{t('domains.value')}</Table.Th>
              <Table.Th w={120}>{t('domains.found')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.records.map((r) => (
              <RecordRow key={`${r.purpose}-${r.name}`} record={r} />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function RecordRow(props: { record: DnsRecordCheck }) {
  const { t } = useTranslation();
  const r = props.record;
  return (
    <Table.Tr data-testid="dns-record" data-purpose={r.purpose}>
      <Table.Td>
        <Text size="sm">{t(`domains.purposes.${r.purpose}`)}</Text>
        {!r.required && (
          <Text size="xs" c="dimmed">
            {t('domains.advisory')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Code>{r.type}</Code>
      </Table.Td>
      <Table.Td>
        <Copyable value={r.name} label={t('domains.copyName')} />
      </Table.Td>
      <Table.Td>
        <Copyable value={r.value} label={t('domains.copyValue')} />
      </Table.Td>
      <Table.Td>
        {r.found === null ? (
          <Badge color="gray">{t('domains.notChecked')}</Badge>
        ) : r.found ? (
          <Badge color="green">{t('domains.isFound')}</Badge>
        ) : (
          <Badge color={r.required ? 'red' : 'yellow'}>{t('domains.notFound')}</Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Copyable(props: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Code style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}>{props.value}</Code>
      <CopyButton value={props.value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('domains.copied') : props.label}>
            <ActionIcon variant="light" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={props.label}>
              <CopyIcon copied={copied} />
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function CopyIcon(props: { copied: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      {props.copied ? (
        <path d="M5 12l5 5L20 7" />
      ) : (
        <>
          <rect x="9" y="9" width="12" height="12" rx="2" />
          <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
        </>
      )}
    </svg>
  );
}
