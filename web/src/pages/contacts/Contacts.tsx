// Contacts: search (address or name), list and status filters, the filter's totals, keyset pages,
// bulk actions (CSV export, unsubscribe from a list, erase — never a bulk subscribe) and "add
// contact". A contact added here has NO consent and is not sendable until a consent event with
// evidence exists (CON-10: there is no force-subscribe).
// The filters live in the address (?q=, ?listId=, ?status=), so a filtered view can be linked (the
// dashboard's and a list's counts do) and survives a reload; changing one replaces the history
// entry rather than adding one per keystroke (as listmonk's subscriber query does).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldError, fieldErrors as fieldErrorsOf, errorSentence } from '../../components/errors.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatTime } from '../../components/format.ts';
import {
  CONTACT_SOURCES,
  CONTACT_STATUSES,
  type Contact,
  type ContactListPage,
  type ContactSource,
  type ContactStatus,
} from '../../../../src/core/contacts/types.ts';
import { notifyOk } from '../../notify.ts';
import { useApi } from '../../session.tsx';
import { useLists } from '../Lists.tsx';

export const CONTACTS_PAGE_SIZE = 50;

/** The contacts page's filters as the address gives them; an unknown status or source is no filter. */
export function contactFilters(address: URLSearchParams): {
  q: string;
  listId: string | null;
  status: ContactStatus | null;
  source: ContactSource | null;
} {
  const status = address.get('status');
  const source = address.get('source');
  return {
    q: (address.get('q') ?? '').trim(),
    listId: address.get('listId') || null,
    status: (CONTACT_STATUSES as readonly string[]).includes(status ?? '') ? (status as ContactStatus) : null,
    source: (CONTACT_SOURCES as readonly string[]).includes(source ?? '') ? (source as ContactSource) : null,
  };
}

/** The address of the contacts page filtered this way (the dashboard's and a list's counts link here). */
export function contactsHref(filter: { listId?: string; status?: ContactStatus; source?: ContactSource; q?: string }): string {
  const p = new URLSearchParams();
  if (filter.q) p.set('q', filter.q);
  if (filter.listId) p.set('listId', filter.listId);
  if (filter.status) p.set('status', filter.status);
  if (filter.source) p.set('source', filter.source);
  const s = p.toString();
  return s ? `/contacts?${s}` : '/contacts';
}
/** Page sizes offered; the API caps a page at MAX_CONTACTS_PAGE (500). */
export const CONTACTS_PAGE_SIZES = [25, 50, 100, 200] as const;

export const CONTACT_STATUS_COLOR: Record<ContactStatus, string> = {
  active: 'green',
  pending: 'yellow',
  held: 'orange',
  withdrawn: 'gray',
  suppressed: 'red',
  none: 'gray',
};

