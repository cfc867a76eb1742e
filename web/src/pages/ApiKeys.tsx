// API keys: create (the key is shown once, SEC-01 stores only its hash), list, revoke.
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldError, fieldErrors } from '../components/errors.ts';
import { formatTime } from '../components/format.ts';
import { ServiceNotice, useService } from '../components/ServiceGate.tsx';
import { errorMessage } from '../notify.ts';
import { useApi } from '../session.tsx';
import type { ApiKeyView as ApiKey } from '../../../src/core/accounts/api-keys.ts';

/** Suggested scopes (`area:action`, or '*' for everything the account may do); others can be typed. */
export const SUGGESTED_SCOPES = [
  '*',
  'contacts:read',
  'contacts:write',
  'lists:read',
  'lists:write',
  'imports:write',
  'campaigns:read',
  'campaigns:write',
  'consent:read',
];

export function ApiKeys() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<ApiKey[]>('/api-keys') });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['*']);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['api-keys'] });
  // Creating waits while the account may not use the API; revoking stays open (a leaked key).
  const gate = useService('apiKeys');

  const create = useMutation({
    meta: { inlineError: true },
    mutationFn: () => api.post<{ name: string; key: string }>('/api-keys', { name, scopes }),
    onSuccess: (answer) => {
      setCreated({ name: answer.name, key: answer.key });
      setName('');
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.del<void>(`/api-keys/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
  const createErrors = fieldErrors(create.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <Stack>
      <Title order={2}>{t('apiKeys.title')}</Title>
      <ServiceNotice service="apiKeys" />
      <form onSubmit={submit}>
        <Group align="end">
          <TextInput
            label={t('apiKeys.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={create.error ? (fieldError(createErrors, 'name') ?? errorMessage(create.error, t)) : undefined}
            disabled={!gate.allowed}
          />
          <TagsInput
            label={t('apiKeys.scopes')}
            description={t('apiKeys.scopesHint')}
            data={SUGGESTED_SCOPES}
            value={scopes}
            onChange={setScopes}
            error={fieldError(createErrors, 'scopes')}
            disabled={!gate.allowed}
            miw={260}
          />
          <Button type="submit" loading={create.isPending} disabled={!gate.allowed} title={gate.hint}>
            {t('apiKeys.create')}
          </Button>
        </Group>
      </form>
      {keys.data?.length === 0 && <Text c="dimmed">{t('apiKeys.empty')}</Text>}
      {(keys.data?.length ?? 0) > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('apiKeys.name')}</Table.Th>
              <Table.Th>{t('apiKeys.prefix')}</Table.Th>
              <Table.Th>{t('apiKeys.scopes')}</Table.Th>
              <Table.Th>{t('apiKeys.created')}</Table.Th>
              <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data?.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>
                  <Code>{k.prefix}…</Code>
                </Table.Td>
                <Table.Td>{k.scopes.join(', ')}</Table.Td>
                <Table.Td>{formatTime(k.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{k.lastUsedAt ? formatTime(k.lastUsedAt, i18n.language) : t('apiKeys.never')}</Table.Td>
                <Table.Td>
                  {k.revokedAt ? (
                    <Badge color="gray">{t('apiKeys.revoked')}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => window.confirm(t('apiKeys.revokeConfirm', { name: k.name })) && revoke.mutate(k.id)}
                    >
                      {t('apiKeys.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={created !== null} onClose={() => setCreated(null)} title={t('apiKeys.newKey')} size="lg">
        {created && (
          <Stack>
            <Alert color="yellow">{t('apiKeys.shownOnce')}</Alert>
            <Code block data-testid="new-api-key">
              {created.key}
            </Code>
            <Group justify="space-between">
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
                    {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button variant="default" onClick={() => setCreated(null)}>
                {t('app.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
