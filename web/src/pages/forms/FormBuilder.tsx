// The form builder (CON-02…CON-05, SMS-01): fields, one consent box per list with its structured
// purpose, an optional separate terms box, co-registration partners (each its own box, at most
// 10). Every save is a new immutable version. The problem list follows the draft: every change is
// checked by the server's own publish rules (POST /forms/validate, a dry run), so a fixed problem
// leaves the list at once and Publish stays disabled while any is listed. A refusal the server
// still gives is shown in words (Problems.tsx), and cleared by the next change.
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { notifyOk } from '../../notify.ts';
import { ServiceNotice, useService } from '../../components/ServiceGate.tsx';
import { FIELD_KEYS, MAX_CO_REGISTRATION_PARTNERS } from '../../../../src/core/forms/definition.ts';
import type { FormProblem, FormViewAnswer as FormView } from '../../../../src/server/routes/forms/shapes.ts';
import type { FormValidationAnswer } from '../../../../src/server/routes/forms/validate-form.ts';
import { useApi } from '../../session.tsx';
import { useLists } from '../Lists.tsx';
import { ConsentBoxEditor, PartnerEditor } from './BoxEditors.tsx';
import { emptyDraft, fromDefinition, newBox, prefillFromList, toDefinition, uid, type FormDraft } from './draft.ts';
import { ProblemItems, RefusalAlert } from './Problems.tsx';
import { PublishPanel, RenderedTexts } from './PublishPanel.tsx';

/** How long the builder waits after the last change before asking the server to check the draft. */
const VALIDATE_DELAY_MS = 300;

