// Change your password while signed in (SEC-01): the current password is required, and the
// server ends your other sessions.
import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError, notifyOk } from '../notify.ts';
import { useApi } from '../session.tsx';

export function ChangePassword() {
  const { t } = useTranslation();
  const api = useApi();
  const [f, setF] = useState({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: () => api.post<unknown>('/auth/password', f),
    onSuccess: () => {
      notifyOk(t('password.changed'));
      setF({ currentPassword: '', newPassword: '' });
    },
    onError: (err) => notifyError(err, t),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Title order={3}>{t('password.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('password.hint')}
        </Text>
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          required
          value={f.currentPassword}
          onChange={(e) => setF({ ...f, currentPassword: e.currentTarget.value })}
        />
        <PasswordInput
          label={t('password.new')}
          autoComplete="new-password"
          required
          value={f.newPassword}
          onChange={(e) => setF({ ...f, newPassword: e.currentTarget.value })}
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
