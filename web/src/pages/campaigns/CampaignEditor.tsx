// The campaign editor (DEL-04): list (and segment), subject, preheader, From on a verified
// domain, Reply-To, MJML or HTML with Liquid fields, a live preview in a sandboxed iframe and the
// text part; Save, then Submit for review (the content screen's verdict and findings are shown).
// A saved draft is saved again as it is edited (debounced), so the preview follows the text.
// A campaign to an SMS list is an SMS campaign (issue 11 §6): the form is then the sender ID and the
// text with its parts and cost (SmsText); it is submitted to the same review, and not sent yet.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List as MantineList,
  Menu,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { notifyOk } from '../../notify.ts';
import type { Campaign, CampaignChannel, CampaignFormat } from '../../../../src/core/campaigns/types.ts';
import { SmsText } from './SmsText.tsx';
import type { CampaignReviewView } from '../../../../src/core/campaigns/service.ts';
import { contentCategoryName } from '../../../../policy/content/names.ts';
import type { Contact } from '../../../../src/core/contacts/types.ts';
import type { Segment } from '../../../../src/core/segments/types.ts';
import { useApi } from '../../session.tsx';
import { useLists } from '../Lists.tsx';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { CAMPAIGNS_KEY, STATUS_COLOR, errorWithPosition, useCampaign, useSendingDomains, type CampaignPreview } from './hooks.ts';

const STARTER: Record<CampaignFormat, string> = {
  mjml: `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hello {{ contact.first_name | default: "there" }},</mj-text>
        <mj-text>Write your message here.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`,
  html: `<!doctype html>
<html>
  <body>
    <p>Hello {{ contact.first_name | default: "there" }},</p>
    <p>Write your message here.</p>
  </body>
</html>
`,
  // An SMS campaign's text starts empty.
  text: '',
};

/** The contact fields the picker offers; any other attribute can be typed in. */
const FIELDS = ['email', 'first_name', 'last_name', 'phone', 'language'] as const;
const BUILT_IN = new Set(['email', 'phone', 'language']);

export function liquidField(name: string): string {
  return BUILT_IN.has(name) ? `{{ contact.${name} }}` : `{{ contact.${name} | default: "" }}`;
}

interface Draft {
  name: string;
  listId: string;
  segmentId: string | null;
  subject: string;
  preheader: string;
  fromName: string;
  fromLocal: string;
  fromDomain: string;
  replyTo: string;
  format: CampaignFormat;
  body: string;
  clickTracking: boolean;
  senderId: string;
}

const EMPTY: Draft = {
  name: '',
  listId: '',
  segmentId: null,
  subject: '',
  preheader: '',
  fromName: '',
  fromLocal: 'news',
  fromDomain: '',
  replyTo: '',
  format: 'mjml',
  body: STARTER.mjml,
  clickTracking: false,
  senderId: '',
};

function draftOf(c: Campaign): Draft {
  const at = c.fromEmail.lastIndexOf('@');
  return {
    name: c.name,
    listId: c.listId,
    segmentId: c.segmentId,
    subject: c.subject,
    preheader: c.preheader,
    fromName: c.fromName,
    fromLocal: at >= 0 ? c.fromEmail.slice(0, at) : c.fromEmail,
    fromDomain: at >= 0 ? c.fromEmail.slice(at + 1) : '',
    replyTo: c.replyTo ?? '',
    format: c.format,
    body: c.body,
    clickTracking: c.clickTracking,
    senderId: c.senderId ?? '',
  };
}

function payloadOf(d: Draft, channel: CampaignChannel) {
  if (channel === 'sms')
    return { name: d.name, listId: d.listId, segmentId: d.segmentId, senderId: d.senderId.trim(), body: d.body };
  return {
    name: d.name,
    listId: d.listId,
    segmentId: d.segmentId,
    subject: d.subject,
    preheader: d.preheader,
    fromName: d.fromName,
    fromEmail: `${d.fromLocal.trim()}@${d.fromDomain}`,
    replyTo: d.replyTo.trim() === '' ? null : d.replyTo.trim(),
    format: d.format,
    body: d.body,
    clickTracking: d.clickTracking,
  };
}

