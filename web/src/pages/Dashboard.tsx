// What a customer looks at first (issue 13 §9): the account, its standing and sending quota,
// contacts by status, growth over the last 30 days, imports waiting for review, and — while the
// account is new — what to do next (Mailchimp's and Brevo's "get started" steps: a list first,
// then contacts through a form or an import). Each figure comes from the endpoint that owns it.
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { LineChart } from '../components/Chart.tsx';
import { formatTime } from '../components/format.ts';
import { StandingBanner } from '../components/StandingBanner.tsx';
import { useApi, useMe } from '../session.tsx';
import { contactsHref } from './contacts/Contacts.tsx';
import { CONTACT_STATUSES, type ContactListPage, type ContactStatus } from '../../../src/core/contacts/types.ts';
import type { List } from '../../../src/core/lists/types.ts';
import type { DashboardView } from '../../../src/core/consent/growth.ts';
import type { SendQuota } from '../../../src/core/delivery/engine.ts';
import type { ImportView } from '../../../src/server/routes/imports/shapes.ts';

// The cards' links are named "View all", not "All contacts": a link named after a navigation
// entry ("Contacts", "Imports") would make the navigation ambiguous to find by name.
const STATUS_COLOR: Record<ContactStatus, string> = {
  active: 'green',
  pending: 'blue',
  held: 'orange',
  withdrawn: 'gray',
  suppressed: 'red',
  none: 'gray',
};
const GAINED_COLOR = '#1f6f5c';
const LOST_COLOR = '#e03131';
/** Imports named on the card; the rest are counted. */
const SHOWN_IMPORTS = 3;

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
          <AccountFigures />
        </>
      ) : (
        <Alert color="gray">
          {t('dashboard.noAccount')} {me.user.platformRole && t('dashboard.operatorHint')}
        </Alert>
      )}
    </Stack>
  );
}

function AccountFigures() {
  const { t } = useTranslation();
  const api = useApi();
  const lists = useQuery({ queryKey: ['lists'], queryFn: async () => (await api.get<{ items: List[] }>('/lists')).items });
  const contacts = useQuery({
    queryKey: ['contacts', 'dashboard-totals'],
    queryFn: () => api.get<ContactListPage>('/contacts?limit=1'),
  });
  const total = contacts.data?.total;
  const noLists = lists.data !== undefined && lists.data.length === 0;
  const noContacts = total === 0;
  return (
    <>
      {noLists ? (
        <NextStep testId="next-step-list" title={t('dashboard.next.listTitle')} text={t('dashboard.next.listText')}>
          <Button component={Link} to="/lists">
            {t('dashboard.next.listAction')}
          </Button>
        </NextStep>
      ) : (
        noContacts && (
          <NextStep testId="next-step-contacts" title={t('dashboard.next.contactsTitle')} text={t('dashboard.next.contactsText')}>
            <Button component={Link} to="/forms/new">
              {t('dashboard.next.formAction')}
            </Button>
            <Button component={Link} to="/imports/new" variant="default">
              {t('dashboard.next.importAction')}
            </Button>
          </NextStep>
        )
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ContactsCard page={contacts.data} />
        <GrowthCard />
        <ImportsCard />
        <StandingCard />
      </SimpleGrid>
    </>
  );
}

function NextStep(props: { testId: string; title: string; text: string; children: React.ReactNode }) {
  return (
    <Card withBorder data-testid={props.testId} bg="var(--mantine-color-brand-0)">
      <Title order={3} size="h4">
        {props.title}
      </Title>
      <Text size="sm" mt={4}>
        {props.text}
      </Text>
      <Group mt="sm">{props.children}</Group>
    </Card>
  );
}

function ContactsCard(props: { page: ContactListPage | undefined }) {
  const { t, i18n } = useTranslation();
  const page = props.page;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Card withBorder data-testid="dashboard-contacts">
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h4">
          {t('dashboard.contacts.title')}
        </Title>
        <Anchor component={Link} to="/contacts" size="sm">
          {t('dashboard.contacts.open')}
        </Anchor>
      </Group>
      {page && (
        <>
          <Text fz={32} fw={700} data-testid="contacts-total">
            {number(page.total)}
          </Text>
          {page.total === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.contacts.empty')}
            </Text>
          ) : (
            <Stack gap={6} mt="xs">
              {CONTACT_STATUSES.filter((s) => s !== 'none' || page.totals.none > 0).map((s) => (
                // Each row opens the contacts page filtered to that status (the address keeps it).
                <Anchor
                  key={s}
                  component={Link}
                  to={contactsHref({ status: s })}
                  underline="hover"
                  c="inherit"
                  data-testid={`contacts-${s}`}
                  title={t('dashboard.contacts.showStatus', { status: t(`dashboard.status.${s}`), n: number(page.totals[s]) })}
                >
                  <Group justify="space-between">
                    <Badge color={STATUS_COLOR[s]} variant="light" size="sm" style={{ cursor: 'pointer' }}>
                      {t(`dashboard.status.${s}`)}
                    </Badge>
                    <Text size="sm" fw={600}>
                      {number(page.totals[s])}
                    </Text>
                  </Group>
                </Anchor>
              ))}
            </Stack>
          )}
        </>
      )}
    </Card>
  );
}

function GrowthCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const dashboard = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<DashboardView>('/account/dashboard') });
  const g = dashboard.data?.growth;
  return (
    <Card withBorder data-testid="dashboard-growth">
      <Title order={3} size="h4">
        {t('dashboard.growth.title')}
      </Title>
      {g && (
        <>
          <Text size="sm" c="dimmed" data-testid="growth-summary">
            {t('dashboard.growth.summary', { gained: g.totalGained, lost: g.totalLost })}
          </Text>
          {g.totalGained + g.totalLost === 0 ? (
            <Text size="sm" mt="sm">
              {t('dashboard.growth.empty')}
            </Text>
          ) : (
            <LineChart
              title={t('dashboard.growth.title')}
              testId="growth-chart"
              days
              language={i18n.language}
              times={g.days.map((d) => `${d}T00:00:00.000Z`)}
              series={[
                { label: t('dashboard.growth.gained'), color: GAINED_COLOR, values: g.gained },
                { label: t('dashboard.growth.lost'), color: LOST_COLOR, values: g.lost },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}

function ImportsCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const imports = useQuery({
    queryKey: ['imports'],
    queryFn: async () => (await api.get<{ items: ImportView[] }>('/imports')).items,
  });
  const held = (imports.data ?? []).filter((i) => i.status === 'held');
  return (
    <Card withBorder data-testid="dashboard-imports">
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h4">
          {t('dashboard.imports.title')}
        </Title>
        <Anchor component={Link} to="/imports" size="sm">
          {t('dashboard.imports.open')}
        </Anchor>
      </Group>
      {imports.data &&
        (held.length === 0 ? (
          <Text size="sm" c="dimmed" mt="xs" data-testid="imports-none-held">
            {t('dashboard.imports.none')}
          </Text>
        ) : (
          <Stack gap={6} mt="xs">
            <Text size="sm" data-testid="imports-held-count">
              {t('dashboard.imports.held', { count: held.length })}
            </Text>
            {held.slice(0, SHOWN_IMPORTS).map((i) => (
              <Anchor key={i.id} component={Link} to={`/imports/${i.id}`} size="sm">
                {i.fileName ?? t('dashboard.imports.api')} · {formatTime(i.createdAt, i18n.language)}
              </Anchor>
            ))}
          </Stack>
        ))}
    </Card>
  );
}

function StandingCard() {
  const { t } = useTranslation();
  const api = useApi();
  const quota = useQuery({ queryKey: ['sending-quota'], queryFn: () => api.get<SendQuota>('/sending/quota') });
  const q = quota.data;
  return (
    <Card withBorder data-testid="dashboard-standing">
      <Title order={3} size="h4" mb="xs">
        {t('dashboard.standing.title')}
      </Title>
      <StandingBanner showOk />
      {q && (
        <Stack gap={4} mt="sm" data-testid="dashboard-quota">
          <Text size="sm" fw={600}>
            {t('dashboard.standing.quotaTitle')}
          </Text>
          <Text size="sm">
            {q.quota === null
              ? t('dashboard.standing.noQuota')
              : t('dashboard.standing.quota', { used: q.used, quota: q.quota, left: Math.max(0, q.quota - q.used) })}
          </Text>
          {q.waiting > 0 && <Text size="sm">{t('dashboard.standing.waiting', { count: q.waiting })}</Text>}
        </Stack>
      )}
    </Card>
  );
}
