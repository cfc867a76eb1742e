// The campaign state machine: only the moves of CAMPAIGN_TRANSITIONS (types.ts), anything else
// is 409 CAMPAIGN_STATE. The service moves campaigns only through these functions, and the only
// way into 'approved' is a verdict (review.ts / the operator decision): see service.ts.
import { conflict } from '../errors.ts';
import { CAMPAIGN_STATUSES, CAMPAIGN_TRANSITIONS, type CampaignStatus } from './types.ts';

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}

/** Throws 409 CAMPAIGN_STATE unless `from → to` is an allowed move. */
export function transition(from: CampaignStatus, to: CampaignStatus): CampaignStatus {
  if (!canTransition(from, to)) throw conflict('CAMPAIGN_STATE', `A campaign that is ${from} cannot become ${to}.`, { from, to });
  return to;
}

/** The statuses from which `to` may be reached (for compare-and-set updates). */
export function statusesLeadingTo(to: CampaignStatus): CampaignStatus[] {
  return CAMPAIGN_STATUSES.filter((from) => canTransition(from, to));
}

/** Content may change only before sending starts (an approved or scheduled campaign goes back to review). */
export const EDITABLE_STATUSES: readonly CampaignStatus[] = ['draft', 'in-review', 'approved', 'rejected', 'scheduled'];
/** The statuses in which the gate lets a campaign's messages go (with a matching verdict). */
export const SENDABLE_STATUSES: readonly CampaignStatus[] = ['approved', 'scheduled', 'sending'];
