// A list's fields, the same in the create and the edit dialog: name, purpose, frequency, sender
// name, double opt-in — and the channel, which only a new list chooses (an existing list's consent
// was given for its channel).
import type { ReactNode } from 'react';
import { SegmentedControl, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../src/core/consent/types.ts';

export interface ListFieldValues {
  name: string;
  purposeText: string;
  frequency: string;
  senderName: string;
  doubleOptIn: boolean;
}

export function ListFields<F extends ListFieldValues>(props: {
  form: F;
  set: (key: keyof ListFieldValues, value: string | boolean) => void;
  /** A new list's channel picker (shown between the purpose and the frequency). */
  channel?: { value: Channel; onChange: (c: Channel) => void };
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { form, set } = props;
  return (
    <Stack>
      <TextInput
        label={t('lists.name')}
        required
        value={form.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        data-autofocus={props.autoFocus || undefined}
      />
      <Textarea
        label={t('lists.purpose')}
        description={t('lists.purposeHint')}
        required
        autosize
        minRows={2}
        value={form.purposeText}
        onChange={(e) => set('purposeText', e.currentTarget.value)}
      />
      {props.channel && (
        <div>
          <Text size="sm" fw={500}>
            {t('lists.channel')}
          </Text>
          <SegmentedControl
            aria-label={t('lists.channel')}
            value={props.channel.value}
            onChange={(v) => props.channel?.onChange(v as Channel)}
            data={[
              { value: 'email', label: t('channel.email') },
              { value: 'sms', label: t('channel.sms') },
            ]}
          />
          <Text size="xs" c="dimmed">
            {t('lists.channelHint')}
          </Text>
        </div>
      )}
      <TextInput
        label={t('lists.frequency')}
        description={t('lists.frequencyHint')}
        required
        value={form.frequency}
        onChange={(e) => set('frequency', e.currentTarget.value)}
      />
      <TextInput
        label={t('lists.sender')}
        required
        value={form.senderName}
        onChange={(e) => set('senderName', e.currentTarget.value)}
      />
      <Switch
        label={t('lists.doubleOptIn')}
        description={t('lists.doubleOptInHint')}
        checked={form.doubleOptIn}
        onChange={(e) => set('doubleOptIn', e.currentTarget.checked)}
      />
      {props.children}
    </Stack>
  );
}
