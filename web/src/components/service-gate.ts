// Which screen actions an account's standing switches off (issue 13 §6, ACC-04/05): the pure part
// of ServiceGate.tsx, kept apart so it can be tested without a browser. The rules mirror the API's
// standing guard (src/server/standing-guard.ts, core/standing): blocked and suspended refuse every
// account write; otherwise a screen's actions need the restrictable services named below to be on,
// and email/SMS also need the sign-up review passed (ACC-02).
import type { Standing } from '../../../src/core/standing/machine.ts';
import type { RestrictableService } from '../../../src/core/standing/ports.ts';

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
