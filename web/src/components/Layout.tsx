// The signed-in frame: header (logo, account switcher, language, log out) and navigation. Below
// the `sm` breakpoint (48em, a phone at 390 px) the navigation collapses behind a burger and the
// account, address and log-out move from the header into the bottom of the navigation.
import { AppShell, Box, Burger, Button, Divider, Group, NavLink, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useApi, useSessionChanged } from '../session.tsx';
import type { MeView as Me } from '../../../src/core/accounts/views.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { StandingBanner } from './StandingBanner.tsx';
import { LOGO_URL } from '../theme.ts';

/** Mantine's `sm` breakpoint, where the navigation collapses. */
const MOBILE_QUERY = '(max-width: 48em)';

export function Layout(props: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const mobile = useMediaQuery(MOBILE_QUERY) ?? false;
  const api = useApi();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const { pathname } = useLocation();
  const { me } = props;

  const logout = useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSuccess: () => {
      sessionChanged(null);
      void navigate('/login');
    },
  });
  const switchAccount = useMutation({
    mutationFn: (accountId: string) => api.post<Me>('/me/account', { accountId }),
    onSuccess: (next) => sessionChanged(next),
  });

  const link = (to: string, label: string) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      onClick={close}
      active={to === '/' || to === '/operator' ? pathname === to : pathname.startsWith(to)}
    />
  );
  const accountSwitch = me.accounts.length > 1 && me.account && (
    <Select
      size="xs"
      aria-label={t('nav.switchAccount')}
      value={me.account.id}
      data={me.accounts.map((a) => ({ value: a.id, label: a.name }))}
      onChange={(id) => id && switchAccount.mutate(id)}
      allowDeselect={false}
    />
  );
  const logoutButton = (
    <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
      {t('nav.logout')}
    </Button>
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Link to="/" style={{ display: 'flex' }}>
              <img src={LOGO_URL} alt={t('app.name')} width={105} height={28} />
            </Link>
            {me.account && (
              <Text c="dimmed" size="sm" truncate visibleFrom="md">
                {me.account.name}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!mobile && accountSwitch}
            <LanguageSwitcher />
            <Text size="sm" visibleFrom="md">
              {me.user.email}
            </Text>
            {!mobile && logoutButton}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="main">
        <AppShell.Section grow component={ScrollArea}>
          {link('/', t('nav.dashboard'))}
          {me.account && [
            link('/lists', t('nav.lists')),
            link('/contacts', t('nav.contacts')),
            link('/forms', t('nav.forms')),
            link('/imports', t('nav.imports')),
            link('/campaigns', t('nav.campaigns')),
            link('/sending-domains', t('nav.sendingDomains')),
            link('/reputation', t('nav.reputation')),
            link('/settings', t('nav.settings')),
            link('/team', t('nav.team')),
            link('/api-keys', t('nav.apiKeys')),
          ]}
          {me.user.platformRole && (
            <NavLink label={t('nav.operator')} defaultOpened childrenOffset={12}>
              {link('/operator', t('operator.dashboardNav'))}
              {link('/operator/accounts', t('nav.accounts'))}
              {link('/operator/audit', t('nav.audit'))}
              {link('/operator/outbox', t('nav.outbox'))}
              {link('/operator/cookie-consents', t('nav.cookieConsents'))}
              {link('/operator/imports', t('nav.importReview'))}
              {link('/operator/campaign-reviews', t('nav.campaignReviews'))}
              {link('/operator/content-policy', t('nav.contentPolicy'))}
              {link('/operator/complaints', t('nav.complaints'))}
              {link('/operator/incidents', t('nav.incidents'))}
              {link('/operator/blocklists', t('nav.blocklists'))}
            </NavLink>
          )}
        </AppShell.Section>
        {mobile && (
          <AppShell.Section>
            <Divider my="xs" />
            <Stack gap="xs" px="xs" pb="xs">
              {me.account && (
                <Text size="sm" fw={600} truncate>
                  {me.account.name}
                </Text>
              )}
              {accountSwitch}
              <Text size="sm" c="dimmed" truncate>
                {me.user.email}
              </Text>
              {logoutButton}
            </Stack>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* ACC-04/05: a standing that switches services off is shown on every page. */}
        {me.account && pathname !== '/' && (
          <Box mb="md">
            <StandingBanner />
          </Box>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
