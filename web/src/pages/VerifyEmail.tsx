// /app/verify-email?token=… (the link in the verification mail) → POST /auth/verify-email.
import { useEffect, useRef } from 'react';
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PublicPage } from '../components/PublicPage.tsx';
import { errorMessage } from '../notify.ts';
import { ME_KEY, useApi } from '../session.tsx';

export function VerifyEmail() {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get('token');
  const started = useRef(false);
  const verify = useMutation({
    meta: { inlineError: true },
    mutationFn: (tk: string) => api.post<unknown>('/auth/verify-email', { token: tk }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ME_KEY }),
  });
  const { mutate } = verify;

  useEffect(() => {
    // Once only (StrictMode runs effects twice in development): the token is single-use.
    if (!token || started.current) return;
    started.current = true;
    mutate(token);
  }, [token, mutate]);

  return (
    <PublicPage title={t('auth.verifyTitle')}>
      <Stack>
        {!token && <Alert color="red">{t('auth.verifyMissing')}</Alert>}
        {verify.isPending && (
          <Text>
            <Loader size="xs" mr="xs" />
            {t('auth.verifying')}
          </Text>
        )}
        {verify.isSuccess && <Alert color="green">{t('auth.verified')}</Alert>}
        {verify.error && (
          <Alert color="red" role="alert">
            {errorMessage(verify.error, t)}
          </Alert>
        )}
        <Button component={Link} to="/" variant="default">
          {t('auth.continue')}
        </Button>
      </Stack>
    </PublicPage>
  );
}
