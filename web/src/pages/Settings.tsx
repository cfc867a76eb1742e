// Account settings (owner). ACC-07: feature news can be switched off; account-critical notices
// cannot, and the page says why.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Select, Stack, Switch, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, pickLanguage } from '../i18n/index.ts';
import { fieldError, fieldErrors } from '../components/errors.ts';
import { ServiceNotice, useService } from '../components/ServiceGate.tsx';
import { errorMessage, notifyOk } from '../notify.ts';
import { ChangePassword } from './ChangePassword.tsx';
import { SenderSettings } from './forms/SenderSettings.tsx';
import { ME_KEY, useApi, useMe } from '../session.tsx';
import type { AccountView as AccountDetails } from '../../../src/core/accounts/views.ts';

export function Settings() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const isOwner = useMe().data?.account?.role === 'owner';
  // Changing the password stays open whatever the standing (it is the user's, not the account's).
  const gate = useService('settings');
  const canEdit = isOwner && gate.allowed;
  const account = useQuery({ queryKey: ['account'], queryFn: () => api.get<AccountDetails>('/account') });
  const [f, setF] = useState({ name: '', postalAddress: '', language: 'en', featureNews: true });

  useEffect(() => {
    const a = account.data;
    if (a)
      setF({ name: a.name, postalAddress: a.postalAddress, language: pickLanguage([a.language]), featureNews: a.featureNews });
  }, [account.data]);

  const save = useMutation({
    meta: { inlineError: true },
    mutationFn: () => api.patch<unknown>('/account', f),
    onSuccess: () => {
      notifyOk(t('app.saved'));
      void i18n.changeLanguage(f.language);
      void client.invalidateQueries({ queryKey: ['account'] });
      void client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const saveErrors = fieldErrors(save.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Stack maw={640}>
      <Title order={2}>{t('settings.title')}</Title>
      {!isOwner && <Alert color="gray">{t('settings.ownerOnly')}</Alert>}
      <ServiceNotice service="settings" />
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('settings.name')}
            value={f.name}
            disabled={!canEdit}
            error={fieldError(saveErrors, 'name')}
            onChange={(e) => setF({ ...f, name: e.currentTarget.value })}
          />
          <Textarea
            label={t('settings.postalAddress')}
            autosize
            minRows={2}
            value={f.postalAddress}
            disabled={!canEdit}
            error={fieldError(saveErrors, 'postalAddress')}
            onChange={(e) => setF({ ...f, postalAddress: e.currentTarget.value })}
          />
          <Select
            label={t('settings.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
            value={f.language}
            disabled={!canEdit}
            allowDeselect={false}
            onChange={(v) => v && setF({ ...f, language: v })}
          />
          <Switch
            label={t('settings.featureNews')}
            description={t('settings.featureNewsHint')}
            checked={f.featureNews}
            disabled={!canEdit}
            onChange={(e) => setF({ ...f, featureNews: e.currentTarget.checked })}
          />
          <Alert color="blue" variant="light">
            {t('settings.critical')}
          </Alert>
          {save.error && saveErrors.length === 0 && (
            <Alert color="red" data-testid="settings-error">
              {errorMessage(save.error, t)}
            </Alert>
          )}
          {isOwner && (
            <Button type="submit" loading={save.isPending} w="fit-content" disabled={!gate.allowed} title={gate.hint}>
              {t('app.save')}
            </Button>
          )}
        </Stack>
      </form>
      <SenderSettings />
      <ChangePassword />
    </Stack>
  );
}
