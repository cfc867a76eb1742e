// Password reset: request a link (always answered 202, so nobody learns which addresses have
// accounts); the mailed link /app/reset-password?token=… then sets the new password.
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PublicPage } from '../components/PublicPage.tsx';
import { errorMessage } from '../notify.ts';
import { useApi } from '../session.tsx';

/** /app/reset-password: the request form, or with ?token= (the mailed link) the new-password form. */
export function PasswordReset() {
  const [params] = useSearchParams();
  return params.get('token') ? <ResetConfirm /> : <ResetRequest />;
}

export function ResetRequest() {
  const { t } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api.post<unknown>('/auth/password-reset/request', { email }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  return (
    <PublicPage title={t('auth.resetTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          {request.isSuccess && <Alert color="green">{t('auth.resetSent')}</Alert>}
          <Button type="submit" loading={request.isPending}>
            {t('auth.resetRequest')}
          </Button>
          <Text size="sm">
            <Anchor component={Link} to="/login">
              {t('auth.loginLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicPage>
  );
}

export function ResetConfirm() {
  const { t } = useTranslation();
  const api = useApi();
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const confirm = useMutation({
    meta: { inlineError: true },
    mutationFn: () => api.post<unknown>('/auth/password-reset/confirm', { token: params.get('token') ?? '', password }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <PublicPage title={t('auth.resetConfirmTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {confirm.error && (
            <Alert color="red" role="alert">
              {errorMessage(confirm.error, t)}
            </Alert>
          )}
          {confirm.isSuccess ? (
            <Alert color="green">
              {t('auth.resetDone')}{' '}
              <Anchor component={Link} to="/login">
                {t('auth.loginLink')}
              </Anchor>
            </Alert>
          ) : (
            <Button type="submit" loading={confirm.isPending}>
              {t('auth.resetConfirm')}
            </Button>
          )}
        </Stack>
      </form>
    </PublicPage>
  );
}
