// The account's sender settings the public pages use (issue 13 §7): the default country of phone
// numbers typed without +country code (a form may name its own), and the privacy policy link the
// hosted form and the preference page show beside the sender's name. Owner only, like the rest
// of the account settings; its own small form so it stays apart from the other settings.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyOk } from '../../notify.ts';
import { useApi, useMe } from '../../session.tsx';
import type { AccountView as AccountDetails } from '../../../../src/core/accounts/views.ts';

export function SenderSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const isOwner = useMe().data?.account?.role === 'owner';
  const account = useQuery({ queryKey: ['account'], queryFn: () => api.get<AccountDetails>('/account') });
  const [f, setF] = useState({ defaultCountry: '', privacyPolicyUrl: '' });
  useEffect(() => {
    const a = account.data;
    if (a) setF({ defaultCountry: a.defaultCountry ?? '', privacyPolicyUrl: a.privacyPolicyUrl ?? '' });
  }, [account.data]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<unknown>('/account', {
        defaultCountry: f.defaultCountry.trim() ? f.defaultCountry.trim().toUpperCase() : null,
        privacyPolicyUrl: f.privacyPolicyUrl.trim() || null,
      }),
    onSuccess: () => {
      notifyOk(t('app.saved'));
      void client.invalidateQueries({ queryKey: ['account'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Card withBorder data-testid="sender-settings">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={4}>{t('forms.senderSettings.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('forms.senderSettings.hint')}
          </Text>
          <TextInput
            label={t('forms.senderSettings.defaultCountry')}
            description={t('forms.senderSettings.defaultCountryHint')}
            maxLength={2}
            w={260}
            value={f.defaultCountry}
            disabled={!isOwner}
            onChange={(e) => setF({ ...f, defaultCountry: e.currentTarget.value })}
          />
          <TextInput
            label={t('forms.senderSettings.privacyPolicyUrl')}
            description={t('forms.senderSettings.privacyPolicyUrlHint')}
            placeholder="https://"
            value={f.privacyPolicyUrl}
            disabled={!isOwner}
            onChange={(e) => setF({ ...f, privacyPolicyUrl: e.currentTarget.value })}
          />
          {isOwner && (
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('forms.senderSettings.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}
