// Contacts: keyset-paginated table and "add contact". A contact added here has NO consent and is
// not sendable until a consent event with evidence exists (CON-10: there is no force-subscribe).
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api.ts';
import { formatTime } from '../../components/format.ts';
import type { Contact, ContactPage } from '../../../../src/core/contacts/types.ts';
import { useApi } from '../../session.tsx';

export const CONTACTS_PAGE_SIZE = 50;

export function Contacts() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  // Keyset pages: the cursors of the pages before this one, so "previous" can go back.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const after = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: ['contacts', after ?? ''],
    queryFn: () =>
      api.get<ContactPage>(`/contacts?limit=${CONTACTS_PAGE_SIZE}${after ? `&after=${encodeURIComponent(after)}` : ''}`),
  });
  const [adding, setAdding] = useState(false);
  const next = page.data?.next;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('contacts.title')}</Title>
        <Button onClick={() => setAdding(true)}>{t('contacts.add')}</Button>
      </Group>
      {page.data?.items.length === 0 && cursors.length === 1 && <Text c="dimmed">{t('contacts.empty')}</Text>}
      {(page.data?.items.length ?? 0) > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.email')}</Table.Th>
              <Table.Th>{t('contacts.phone')}</Table.Th>
              <Table.Th>{t('contacts.language')}</Table.Th>
              <Table.Th>{t('contacts.added')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.data?.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${encodeURIComponent(c.id)}`}>
                    {contactLabel(c, t('contacts.erasedLabel'))}
                  </Anchor>
                  {c.erasedAt && (
                    <Badge ml="xs" color="gray" size="sm">
                      {t('contacts.erased')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{c.phone ?? '—'}</Table.Td>
                <Table.Td>{c.language ?? '—'}</Table.Td>
                <Table.Td>{formatTime(c.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('contacts.previous')}
        </Button>
        <Button variant="default" disabled={!next} onClick={() => next && setCursors((c) => [...c, next])}>
          {t('contacts.next')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('contacts.page', { n: cursors.length })}
        </Text>
      </Group>
      <AddContactModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

export function contactLabel(c: Contact, erased: string): string {
  return c.email ?? c.phone ?? (c.erasedAt ? erased : c.id);
}

function AddContactModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState('');
  const add = useMutation({
    meta: { inlineError: true },
    mutationFn: () =>
      api.post<{ contact: Contact; created: boolean; sendable: boolean }>('/contacts', {
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(language.trim() ? { language: language.trim() } : {}),
      }),
    onSuccess: (answer) => {
      void client.invalidateQueries({ queryKey: ['contacts'] });
      setEmail('');
      setPhone('');
      setLanguage('');
      props.onClose();
      void navigate(`/contacts/${encodeURIComponent(answer.contact.id)}`);
    },
  });
  const err = add.error;
  const fieldErrors = err instanceof ApiError ? ((err.details?.fields as Record<string, string> | undefined) ?? {}) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('contacts.addTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Alert color="yellow" title={t('contacts.noConsentTitle')} data-testid="no-consent-notice">
            {t('contacts.noConsent')}
          </Alert>
          <TextInput
            label={t('contacts.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            data-autofocus
          />
          <TextInput
            label={t('contacts.phone')}
            description={t('contacts.phoneHint')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldErrors.phone}
          />
          <TextInput
            label={t('contacts.language')}
            placeholder="ro"
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={fieldErrors.language}
          />
          {err && Object.keys(fieldErrors).length === 0 && (
            <Alert color="red">{err instanceof ApiError ? `${err.code}: ${err.message}` : t('app.unexpected')}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('contacts.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
