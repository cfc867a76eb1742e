import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { StandingBanner } from '../components/StandingBanner.tsx';
import { useApi, useMe } from '../session.tsx';

export function Dashboard() {
  const { t } = useTranslation();
  const me = useMe().data;
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const api = useApi();
  // POST /auth/verify-email/resend: another verification mail (rate-limited per user).
  const resend = useMutation({
    mutationFn: () => api.post<unknown>('/auth/verify-email/resend', {}),
  });
  if (!me) return null;
  const account = me.account;
  return (
    <Stack>
      <Title order={2}>{t('dashboard.welcome', { name: me.user.name || me.user.email })}</Title>
      {notice && <Alert color="blue">{t(notice)}</Alert>}
      {!me.user.emailVerified && (
        <Alert color="yellow" data-testid="email-unverified">
          <Group justify="space-between">
            <Text size="sm">{t('dashboard.emailUnverified')}</Text>
            <Button size="xs" variant="light" loading={resend.isPending} onClick={() => resend.mutate()}>
              {t('dashboard.resendVerification')}
            </Button>
          </Group>
          {resend.isSuccess && (
            <Text size="sm" mt="xs" role="status">
              {t('dashboard.verificationResent')}
            </Text>
          )}
        </Alert>
      )}
      {account ? (
        <>
          <Card withBorder>
            <Group justify="space-between">
              <div>
                <Text size="sm" c="dimmed">
                  {t('dashboard.account')}
                </Text>
                <Title order={3} data-testid="account-name">
                  {account.name}
                </Title>
              </div>
              <Group>
                <Badge variant="outline">
                  {t('dashboard.role')}: {t(`role.${account.role}`)}
                </Badge>
                {account.review !== 'none' && (
                  <Badge color={account.review === 'refused' ? 'red' : 'yellow'}>
                    {t(`review.${account.review}`, account.review)}
                  </Badge>
                )}
              </Group>
            </Group>
          </Card>
          {account.review === 'pending' && <Alert color="yellow">{t('dashboard.reviewPending')}</Alert>}
          <StandingBanner showOk />
        </>
      ) : (
        <Alert color="gray">
          {t('dashboard.noAccount')} {me.user.platformRole && t('dashboard.operatorHint')}
        </Alert>
      )}
    </Stack>
  );
}