export function CampaignEditor() {
  const { id } = useParams();
  const campaign = useCampaign(id);
  if (id && !campaign.data) return null;
  // Keyed by id: a fresh form when the page moves from /new to the saved campaign.
  return <Editor key={campaign.data?.id ?? 'new'} campaign={campaign.data ?? null} />;
}

function Editor(props: { campaign: Campaign | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const gate = useService('campaigns');
  const sendGate = useService('sending');
  const client = useQueryClient();
  const navigate = useNavigate();
  const lists = useLists();
  const domains = useSendingDomains();
  const segments = useQuery({
    queryKey: ['segments'],
    queryFn: async () => (await api.get<{ items: Segment[] }>('/segments')).items,
  });
  // The first contacts: to preview as one of them, and the attribute names they carry for the picker.
  const contacts = useQuery({
    queryKey: ['contacts', 'first-page'],
    queryFn: async () => (await api.get<{ items: Contact[] }>('/contacts?limit=100')).items,
  });
  const attributeNames = [
    ...new Set((contacts.data ?? []).flatMap((c) => Object.keys(c.attributes).filter((k) => /^[A-Za-z0-9_]+$/.test(k)))),
  ].filter((k) => !(FIELDS as readonly string[]).includes(k));
  const [previewAs, setPreviewAs] = useState<string | null>(null);
  const [testTo, setTestTo] = useState('');
  const [current, setCurrent] = useState<Campaign | null>(props.campaign);
  const [draft, setDraft] = useState<Draft>(props.campaign ? draftOf(props.campaign) : EMPTY);
  const [dirty, setDirty] = useState(false);
  const [attribute, setAttribute] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Counts edits, so a save answered after a newer keystroke leaves the form dirty (saved again).
  const edits = useRef(0);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    edits.current += 1;
    setDirty(true);
  };

  // The channel is the list's (fixed once saved): an SMS list makes an SMS campaign.
  const listChannel = (lists.data ?? []).find((l) => l.id === draft.listId)?.channel;
  const channel: CampaignChannel = current?.channel ?? (listChannel === 'sms' ? 'sms' : 'email');
  const sms = channel === 'sms';
  const chooseList = (listId: string) => {
    const next =
      (lists.data ?? []).find((l) => l.id === listId)?.channel === 'sms' ? 'text' : draft.format === 'text' ? 'mjml' : null;
    setDraft((d) => ({
      ...d,
      listId,
      ...(next === null ? {} : { format: next, body: d.body === STARTER[d.format] ? STARTER[next] : d.body }),
    }));
    edits.current += 1;
    setDirty(true);
  };

  const verified = (domains.data ?? []).filter((d) => d.status === 'verified');
  useEffect(() => {
    if (!draft.fromDomain && verified[0]) setDraft((d) => ({ ...d, fromDomain: verified[0]!.domain }));
  }, [draft.fromDomain, verified]);

  const stored = (c: Campaign) => {
    setCurrent(c);
    client.setQueryData([...CAMPAIGNS_KEY, c.id], c);
    void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY, exact: true });
    void client.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, c.id, 'preview'] });
  };

  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: async (auto: boolean) => {
      const body = payloadOf(draft, channel);
      const edit = edits.current;
      const c = current
        ? await api.patch<Campaign>(`/campaigns/${encodeURIComponent(current.id)}`, body)
        : await api.post<Campaign>('/campaigns', body);
      return { c, auto, edit };
    },
    onSuccess: ({ c, auto, edit }) => {
      if (edit === edits.current) setDirty(false);
      stored(c);
      if (!auto) notifyOk(t('campaigns.savedOk'));
      if (!current) void navigate(`/campaigns/${encodeURIComponent(c.id)}`, { replace: true });
    },
  });

  // Live preview: a saved draft is saved again 800 ms after the last keystroke.
  const autosave = current !== null && (current.status === 'draft' || current.status === 'rejected');
  useEffect(() => {
    if (!autosave || !dirty || (!sms && !draft.fromDomain) || !gate.allowed) return;
    const timer = setTimeout(() => save.mutate(true), 800);
    return () => clearTimeout(timer);
  }, [draft, autosave, dirty]);

  const preview = useQuery({
    queryKey: [...CAMPAIGNS_KEY, current?.id, 'preview', current?.version, previewAs],
    // A template error is shown next to the preview, not as a notification on every keystroke.
    queryFn: async (): Promise<{ preview: CampaignPreview | null; error: unknown }> => {
      try {
        return {
          preview: await api.get<CampaignPreview>(`/campaigns/${encodeURIComponent(current?.id ?? '')}/preview`),
          error: null,
        };
      } catch (error) {
        return { preview: null, error };
      }
    },
    enabled: !!current && !sms,
    retry: false,
    placeholderData: (previous) => previous,
  });
  const shown = preview.data?.preview;
  const previewError = preview.data?.error;

  const submit = useMutation({
    meta: { inlineError: true },
    mutationFn: async () => {
      if (dirty && current) await api.patch<Campaign>(`/campaigns/${encodeURIComponent(current.id)}`, payloadOf(draft, channel));
      return api.post<Campaign>(`/campaigns/${encodeURIComponent(current?.id ?? '')}/submit`);
    },
    onSuccess: (c) => {
      setDirty(false);
      stored(c);
    },
  });

  const testSend = useMutation({
    meta: { inlineError: true },
    mutationFn: () => api.post<unknown>(`/campaigns/${encodeURIComponent(current?.id ?? '')}/test-send`, { to: testTo.trim() }),
    onSuccess: () => notifyOk(t('campaigns.testSent', { to: testTo.trim() })),
  });

  const insertField = (name: string) => {
    const field = liquidField(name);
    const el = bodyRef.current;
    const start = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? draft.body.length;
    set('body', draft.body.slice(0, start) + field + draft.body.slice(end));
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + field.length, start + field.length);
    });
  };

  const switchFormat = (format: CampaignFormat) => {
    const untouched = draft.body === STARTER[draft.format];
    setDraft((d) => ({ ...d, format, body: untouched ? STARTER[format] : d.body }));
    edits.current += 1;
    setDirty(true);
  };

  const error = save.error ?? submit.error;
  const canSend = current && !sms && ['approved', 'scheduled', 'sending', 'paused'].includes(current.status);

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{current ? current.name : t('campaigns.newTitle')}</Title>
          {current && (
            <Badge color={STATUS_COLOR[current.status]} data-testid="campaign-status">
              {t(`campaigns.statuses.${current.status}`)}
            </Badge>
          )}
        </Group>
        <Group>
          <Button
            variant="default"
            onClick={() => save.mutate(false)}
            loading={save.isPending && !save.variables}
            disabled={!gate.allowed}
            title={gate.hint}
          >
            {t('app.save')}
          </Button>
          {current && (
            <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={!gate.allowed} title={gate.hint}>
              {t('campaigns.submit')}
            </Button>
          )}
          {canSend && (
            <Button color="green" component={Link} to={`/campaigns/${encodeURIComponent(current.id)}/send`}>
              {t('campaigns.toSend')}
            </Button>
          )}
        </Group>
      </Group>
      <ServiceNotice service="campaigns" />
      {sms && current?.status === 'approved' && (
        <Alert color="blue" data-testid="sms-not-sendable">
          {t('campaigns.sms.notSendable')}
        </Alert>
      )}
      {!sms && verified.length === 0 && domains.isSuccess && (
        <Alert color="yellow" data-testid="no-verified-domain">
          {t('campaigns.noVerifiedDomain')} <Link to="/sending-domains">{t('nav.sendingDomains')}</Link>
        </Alert>
      )}
      {error && (
        <Alert color="red" data-testid="campaign-error">
          {errorWithPosition(error, t)}
        </Alert>
      )}
      {current?.verdict && <Verdict campaign={current} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <TextInput
              label={t('campaigns.name')}
              required
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
            <Group grow>
              <Select
                label={t('campaigns.list')}
                required
                value={draft.listId || null}
                data={(lists.data ?? [])
                  .filter((l) => (current ? l.channel === channel : l.channel === 'email' || l.channel === 'sms'))
                  .map((l) => ({
                    value: l.id,
                    label: l.channel === 'sms' ? `${l.name} (${t('campaigns.sms.listChannel')})` : l.name,
                  }))}
                onChange={(v) => chooseList(v ?? '')}
                allowDeselect={false}
              />
              <Select
                label={t('campaigns.segment')}
                placeholder={t('campaigns.wholeList')}
                clearable
                value={draft.segmentId}
                data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                onChange={(v) => set('segmentId', v)}
              />
            </Group>
            {sms ? (
              <SmsText
                text={draft.body}
                senderId={draft.senderId}
                onText={(text) => set('body', text)}
                onSenderId={(id) => set('senderId', id)}
              />
            ) : (
              <>
                <TextInput
                  label={t('campaigns.subject')}
                  required
                  value={draft.subject}
                  onChange={(e) => set('subject', e.currentTarget.value)}
                />
                <TextInput
                  label={t('campaigns.preheader')}
                  description={t('campaigns.preheaderHint')}
                  value={draft.preheader}
                  onChange={(e) => set('preheader', e.currentTarget.value)}
                />
                <TextInput
                  label={t('campaigns.fromName')}
                  required
                  value={draft.fromName}
                  onChange={(e) => set('fromName', e.currentTarget.value)}
                />
                <Group grow align="flex-end">
                  <TextInput
                    label={t('campaigns.fromAddress')}
                    required
                    value={draft.fromLocal}
                    onChange={(e) => set('fromLocal', e.currentTarget.value)}
                    rightSection={<Text size="sm">@</Text>}
                  />
                  <Select
                    aria-label={t('campaigns.fromDomain')}
                    placeholder={t('campaigns.fromDomain')}
                    value={draft.fromDomain || null}
                    data={verified.map((d) => d.domain)}
                    onChange={(v) => set('fromDomain', v ?? '')}
                    allowDeselect={false}
                  />
                </Group>
                <TextInput
                  label={t('campaigns.replyTo')}
                  type="email"
                  value={draft.replyTo}
                  onChange={(e) => set('replyTo', e.currentTarget.value)}
                />
                <Switch
                  label={t('campaigns.clickTracking')}
                  description={t('campaigns.clickTrackingHint')}
                  checked={draft.clickTracking}
                  onChange={(e) => set('clickTracking', e.currentTarget.checked)}
                />
                <Group justify="space-between">
                  <SegmentedControl
                    aria-label={t('campaigns.format')}
                    value={draft.format}
                    onChange={(v) => switchFormat(v as CampaignFormat)}
                    data={[
                      { value: 'mjml', label: 'MJML' },
                      { value: 'html', label: 'HTML' },
                    ]}
                  />
                  <Menu closeOnItemClick>
                    <Menu.Target>
                      <Button variant="light">{t('campaigns.insertField')}</Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {FIELDS.map((f) => (
                        <Menu.Item key={f} onClick={() => insertField(f)} ff="monospace">
                          {`contact.${f}`}
                        </Menu.Item>
                      ))}
                      {attributeNames.map((f) => (
                        <Menu.Item key={f} onClick={() => insertField(f)} ff="monospace">
                          {`contact.${f}`}
                        </Menu.Item>
                      ))}
                      <Menu.Divider />
                      <Group p="xs" gap="xs" wrap="nowrap">
                        <TextInput
                          size="xs"
                          aria-label={t('campaigns.otherAttribute')}
                          placeholder={t('campaigns.otherAttribute')}
                          value={attribute}
                          onChange={(e) => setAttribute(e.currentTarget.value.replace(/[^A-Za-z0-9_]/g, ''))}
                        />
                        <Button size="xs" disabled={!attribute} onClick={() => insertField(attribute)}>
                          {t('campaigns.insert')}
                        </Button>
                      </Group>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
                <Textarea
                  ref={bodyRef}
                  label={t('campaigns.body')}
                  aria-label={t('campaigns.body')}
                  value={draft.body}
                  onChange={(e) => set('body', e.currentTarget.value)}
                  autosize
                  minRows={16}
                  maxRows={40}
                  spellCheck={false}
                  styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
                />
              </>
            )}
          </Stack>
        </Grid.Col>
        {!sms && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder>
              <Tabs defaultValue="html">
                <Tabs.List>
                  <Tabs.Tab value="html">{t('campaigns.previewHtml')}</Tabs.Tab>
                  <Tabs.Tab value="text">{t('campaigns.previewText')}</Tabs.Tab>
                </Tabs.List>
                {current && (
                  <Group mt="sm" align="flex-end" grow>
                    <Select
                      label={t('campaigns.previewAs')}
                      placeholder={t('campaigns.previewAsSample')}
                      clearable
                      searchable
                      value={previewAs}
                      data={(contacts.data ?? []).filter((c) => c.email).map((c) => ({ value: c.id, label: c.email ?? c.id }))}
                      onChange={setPreviewAs}
                    />
                    <Group gap="xs" align="flex-end" wrap="nowrap">
                      <TextInput
                        label={t('campaigns.testSendTo')}
                        description={t('campaigns.testSendHint')}
                        type="email"
                        value={testTo}
                        onChange={(e) => setTestTo(e.currentTarget.value)}
                      />
                      <Button
                        variant="light"
                        disabled={!testTo.trim() || !sendGate.allowed}
                        title={sendGate.hint}
                        loading={testSend.isPending}
                        onClick={() => testSend.mutate()}
                      >
                        {t('campaigns.testSend')}
                      </Button>
                    </Group>
                  </Group>
                )}
                {testSend.error && (
                  <Alert color="red" mt="sm" data-testid="test-send-error">
                    {errorWithPosition(testSend.error, t)}
                  </Alert>
                )}
                {!current && (
                  <Text c="dimmed" size="sm" mt="sm">
                    {t('campaigns.saveToPreview')}
                  </Text>
                )}
                {previewError != null && (
                  <Alert color="red" mt="sm" data-testid="preview-error">
                    {errorWithPosition(previewError, t)}
                  </Alert>
                )}
                {shown && (
                  <Text size="sm" mt="sm" data-testid="preview-subject">
                    <b>{t('campaigns.subject')}:</b> {shown.subject}
                  </Text>
                )}
                <Tabs.Panel value="html" pt="sm">
                  {shown && (
                    <iframe
                      title={t('campaigns.previewHtml')}
                      data-testid="preview-frame"
                      sandbox=""
                      srcDoc={shown.html}
                      style={{ width: '100%', height: 600, border: '1px solid #dee2e6', background: 'white' }}
                    />
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="text" pt="sm">
                  {shown && (
                    <Text component="pre" size="sm" data-testid="preview-text" style={{ whiteSpace: 'pre-wrap' }}>
                      {shown.text}
                    </Text>
                  )}
                </Tabs.Panel>
              </Tabs>
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

/**
 * The content review's verdict as the owner reads it (CNT-02): for each finding its category by
 * name in the reader's language and the matched text, and the reviewer's note — never a bare code.
 */
function Verdict(props: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const c = props.campaign;
  const v = c.verdict!;
  const review = useQuery({
    queryKey: [...CAMPAIGNS_KEY, c.id, 'review', v.decidedAt, v.decision],
    queryFn: () => api.get<CampaignReviewView>(`/campaigns/${encodeURIComponent(c.id)}/review`),
  });
  const color = v.decision === 'allow' ? 'green' : v.decision === 'hold' ? 'yellow' : 'red';
  const findings = review.data?.findings ?? [];
  const note = review.data?.note ?? null;
  return (
    <Alert color={color} title={t(`campaigns.verdict.${v.decision}`)} data-testid="verdict" data-decision={v.decision}>
      {v.decision !== 'allow' && findings.length > 0 && (
        <Text size="sm" fw={600}>
          {v.decision === 'reject' ? t('campaigns.whyRejected') : t('campaigns.whyHeld')}
        </Text>
      )}
      {v.findings.length === 0 ? (
        <Text size="sm">{t('campaigns.noFindings')}</Text>
      ) : (
        <MantineList size="sm" data-testid="findings">
          {findings.map((f, i) => (
            <MantineList.Item key={i} data-testid="finding" data-category={f.category}>
              <b data-testid="finding-category">{contentCategoryName(f.category, i18n.language)}</b>
              {f.excerpts.length > 0 && (
                <Text span size="sm" data-testid="finding-matched">
                  {' — '}
                  {t('campaigns.matchedText', { text: f.excerpts.map((e) => `“${e}”`).join(', ') })}
                </Text>
              )}
            </MantineList.Item>
          ))}
        </MantineList>
      )}
      {note && (
        <Text size="sm" mt="xs" data-testid="reviewer-note">
          {t('campaigns.reviewerNote', { note })}
        </Text>
      )}
      {v.decision === 'reject' && (
        <Text size="xs" mt="xs" c="dimmed">
          {t('campaigns.rejectedHint')}
        </Text>
      )}
    </Alert>
  );
}
