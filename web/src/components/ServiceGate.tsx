// ACC-04 / ACC-05 on the screens (issue 13 §6): a restricted, suspended, blocked or still-reviewed
// account sees, on each screen whose actions it has lost, why and what it can do — and those
// actions are disabled there instead of being refused after the last click.
//
//   const gate = useService('campaigns');
//   <ServiceNotice service="campaigns" />
//   <Button disabled={!gate.allowed} title={gate.hint}>…</Button>
//
// The rules mirror the API's standing guard (src/server/standing-guard.ts, core/standing): blocked
// and suspended refuse every account write; otherwise a screen's actions need the restrictable
// services named below to be on, and email/SMS also need the sign-up review passed (ACC-02).
// Reads, withdrawing consent and revoking an API key stay open, so pages leave those enabled.
import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StandingView } from '../../../src/core/standing/types.ts';
import { useApi, useMe } from '../session.tsx';
import { serviceState, type AppService, type ServiceState } from './service-gate.ts';

export { SCREEN_NEEDS, serviceState, type AppService, type GateReason, type ServiceState } from './service-gate.ts';

/** The navigation label that names each screen in the notice. */
const SCREEN_LABEL: Record<AppService, string> = {
  account: 'nav.settings',
  campaigns: 'nav.campaigns',
  sending: 'nav.campaigns',
  sendingDomains: 'nav.sendingDomains',
  contacts: 'nav.contacts',
  lists: 'nav.lists',
  forms: 'nav.forms',
  imports: 'nav.imports',
  team: 'nav.team',
  apiKeys: 'nav.apiKeys',
  settings: 'nav.settings',
};

/** The standing as the API reports it now, with the operator's reason (shared with StandingBanner). */
export function useStanding() {
  const api = useApi();
  return useQuery({ queryKey: ['standing'], queryFn: () => api.get<StandingView>('/account/standing') });
}

export function useService(service: AppService): ServiceState & { hint: string | undefined } {
  const { t } = useTranslation();
  const me = useMe().data;
  const standing = useStanding().data;
  // /account/standing is read fresh on every screen; /me (cached) adds the sign-up review.
  const account = me?.account
    ? { ...me.account, ...(standing ? { standing: standing.standing, restrictedServices: standing.restrictedServices } : {}) }
    : null;
  const state = serviceState(account, service);
  return { ...state, hint: state.allowed ? undefined : t('serviceGate.disabled') };
}

/** Why this screen's actions are off and what the customer can do; nothing when they are on. */
export function ServiceNotice(props: { service: AppService }) {
  const { t } = useTranslation();
  const gate = useService(props.service);
  const reason = useStanding().data?.reason;
  if (gate.allowed || !gate.reason) return null;
  const services = gate.servicesOff.map((s) => t(`service.${s}`)).join(', ');
  return (
    <Alert
      color={gate.reason === 'under-review' ? 'yellow' : 'red'}
      variant="light"
      title={t('serviceGate.title', { area: t(SCREEN_LABEL[props.service]) })}
      data-testid="service-notice"
      data-reason={gate.reason}
    >
      <Text size="sm">{t(`serviceGate.why.${gate.reason}`, { services })}</Text>
      {reason && gate.reason !== 'under-review' && (
        <Text size="sm" mt="xs">
          <b>{t('standing.reason')}:</b> <span data-testid="service-notice-reason">{reason}</span>
        </Text>
      )}
      <Text size="sm" mt="xs">
        {t(`serviceGate.do.${gate.reason}`)}
      </Text>
    </Alert>
  );
}