export function Contacts() {
  const { t, i18n } = useTranslation();
  const gate = useService('contacts');
  const importGate = useService('imports');
  const api = useApi();
  const lists = useLists();
  const [address, setAddress] = useSearchParams();
  const { q, listId, status, source } = contactFilters(address);
  const setFilter = (name: 'q' | 'listId' | 'status' | 'source', value: string | null) =>
    setAddress(
      (cur) => {
        const next = new URLSearchParams(cur);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const setListId = (v: string | null) => setFilter('listId', v);
  const setStatus = (v: ContactStatus | null) => setFilter('status', v);
  const setSource = (v: ContactSource | null) => setFilter('source', v);
  // The search box types freely; the address takes its value a moment after the last keystroke.
  const [search, setSearch] = useState(q);
  const [typed] = useDebouncedValue(search.trim(), 300);
  const written = useRef(q);
  useEffect(() => {
    // The address changed from elsewhere (a link, Back): the box shows what it now says.
    if (q !== written.current) {
      written.current = q;
      setSearch(q);
    }
  }, [q]);
  useEffect(() => {
    if (typed === written.current) return;
    written.current = typed;
    setFilter('q', typed);
    // setFilter is a new function each render; only the typed text matters here.
  }, [typed]);
  const [pageSize, setPageSize] = useState<number>(CONTACTS_PAGE_SIZE);
  // Keyset pages: the cursors of the pages before this one, so "previous" can go back.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const after = cursors[cursors.length - 1];
  const filterKey = `${q}|${listId ?? ''}|${status ?? ''}|${source ?? ''}|${pageSize}`;
  const [pagedFor, setPagedFor] = useState(filterKey);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [selectedOn, setSelectedOn] = useState(`${filterKey}|${after ?? ''}`);
  if (pagedFor !== filterKey) {
    // A new filter starts at its first page.
    setPagedFor(filterKey);
    setCursors([undefined]);
  }
  if (selectedOn !== `${filterKey}|${after ?? ''}`) {
    // The selection is of the rows on screen: another page or filter clears it.
    setSelectedOn(`${filterKey}|${after ?? ''}`);
    setSelected(new Set());
  }
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (q) params.set('q', q);
  if (listId) params.set('listId', listId);
  if (status) params.set('status', status);
  if (source) params.set('source', source);
  if (after && pagedFor === filterKey) params.set('after', after);
  const page = useQuery({
    queryKey: ['contacts', params.toString()],
    queryFn: () => api.get<ContactListPage>(`/contacts?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
  const [adding, setAdding] = useState(false);
  const data = page.data;
  const next = data?.next;
  const filtered = q !== '' || listId !== null || status !== null || source !== null;
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'ro' ? 'ro-RO' : 'en-GB').format(n);
  const listName = (id: string) => lists.data?.find((l) => l.id === id)?.name ?? id;
  const clear = () => {
    setSearch('');
    written.current = '';
    setAddress(
      (cur) => {
        const next = new URLSearchParams(cur);
        for (const name of ['q', 'listId', 'status', 'source']) next.delete(name);
        return next;
      },
      { replace: true },
    );
  };
  const matching = data ? CONTACT_STATUSES.reduce((sum, s) => sum + data.totals[s], 0) : 0;
  const exportParams = new URLSearchParams();
  if (q) exportParams.set('q', q);
  if (listId) exportParams.set('listId', listId);
  if (status) exportParams.set('status', status);
  if (source) exportParams.set('source', source);
  const pageIds = data?.items.map((c) => c.id) ?? [];
  const allSelected = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const toggle = (id: string) =>
    setSelected((cur) => {
      const nextSet = new Set(cur);
      if (nextSet.has(id)) nextSet.delete(id);
      else nextSet.add(id);
      return nextSet;
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('contacts.title')}</Title>
        <Group>
          {importGate.allowed ? (
            <Button variant="default" component={Link} to="/imports/new">
              {t('contacts.importCsv')}
            </Button>
          ) : (
            <Button variant="default" disabled title={importGate.hint}>
              {t('contacts.importCsv')}
            </Button>
          )}
          <Button onClick={() => setAdding(true)} disabled={!gate.allowed} title={gate.hint}>
            {t('contacts.add')}
          </Button>
        </Group>
      </Group>
      <ServiceNotice service="contacts" />
      <Group align="flex-end">
        <TextInput
          label={t('contacts.search')}
          placeholder={t('contacts.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={100}
          w={320}
          data-testid="contacts-search"
        />
        <Select
          label={t('contacts.list')}
          placeholder={t('contacts.allLists')}
          data={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={listId}
          onChange={setListId}
          clearable
          data-testid="contacts-list-filter"
        />
        <Select
          label={t('contacts.status')}
          placeholder={t('contacts.allStatuses')}
          data={CONTACT_STATUSES.map((s) => ({ value: s, label: t(`contacts.statusLabel.${s}`) }))}
          value={status}
          onChange={(v) => setStatus((v as ContactStatus | null) ?? null)}
          clearable
          data-testid="contacts-status-filter"
        />
        <Select
          label={t('contacts.source')}
          placeholder={t('contacts.allSources')}
          data={CONTACT_SOURCES.map((s) => ({ value: s, label: t(`contacts.sourceLabel.${s}`) }))}
          value={source}
          onChange={(v) => setSource((v as ContactSource | null) ?? null)}
          clearable
          data-testid="contacts-source-filter"
        />
        <Select
          label={t('contacts.pageSize')}
          data={CONTACTS_PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
          value={String(pageSize)}
          onChange={(v) => v && setPageSize(Number(v))}
          allowDeselect={false}
          w={110}
          data-testid="contacts-page-size"
        />
        {filtered && (
          <Button variant="subtle" onClick={clear}>
            {t('contacts.clearFilters')}
          </Button>
        )}
      </Group>
      {data && matching > 0 && (
        <Group gap="xs" data-testid="contacts-totals">
          <Text fw={600} data-testid="contacts-total">
            {status
              ? t('contacts.totalFiltered', {
                  n: number(data.total),
                  all: number(matching),
                  status: t(`contacts.statusLabel.${status}`),
                })
              : t('contacts.totalCount', { n: number(data.total) })}
          </Text>
          {CONTACT_STATUSES.filter((s) => data.totals[s] > 0).map((s) => (
            <Badge
              key={s}
              variant={status === s ? 'filled' : 'light'}
              color={CONTACT_STATUS_COLOR[s]}
              style={{ cursor: 'pointer' }}
              onClick={() => setStatus(status === s ? null : s)}
              data-testid={`contacts-total-${s}`}
            >
              {number(data.totals[s])} {t(`contacts.statusLabel.${s}`)}
            </Badge>
          ))}
          {listId && (
            <Text size="sm" c="dimmed">
              {t('contacts.onList', { list: listName(listId) })}
            </Text>
          )}
          <Button
            size="xs"
            variant="light"
            ml="auto"
            component="a"
            href={`/api/v1/contacts/export.csv?${exportParams.toString()}`}
            download="contacts.csv"
            data-testid="contacts-export"
          >
            {t('contacts.exportCsv')}
          </Button>
        </Group>
      )}
      {selected.size > 0 && <BulkBar ids={[...selected]} defaultListId={listId} onDone={() => setSelected(new Set())} />}
      {data && data.items.length === 0 && cursors.length === 1 && !filtered && (
        <Alert color="blue" title={t('contacts.emptyTitle')} data-testid="contacts-empty">
          <Stack gap="xs">
            <Text size="sm">{t('contacts.emptyHint')}</Text>
            <Group>
              <Button size="xs" component={Link} to="/forms/new">
                {t('contacts.emptyForm')}
              </Button>
              <Button size="xs" variant="default" component={Link} to="/imports/new">
                {t('contacts.importCsv')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {data && data.items.length === 0 && filtered && (
        <Alert color="gray" title={t('contacts.noMatchTitle')} data-testid="contacts-no-match">
          <Stack gap="xs">
            <Text size="sm">{t(q ? 'contacts.noMatchSearch' : 'contacts.noMatchFilter')}</Text>
            <Group>
              <Button size="xs" variant="default" onClick={clear}>
                {t('contacts.clearFilters')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {(data?.items.length ?? 0) > 0 && (
        <Table striped highlightOnHover data-testid="contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('contacts.selectPage')}
                  checked={allSelected}
                  indeterminate={!allSelected && selected.size > 0}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(pageIds))}
                />
              </Table.Th>
              <Table.Th>{t('contacts.address')}</Table.Th>
              <Table.Th>{t('contacts.name')}</Table.Th>
              <Table.Th>{listId ? t('contacts.statusOn', { list: listName(listId) }) : t('contacts.status')}</Table.Th>
              {!listId && <Table.Th>{t('contacts.lists')}</Table.Th>}
              <Table.Th>{t('contacts.added')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((c) => (
              <Table.Tr key={c.id} data-testid="contact-row">
                <Table.Td>
                  <Checkbox
                    aria-label={t('contacts.selectOne', { contact: contactLabel(c, t('contacts.erasedLabel')) })}
                    checked={selected.has(c.id)}
                    onChange={() => toggle(c.id)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${encodeURIComponent(c.id)}`}>
                    {contactLabel(c, t('contacts.erasedLabel'))}
                  </Anchor>
                  {c.email && c.phone && (
                    <Text size="xs" c="dimmed">
                      {c.phone}
                    </Text>
                  )}
                  {c.erasedAt && (
                    <Badge ml="xs" color="gray" size="sm">
                      {t('contacts.erased')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{c.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={CONTACT_STATUS_COLOR[c.status]} variant={c.status === 'none' ? 'outline' : 'light'}>
                    {t(`contacts.statusLabel.${c.status}`)}
                  </Badge>
                </Table.Td>
                {!listId && (
                  <Table.Td>
                    <Group gap={4}>
                      {c.lists.length === 0 && (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                      {c.lists.map((l) => (
                        <Badge key={`${l.listId}|${l.channel}`} size="sm" variant="dot" color={CONTACT_STATUS_COLOR[l.status]}>
                          {listName(l.listId)}: {t(`contacts.statusLabel.${l.status}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                )}
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
          {data && data.total > 0
            ? t('contacts.pageOf', { n: cursors.length, pages: Math.max(1, Math.ceil(data.total / pageSize)) })
            : t('contacts.page', { n: cursors.length })}
        </Text>
      </Group>
      <AddContactModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

/** Bulk actions on the selected rows: unsubscribe from one list, or erase. Never a bulk subscribe (CON-10). */
function BulkBar(props: { ids: string[]; defaultListId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const lists = useLists();
  const [listId, setListId] = useState<string | null>(props.defaultListId);
  const [confirm, setConfirm] = useState<'withdraw' | 'erase' | null>(null);
  const done = (message: string) => {
    notifyOk(message);
    setConfirm(null);
    props.onDone();
    void client.invalidateQueries({ queryKey: ['contacts'] });
  };
  const withdraw = useMutation({
    mutationFn: () => api.post<{ withdrawn: number }>('/contacts/bulk/withdraw', { listId, contactIds: props.ids }),
    onSuccess: (r) => done(t('contacts.bulkWithdrawnOk', { n: r.withdrawn })),
  });
  const erase = useMutation({
    mutationFn: () => api.post<{ erased: number }>('/contacts/bulk/erase', { contactIds: props.ids }),
    onSuccess: (r) => done(t('contacts.bulkErasedOk', { n: r.erased })),
  });
  const listName = lists.data?.find((l) => l.id === listId)?.name ?? '';
  // Withdrawing consent stays open whatever the standing (standing-guard.ts OPEN_WRITES_RATIONALE).
  const gate = useService('contacts');
  return (
    <Group data-testid="contacts-bulk">
      <Text fw={600}>{t('contacts.selected', { n: props.ids.length })}</Text>
      <Select
        aria-label={t('contacts.bulkList')}
        placeholder={t('contacts.bulkList')}
        data={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={listId}
        onChange={setListId}
        size="xs"
        data-testid="contacts-bulk-list"
      />
      <Button size="xs" variant="default" disabled={!listId} onClick={() => setConfirm('withdraw')}>
        {t('contacts.bulkWithdraw')}
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        onClick={() => setConfirm('erase')}
        disabled={!gate.allowed}
        title={gate.hint}
      >
        {t('contacts.bulkErase')}
      </Button>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'erase' ? t('contacts.bulkEraseTitle') : t('contacts.bulkWithdrawTitle')}
      >
        <Stack>
          <Text size="sm">
            {confirm === 'erase'
              ? t('contacts.bulkEraseExplain', { n: props.ids.length })
              : t('contacts.bulkWithdrawExplain', { n: props.ids.length, list: listName })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('app.cancel')}
            </Button>
            {confirm === 'erase' ? (
              <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
                {t('contacts.eraseConfirm')}
              </Button>
            ) : (
              <Button loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
                {t('contacts.bulkWithdraw')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </Group>
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
  const fieldErrors = fieldErrorsOf(err, t);
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
            error={fieldError(fieldErrors, 'email')}
            data-autofocus
          />
          <TextInput
            label={t('contacts.phone')}
            description={t('contacts.phoneHint')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldError(fieldErrors, 'phone')}
          />
          <TextInput
            label={t('contacts.language')}
            placeholder="ro"
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={fieldError(fieldErrors, 'language')}
          />
          {err && fieldErrors.length === 0 && <Alert color="red">{errorSentence(err, t)}</Alert>}
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
