// The account standing state machine (ACC-04): which action may move an account from which
// standing, and where it lands. Pure: no storage, no time.
import { AppError } from '../errors.ts';
import { RESTRICTABLE_SERVICES, type RestrictableService } from './ports.ts';

export const STANDINGS = ['active', 'warned', 'restricted', 'suspended', 'blocked'] as const;
export type Standing = (typeof STANDINGS)[number];

export const STANDING_ACTIONS = ['warn', 'restrict', 'suspend', 'block', 'reinstate'] as const;
export type StandingAction = (typeof STANDING_ACTIONS)[number];

/**
 * From which standings each action is allowed. The ladder only goes up (active → warned →
 * restricted → suspended → blocked); the way down is `reinstate`, straight back to active.
 * - restrict from restricted replaces the set of services that are off;
 * - block works from any standing but blocked: "we will block your account immediately" (ACC-05);
 * - warn only from active: a restricted or suspended account is already past a warning.
 */
export const ALLOWED_FROM: Record<StandingAction, readonly Standing[]> = {
  warn: ['active'],
  restrict: ['active', 'warned', 'restricted'],
  suspend: ['active', 'warned', 'restricted'],
  block: ['active', 'warned', 'restricted', 'suspended'],
  reinstate: ['warned', 'restricted', 'suspended', 'blocked'],
};

export const TARGET: Record<StandingAction, Standing> = {
  warn: 'warned',
  restrict: 'restricted',
  suspend: 'suspended',
  block: 'blocked',
  reinstate: 'active',
};

export interface NextStanding {
  standing: Standing;
  /** The services that are off in the new standing (all of them once suspended or blocked). */
  restrictedServices: RestrictableService[];
}

/** Where `action` takes an account now in `from`; throws INVALID_TRANSITION (409) when not allowed. */
export function nextStanding(from: Standing, action: StandingAction, services?: readonly RestrictableService[]): NextStanding {
  if (!ALLOWED_FROM[action].includes(from)) {
    throw new AppError('INVALID_TRANSITION', `An account that is ${from} cannot be moved by "${action}".`, {
      from,
      action,
      allowedFrom: ALLOWED_FROM[action],
    });
  }
  if (action === 'restrict') {
    const set = uniqueServices(services ?? []);
    if (set.length === 0) {
      throw new AppError('SERVICES_REQUIRED', `Name the services to switch off: ${RESTRICTABLE_SERVICES.join(', ')}.`);
    }
    return { standing: 'restricted', restrictedServices: set };
  }
  if (services && services.length > 0) {
    throw new AppError('SERVICES_ONLY_FOR_RESTRICT', 'Services are named only when restricting an account.');
  }
  const to = TARGET[action];
  return { standing: to, restrictedServices: servicesOff(to, []) };
}

/** The services an account in this standing may not use. */
export function servicesOff(standing: Standing, restricted: readonly RestrictableService[]): RestrictableService[] {
  if (standing === 'suspended' || standing === 'blocked') return [...RESTRICTABLE_SERVICES];
  if (standing === 'restricted') return uniqueServices(restricted);
  return [];
}

function uniqueServices(services: readonly RestrictableService[]): RestrictableService[] {
  return RESTRICTABLE_SERVICES.filter((s) => services.includes(s));
}
