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
import type { Standing } from '../../../src/core/standing/machine.ts';
import type { RestrictableService } from '../../../src/core/standing/ports.ts';
import type { StandingView } from '../../../src/core/standing/types.ts';
import { useApi, useMe } from '../session.tsx';

/** The screens whose actions depend on the account's standing. */
/** `account`: any write of the account (blocked and suspended refuse them all). */
export type AppService =
  | 'account'
  | 'campaigns'
  | 'sending'
  | 'sendingDomains'
  | 'contacts'
  | 'lists'
  | 'forms'
  | 'imports'
  | 'team'
  | 'apiKeys'
  | 'settings';

interface Needs {
  services: readonly RestrictableService[];
  /** Refused while the sign-up review is pending or refused (the API's ACCOUNT_UNDER_REVIEW). */
  review: boolean;
}

/**
 * What each screen's actions need. Campaigns are email, so an operator switching `email` off also
 * stops drafting new ones (Mailchimp and Brevo do the same while sending is suspended: reports stay
 * readable, nothing new is started); a pending review still lets a customer draft, only sending and
 * verifying a From domain wait for it, as the API decides. A new API key is of no use while `api`
 * is off, so its creation waits too; revoking stays open.
 */
export const SCREEN_NEEDS: Record<AppService, Needs> = {
  account: { services: [], review: false },
  campaigns: { services: ['email'], review: false },
  sending: { services: ['email'], review: true },
  sendingDomains: { services: ['email'], review: true },
  imports: { services: ['import'], review: false },
  apiKeys: { services: ['api'], review: false },
  contacts: { services: [], review: false },
  lists: { services: [], review: false },
  forms: { services: [], review: false },
  team: { services: [], review: false },
  settings: { services: [], review: false },
};

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

export type GateReason = 'blocked' | 'suspended' | 'restricted' | 'under-review';

export interface ServiceState {
  allowed: boolean;
  reason: GateReason | null;
  /** The services this screen needs that are off (restricted only). */
  servicesOff: RestrictableService[];
}

export interface AccountStanding {
  standing: Standing;
  restrictedServices: readonly string[];
  review?: string;
}

/** Pure: may this screen act for an account in this standing? */
export function serviceState(account: AccountStanding | null | undefined, service: AppService): ServiceState {
  if (!account) return { allowed: true, reason: null, servicesOff: [] };
  const needs = SCREEN_NEEDS[service];
  if (account.standing === 'blocked' || account.standing === 'suspended') {
    return { allowed: false, reason: account.standing, servicesOff: [...needs.services] };
  }
  if (account.standing === 'restricted') {
    const off = needs.services.filter((s) => account.restrictedServices.includes(s));
    if (off.length > 0) return { allowed: false, reason: 'restricted', servicesOff: off };
  }
  if (needs.review && (account.review === 'pending' || account.review === 'refused')) {
    return { allowed: false, reason: 'under-review', servicesOff: [] };
  }
  return { allowed: true, reason: null, servicesOff: [] };
}

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
