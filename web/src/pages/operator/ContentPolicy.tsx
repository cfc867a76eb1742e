// CNT-01: the operator's tuning of the content screen. Per category: hold and reject thresholds,
// a weight scale and extra terms (one per line, English and Romanian; added as strong terms).
// Saving stores a new append-only revision (admins only; audited) that the next screen uses.
import { useEffect, useState } from 'react';
import { Accordion, Badge, Button, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContentPolicyOverrides } from '../../../../src/core/content/policy.ts';
import type { ContentPolicyAnswer } from '../../../../src/server/routes/content-policy/schemas.ts';
import { formatTime } from '../../components/format.ts';
import { notifyOk } from '../../notify.ts';
import { useApi } from '../../session.tsx';
import { OperatorOnly } from './OperatorOnly.tsx';

const KEY = ['operator', 'content-policy'];
const GROUP_LABEL: Record<string, string> = {
  prohibited: 'contentPolicy.groupProhibited',
  'not-accepted': 'contentPolicy.groupNotAccepted',
  'high-risk': 'contentPolicy.groupHighRisk',
};
const GROUP_COLOR: Record<string, string> = { prohibited: 'red', 'not-accepted': 'orange', 'high-risk': 'yellow' };

type Num = number | string;
interface CategoryForm {
  holdAt: Num;
  rejectAt: Num;
  weightScale: Num;
  en: string;
  ro: string;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function toForm(answer: ContentPolicyAnswer): Record<string, CategoryForm> {
  const overrides = answer.overrides as ContentPolicyOverrides;
  return Object.fromEntries(
    answer.base.categories.map((c) => {
      const o = overrides.categories?.[c.id];
      return [
        c.id,
        {
          holdAt: o?.holdAt ?? '',
          rejectAt: o?.rejectAt ?? '',
          weightScale: o?.weightScale ?? '',
          en: (o?.en?.strong ?? []).join('\n'),
          ro: (o?.ro?.strong ?? []).join('\n'),
        },
      ];
    }),
  );
}

/** The form back as overrides; what the form does not show (weights, other term classes) is kept. */
function toOverrides(answer: ContentPolicyAnswer, form: Record<string, CategoryForm>): ContentPolicyOverrides {
  const previous = answer.overrides as ContentPolicyOverrides;
  const categories: NonNullable<ContentPolicyOverrides['categories']> = {};
  for (const c of answer.base.categories) {
    const f = form[c.id];
    const before = previous.categories?.[c.id] ?? {};
    const entry: NonNullable<ContentPolicyOverrides['categories']>[string] = { ...before };
    delete entry.holdAt;
    delete entry.rejectAt;
    delete entry.weightScale;
    if (f && typeof f.holdAt === 'number') entry.holdAt = f.holdAt;
    if (f && typeof f.rejectAt === 'number') entry.rejectAt = f.rejectAt;
    if (f && typeof f.weightScale === 'number') entry.weightScale = f.weightScale;
    for (const lang of ['en', 'ro'] as const) {
      const terms = lines(f?.[lang] ?? '');
      const rest = { ...(before[lang] ?? {}) };
      delete rest.strong;
      const lex = terms.length > 0 ? { ...rest, strong: terms } : rest;
      if (Object.keys(lex).length > 0) entry[lang] = lex;
      else delete entry[lang];
    }
    if (Object.keys(entry).length > 0) categories[c.id] = entry;
  }
  return { ...previous, categories };
}

export function OperatorContentPolicy() {
  return (
    <OperatorOnly>
      <ContentPolicyView />
    </OperatorOnly>
  );
}

function ContentPolicyView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const policy = useQuery({ queryKey: KEY, queryFn: () => api.get<ContentPolicyAnswer>('/operator/content-policy') });
  const [form, setForm] = useState<Record<string, CategoryForm>>({});
  const [note, setNote] = useState('');
  useEffect(() => {
    if (policy.data) setForm(toForm(policy.data));
  }, [policy.data]);
  const save = useMutation({
    mutationFn: (answer: ContentPolicyAnswer) =>
      api.put<ContentPolicyAnswer>('/operator/content-policy', { overrides: toOverrides(answer, form), note }),
    onSuccess: (saved) => {
      notifyOk(t('contentPolicy.savedOk', { revision: saved.revision }));
      client.setQueryData(KEY, saved);
      setNote('');
    },
  });
  const data = policy.data;
  if (!data) return null;
  const lang = i18n.language.startsWith('ro') ? 'ro' : 'en';
  const set = (id: string, field: keyof CategoryForm, value: Num) =>
    setForm((f) => ({ ...f, [id]: { ...(f[id] as CategoryForm), [field]: value } }));
  const limits = data.limits;
  return (
    <Stack>
      <Title order={2}>{t('contentPolicy.title')}</Title>
      <Text c="dimmed">{t('contentPolicy.intro')}</Text>
      <Group>
        <Text>{t('contentPolicy.revision')}</Text>
        <Badge variant="light" data-testid="content-policy-revision">
          {data.revision}
        </Badge>
      </Group>
      <Text size="sm">
        {data.stored
          ? t('contentPolicy.savedBy', { at: formatTime(data.stored.createdAt, i18n.language), note: data.stored.note })
          : t('contentPolicy.builtIn')}
      </Text>
      <Accordion multiple variant="separated">
        {data.base.categories.map((c) => {
          const f = form[c.id];
          if (!f) return null;
          return (
            <Accordion.Item key={c.id} value={c.id} data-testid={`content-policy-category-${c.id}`}>
              <Accordion.Control>
                <Group>
                  <Text>{c.names[lang]}</Text>
                  <Badge color={GROUP_COLOR[c.group] ?? 'gray'} variant="light">
                    {GROUP_LABEL[c.group] ? t(GROUP_LABEL[c.group]!) : c.group}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <NumberInput
                      label={t('contentPolicy.holdAt')}
                      description={t('contentPolicy.defaultValue', { value: c.holdAt })}
                      min={limits.thresholdMin}
                      max={limits.thresholdMax}
                      step={0.5}
                      decimalScale={2}
                      value={f.holdAt}
                      onChange={(v) => set(c.id, 'holdAt', v)}
                    />
                    <NumberInput
                      label={t('contentPolicy.rejectAt')}
                      description={t('contentPolicy.defaultValue', { value: c.rejectAt })}
                      min={limits.thresholdMin}
                      max={limits.thresholdMax}
                      step={0.5}
                      decimalScale={2}
                      value={f.rejectAt}
                      onChange={(v) => set(c.id, 'rejectAt', v)}
                    />
                    <NumberInput
                      label={t('contentPolicy.weightScale')}
                      description={t('contentPolicy.defaultValue', { value: Math.round(c.weightScale * 100) / 100 })}
                      min={limits.weightScaleMin}
                      max={limits.weightScaleMax}
                      step={0.25}
                      decimalScale={2}
                      value={f.weightScale}
                      onChange={(v) => set(c.id, 'weightScale', v)}
                    />
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Textarea
                      label={t('contentPolicy.termsEn')}
                      description={t('contentPolicy.termsHint', { max: limits.maxTermsPerList })}
                      autosize
                      minRows={2}
                      value={f.en}
                      onChange={(e) => set(c.id, 'en', e.currentTarget.value)}
                    />
                    <Textarea
                      label={t('contentPolicy.termsRo')}
                      description={t('contentPolicy.termsHint', { max: limits.maxTermsPerList })}
                      autosize
                      minRows={2}
                      value={f.ro}
                      onChange={(e) => set(c.id, 'ro', e.currentTarget.value)}
                    />
                  </SimpleGrid>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <Textarea
        label={t('contentPolicy.note')}
        description={t('contentPolicy.noteHint')}
        required
        value={note}
        maxLength={limits.maxNoteLength}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group>
        <Button onClick={() => save.mutate(data)} loading={save.isPending} disabled={note.trim() === ''}>
          {t('contentPolicy.save')}
        </Button>
      </Group>
    </Stack>
  );
}
