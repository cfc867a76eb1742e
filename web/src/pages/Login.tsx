import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyProfileLanguage } from '../components/LanguageSwitcher.tsx';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { PublicPage } from '../components/PublicPage.tsx';
import { errorMessage } from '../notify.ts';
import { useApi, useSessionChanged } from '../session.tsx';
import type { MeView as Me } from '../../../src/core/accounts/views.ts';

export function Login() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const sessionChanged = useSessionChanged();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    meta: { inlineError: true },
    mutationFn: () => api.post<Me>('/auth/login', { email, password }),
    onSuccess: (me) => {
      sessionChanged(me);
      applyProfileLanguage(me.user, i18n, api);
      const from = (location.state as { from?: string } | null)?.from;
      void navigate(from ?? (!me.account && me.user.platformRole ? '/operator' : '/'), { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <PublicPage title={t('auth.loginTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {login.error && (
            <Alert color="red" role="alert">
              {errorMessage(login.error, t)}
            </Alert>
          )}
          <Button type="submit" loading={login.isPending}>
            {t('auth.login')}
          </Button>
          <Text size="sm">
            <Anchor component={Link} to="/reset-password">
              {t('auth.forgot')}
            </Anchor>
          </Text>
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/signup">
              {t('auth.signupLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicPage>
  );
}
