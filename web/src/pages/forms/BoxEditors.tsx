// Editors for one consent box (CON-03/CON-04/SMS-01), the terms box (CON-03) and a
// co-registration partner (CON-05). None of them has a "pre-checked" control (CON-02).
import { ActionIcon, Alert, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PURPOSE_PARTS } from '../../../../src/core/forms/definition.ts';
import type { List } from '../../../../src/core/lists/types.ts';
import type { BoxDraft, PartnerDraft } from './draft.ts';

export function ConsentBoxEditor(props: {
  index: number;
  box: BoxDraft;
  lists: readonly List[];
  /** Lists already used by other boxes (one box per list, CON-03). */
  taken: ReadonlySet<string>;
  onChange: (box: BoxDraft) => void;
  onPickList: (list: List) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { box } = props;
  const list = props.lists.find((l) => l.id === box.listId);
  const data = props.lists
    .filter((l) => l.id === box.listId || !props.taken.has(l.id))
    .map((l) => ({ value: l.id, label: `${l.name} (${t(`channel.${l.channel}`)})` }));
  const setPurpose = (part: string, value: string) => props.onChange({ ...box, purpose: { ...box.purpose, [part]: value } });
  return (
    <Card withBorder data-testid="consent-box-editor">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('forms.boxN', { n: props.index + 1 })}</Text>
          <ActionIcon variant="subtle" color="red" aria-label={t('forms.removeBox')} onClick={props.onRemove}>
            ✕
          </ActionIcon>
        </Group>
        <Select
          label={t('forms.boxList')}
          description={t('forms.boxListHint')}
          placeholder={t('forms.pickList')}
          data={data}
          value={box.listId}
          onChange={(id) => {
            const picked = props.lists.find((l) => l.id === id);
            if (picked) props.onPickList(picked);
          }}
          allowDeselect={false}
        />
        <Text size="xs" c="dimmed">
          {t('forms.neverPrechecked')}
        </Text>
        <TextInput
          label={t('forms.boxLabel')}
          description={t('forms.boxLabelHint')}
          value={box.label}
          onChange={(e) => props.onChange({ ...box, label: e.currentTarget.value })}
        />
        <Text size="sm" fw={500} mt="xs">
          {t('forms.purposeTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          {PURPOSE_PARTS.map((part) => (
            <TextInput
              key={part}
              label={t(`forms.purpose.${part}`)}
              required
              value={box.purpose[part]}
              onChange={(e) => setPurpose(part, e.currentTarget.value)}
            />
          ))}
        </SimpleGrid>
        {list?.channel === 'sms' && (
          <>
            <Text size="sm" fw={500} mt="xs">
              {t('forms.smsTitle')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              <TextInput
                label={t('forms.smsProgram')}
                required
                value={box.sms.programName}
                onChange={(e) => props.onChange({ ...box, sms: { ...box.sms, programName: e.currentTarget.value } })}
              />
              <TextInput
                label={t('forms.smsFrequency')}
                required
                value={box.sms.frequency}
                onChange={(e) => props.onChange({ ...box, sms: { ...box.sms, frequency: e.currentTarget.value } })}
              />
            </SimpleGrid>
            <Alert color="blue" variant="light">
              {t('forms.smsAlwaysAdded')}
            </Alert>
          </>
        )}
      </Stack>
    </Card>
  );
}

export function PartnerEditor(props: {
  index: number;
  partner: PartnerDraft;
  onChange: (p: PartnerDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { partner } = props;
  return (
    <Card withBorder p="sm">
      <Group align="end" wrap="nowrap">
        <TextInput
          label={t('forms.partnerName', { n: props.index + 1 })}
          required
          value={partner.name}
          onChange={(e) => props.onChange({ ...partner, name: e.currentTarget.value })}
          style={{ flex: 1 }}
        />
        <Textarea
          label={t('forms.partnerPurpose')}
          required
          autosize
          minRows={1}
          value={partner.purposeText}
          onChange={(e) => props.onChange({ ...partner, purposeText: e.currentTarget.value })}
          style={{ flex: 2 }}
        />
        <ActionIcon variant="subtle" color="red" aria-label={t('forms.removePartner')} onClick={props.onRemove} mb={6}>
          ✕
        </ActionIcon>
      </Group>
    </Card>
  );
}