export function FormBuilder() {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const id = useParams().id;
  const isNew = !id || id === 'new';
  const lists = useLists();
  const gate = useService('forms');
  const view = useQuery({
    queryKey: ['forms', id],
    queryFn: () => api.get<FormView>(`/forms/${encodeURIComponent(id ?? '')}`),
    enabled: !isNew,
  });
  const [draft, setDraft] = useState<FormDraft>(emptyDraft);
  const [dirty, setDirty] = useState(false);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);

  // Load the latest version into the editor once (and after a save made elsewhere).
  const latest = view.data?.latest;
  useEffect(() => {
    if (latest && latest.version !== loadedVersion && !dirty) {
      setDraft(fromDefinition(latest.definition));
      setLoadedVersion(latest.version);
    }
  }, [latest, loadedVersion, dirty]);

  const allLists = useMemo(() => (lists.data ?? []).filter((l) => !l.archivedAt), [lists.data]);
  const taken = new Set(draft.boxes.flatMap((b) => (b.listId ? [b.listId] : [])));

  // The draft as the server would receive it, checked a moment after the last keystroke.
  const definitionJson = useMemo(() => JSON.stringify(toDefinition(draft, allLists)), [draft, allLists]);
  const [checkedJson, setCheckedJson] = useState(definitionJson);
  useEffect(() => {
    const timer = setTimeout(() => setCheckedJson(definitionJson), VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definitionJson]);
  const validation = useQuery({
    queryKey: ['forms', 'validate', checkedJson],
    queryFn: () => api.post<FormValidationAnswer>('/forms/validate', JSON.parse(checkedJson) as unknown),
    // The dry run is a POST, refused like any write of a blocked or suspended account.
    enabled: (dirty || isNew) && lists.isSuccess && gate.allowed,
    placeholderData: (previous) => previous,
  });

  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: () => {
      const def = toDefinition(draft, allLists);
      return isNew ? api.post<FormView>('/forms', def) : api.put<FormView>(`/forms/${encodeURIComponent(id)}`, def);
    },
    onSuccess: (answer) => {
      notifyOk(t('forms.saved', { version: answer.latest.version }));
      setDirty(false);
      setLoadedVersion(answer.latest.version);
      client.setQueryData(['forms', answer.form.id], answer);
      void client.invalidateQueries({ queryKey: ['forms'], exact: true });
      if (isNew) void navigate(`/forms/${encodeURIComponent(answer.form.id)}`, { replace: true });
    },
  });
  const edit = (next: FormDraft) => {
    setDraft(next);
    setDirty(true);
    // A refusal of the previous draft no longer describes this one.
    if (save.error) save.reset();
  };

  // Unsaved changes: the draft's problems (dry run); otherwise the saved latest version's.
  const live = dirty || isNew;
  const problems: FormProblem[] = live ? (validation.data?.problems ?? []) : (view.data?.problems ?? []);
  const issues = live ? (validation.data?.issues ?? []) : [];
  const withdrawHint = t('forms.defaultWithdraw');

  return (
    <Stack>
      <Anchor component={Link} to="/forms" size="sm">
        ← {t('app.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{isNew ? t('forms.newTitle') : t('forms.editTitle', { name: view.data?.form.name ?? '' })}</Title>
        {!isNew && view.data && (
          <Text c="dimmed">
            {t('forms.versionInfo', { latest: view.data.form.latestVersion, published: view.data.form.publishedVersion ?? '—' })}
          </Text>
        )}
      </Group>
      <ServiceNotice service="forms" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Card withBorder>
              <Stack gap="xs">
                <TextInput
                  label={t('forms.name')}
                  required
                  value={draft.name}
                  onChange={(e) => edit({ ...draft, name: e.currentTarget.value })}
                />
                <Group grow>
                  <Select
                    label={t('forms.language')}
                    data={[
                      { value: 'en', label: t('lang.en') },
                      { value: 'ro', label: t('lang.ro') },
                    ]}
                    value={draft.language}
                    onChange={(v) => v && edit({ ...draft, language: v as 'en' | 'ro' })}
                    allowDeselect={false}
                  />
                  <TextInput
                    label={t('forms.defaultCountry')}
                    description={t('forms.defaultCountryHint')}
                    maxLength={2}
                    value={draft.defaultCountry}
                    onChange={(e) => edit({ ...draft, defaultCountry: e.currentTarget.value })}
                  />
                </Group>
                <Textarea
                  label={t('forms.introField')}
                  description={t('forms.introFieldHint')}
                  autosize
                  minRows={2}
                  value={draft.intro}
                  onChange={(e) => edit({ ...draft, intro: e.currentTarget.value })}
                />
              </Stack>
            </Card>

            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('forms.fieldsTitle')}
              </Text>
              <Stack gap={6}>
                {FIELD_KEYS.map((k) => (
                  <Group key={k}>
                    <Checkbox
                      w={180}
                      label={t(`forms.field.${k}`)}
                      checked={draft.fields[k].on}
                      onChange={(e) =>
                        edit({ ...draft, fields: { ...draft.fields, [k]: { ...draft.fields[k], on: e.currentTarget.checked } } })
                      }
                    />
                    <Switch
                      size="xs"
                      label={t('forms.required')}
                      disabled={!draft.fields[k].on}
                      checked={draft.fields[k].required}
                      onChange={(e) =>
                        edit({
                          ...draft,
                          fields: { ...draft.fields, [k]: { ...draft.fields[k], required: e.currentTarget.checked } },
                        })
                      }
                    />
                  </Group>
                ))}
              </Stack>
            </Card>

            <Group justify="space-between">
              <Title order={3}>{t('forms.boxesTitle')}</Title>
              <Button
                variant="light"
                disabled={taken.size >= allLists.length && draft.boxes.every((b) => b.listId)}
                onClick={() => edit({ ...draft, boxes: [...draft.boxes, newBox()] })}
              >
                {t('forms.addBox')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('forms.boxesHint')}
            </Text>
            {allLists.length === 0 && (
              <Alert color="yellow">
                {t('forms.noLists')}{' '}
                <Anchor component={Link} to="/lists">
                  {t('nav.lists')}
                </Anchor>
              </Alert>
            )}
            {draft.boxes.map((b, i) => (
              <ConsentBoxEditor
                key={b.uid}
                index={i}
                box={b}
                lists={allLists}
                taken={new Set([...taken].filter((lid) => lid !== b.listId))}
                onChange={(nb) => edit({ ...draft, boxes: draft.boxes.map((x) => (x.uid === b.uid ? nb : x)) })}
                onPickList={(list) =>
                  edit({
                    ...draft,
                    boxes: draft.boxes.map((x) => (x.uid === b.uid ? prefillFromList(x, list, withdrawHint) : x)),
                  })
                }
                onRemove={() => edit({ ...draft, boxes: draft.boxes.filter((x) => x.uid !== b.uid) })}
              />
            ))}

            <Card withBorder>
              <Switch
                label={t('forms.termsBox')}
                description={t('forms.termsBoxHint')}
                checked={draft.terms.on}
                onChange={(e) => edit({ ...draft, terms: { ...draft.terms, on: e.currentTarget.checked } })}
              />
              {draft.terms.on && (
                <Group grow mt="xs">
                  <TextInput
                    label={t('forms.termsLabel')}
                    required
                    value={draft.terms.label}
                    onChange={(e) => edit({ ...draft, terms: { ...draft.terms, label: e.currentTarget.value } })}
                  />
                  <TextInput
                    label={t('forms.termsUrl')}
                    placeholder="https://"
                    value={draft.terms.url}
                    onChange={(e) => edit({ ...draft, terms: { ...draft.terms, url: e.currentTarget.value } })}
                  />
                </Group>
              )}
            </Card>

            <Group justify="space-between">
              <Title order={3}>{t('forms.partnersTitle')}</Title>
              <Button
                variant="light"
                disabled={draft.partners.length >= MAX_CO_REGISTRATION_PARTNERS}
                onClick={() => edit({ ...draft, partners: [...draft.partners, { uid: uid(), name: '', purposeText: '' }] })}
              >
                {t('forms.addPartner')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('forms.partnersHint', { max: MAX_CO_REGISTRATION_PARTNERS })}
            </Text>
            {draft.partners.map((p, i) => (
              <PartnerEditor
                key={p.uid}
                index={i}
                partner={p}
                onChange={(np) => edit({ ...draft, partners: draft.partners.map((x) => (x.uid === p.uid ? np : x)) })}
                onRemove={() => edit({ ...draft, partners: draft.partners.filter((x) => x.uid !== p.uid) })}
              />
            ))}

            {save.error && <RefusalAlert error={save.error} />}
            <Group>
              <Button
                onClick={() => save.mutate()}
                loading={save.isPending}
                disabled={(!dirty && !isNew) || !gate.allowed}
                title={gate.hint}
                data-testid="form-save"
              >
                {isNew ? t('forms.create') : t('forms.saveVersion')}
              </Button>
              {dirty && !isNew && (
                <Text size="sm" c="orange">
                  {t('forms.unsaved')}
                </Text>
              )}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {view.data ? (
            <PublishPanel view={view.data} dirty={dirty} problems={problems} />
          ) : (
            <Card withBorder>
              <Text c="dimmed" size="sm">
                {t('forms.saveFirst')}
              </Text>
            </Card>
          )}
          {problems.length + issues.length > 0 && (
            <Card withBorder mt="md" data-testid="form-problems">
              <Text fw={600}>{live ? t('forms.draftProblemsTitle') : t('forms.problemsTitle')}</Text>
              <ProblemItems problems={problems} issues={issues} />
            </Card>
          )}
          {live && validation.data?.rendered && (
            <Card withBorder mt="md">
              <Title order={4} mb="xs">
                {t('forms.draftTextsTitle')}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {t('forms.draftTextsHint')}
              </Text>
              <RenderedTexts rendered={validation.data.rendered} testId="draft-texts" />
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
