// /app/accept-invitation?token=… (the link in the invitation mail).
import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PublicPage } from '../components/PublicPage.tsx';
import { errorMessage } from '../notify.ts';
import { useApi, useSessionChanged } from '../session.tsx';
import type { MeView as Me } from '../../../src/core/accounts/views.ts';

export function AcceptInvitation() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [params] = useSearchParams();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    meta: { inlineError: true },
    mutationFn: () =>
      api.post<Me>('/team/invitations/accept', {
        token: params.get('token') ?? '',
        name: name || undefined,
        password: password || undefined,
      }),
    onSuccess: (me) => {
      sessionChanged(me);
      void navigate('/', { state: { notice: 'auth.inviteDone' } });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate();
  };
  return (
    <PublicPage title={t('auth.inviteTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('auth.inviteHint')}
          </Text>
          <TextInput label={t('auth.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {accept.error && (
            <Alert color="red" role="alert">
              {errorMessage(accept.error, t)}
            </Alert>
          )}
          <Button type="submit" loading={accept.isPending}>
            {t('auth.inviteAccept')}
          </Button>
        </Stack>
      </form>
    </PublicPage>
  );
}
