// BL-03: what a new blocklist listing does (the blocklist service's onNewListing hook). An
// incident for the operators (one per listed target, occurrences counted), a mail to the
// operator address when one is configured, and per account concerned a pause of its email or,
// where the listing traces to sending without permission (its complaint rate at or over the hold
// threshold), a block at once — each through the standing service, which audits and tells the
// owners. Policy: policy/blocklists.ts BLOCKLIST_RESPONSE.
import { BLOCKLIST_RESPONSE } from '../../../policy/blocklists.ts';
import type { ListingAccounts, OnNewListing } from '../blocklists/ports.ts';
import { newId } from '../ids.ts';
import type { Clock, Logger } from '../ports.ts';
import { DEFAULT_REPUTATION_POLICY, type ReputationPolicy } from '../reputation/rates.ts';
import type { ReputationService } from '../reputation/service.ts';
import type { StandingService } from '../standing/standing-service.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import type { EnforcementStore } from './ports.ts';

export const LISTING_ACTOR = { type: 'system', id: 'blocklist-monitor' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ListingAction = { accountId: string; via: string; action: 'paused' | 'blocked' | 'unchanged'; complaintRate: number };

export function createListingResponse(deps: {
  store: EnforcementStore;
  accounts: ListingAccounts;
  reputation: Pick<ReputationService, 'view' | 'activeAccounts'>;
  standing: Pick<StandingService, 'getAccount' | 'transition'>;
  systemMail: SystemMailSender;
  operatorEmail?: string;
  clock: Clock;
  logger: Logger;
  policy?: ReputationPolicy;
  /** Called with what was done (tests, logs). */
  onDone?: (actions: ListingAction[]) => void;
}): OnNewListing {
  const policy = deps.policy ?? DEFAULT_REPUTATION_POLICY;

  /** The account's 7-day complaint rate, and whether it is past the hold threshold at volume. */
  async function complaintEvidence(accountId: string) {
    const view = await deps.reputation.view(accountId);
    const week = view.measures.find((m) => m.scope === 'account' && m.window === '7d');
    const rate = week?.complaintRate ?? 0;
    const unsolicited = !!week && week.sent >= policy.complaintRate.minDelivered && rate >= policy.complaintRate.hold;
    return { rate, sent: week?.sent ?? 0, unsolicited };
  }

  return async (listing) => {
    const now = deps.clock.now();
    const since = new Date(now.getTime() - BLOCKLIST_RESPONSE.linkDays * DAY_MS).toISOString();
    const owners = await deps.accounts.accountsFor(listing.target, listing.targetKind, since);
    // A shared platform IP belongs to nobody: only an account sending without permission is acted on.
    const candidates =
      listing.targetKind === 'ip'
        ? (await deps.reputation.activeAccounts(new Date(now.getTime() - 7 * DAY_MS))).map((accountId) => ({
            accountId,
            via: 'active-on-ip' as const,
          }))
        : owners;
    const what = `${listing.target} is listed on ${listing.zone} (${listing.answer})${listing.reason ? `: ${listing.reason}` : ''}`;
    const actions: ListingAction[] = [];
    for (const c of candidates) {
      try {
        const evidence = await complaintEvidence(c.accountId);
        if (listing.targetKind === 'ip' && !evidence.unsolicited) continue;
        const account = await deps.standing.getAccount(c.accountId);
        const details = {
          target: listing.target,
          targetKind: listing.targetKind,
          zone: listing.zone,
          answer: listing.answer,
          via: c.via,
          complaintRate: evidence.rate,
          sent: evidence.sent,
          holdThreshold: policy.complaintRate.hold,
        };
        if (evidence.unsolicited && account.standing !== 'blocked') {
          await deps.standing.transition({
            accountId: c.accountId,
            action: 'block',
            reason:
              `${what}. Your complaint rate over the last 7 days is ${(evidence.rate * 100).toFixed(2)}% of ${evidence.sent} messages, at or over the ${(policy.complaintRate.hold * 100).toFixed(2)}% that shows mail sent without permission: the account is blocked.`.slice(
                0,
                1000,
              ),
            rule: BLOCKLIST_RESPONSE.blockRule,
            actor: LISTING_ACTOR,
            details,
          });
          actions.push({ ...c, action: 'blocked', complaintRate: evidence.rate });
          continue;
        }
        const emailOff =
          account.standing === 'blocked' ||
          account.standing === 'suspended' ||
          (account.standing === 'restricted' && account.restrictedServices.includes('email'));
        if (emailOff) {
          actions.push({ ...c, action: 'unchanged', complaintRate: evidence.rate });
          continue;
        }
        const services = [
          ...new Set([...(account.standing === 'restricted' ? account.restrictedServices : []), 'email' as const]),
        ];
        await deps.standing.transition({
          accountId: c.accountId,
          action: 'restrict',
          services,
          reason:
            `${what} (${c.via === 'sending-domain' ? 'your sending domain' : 'a domain your campaigns link to'}). Email sending is paused until a platform operator reviews it with you.`.slice(
              0,
              1000,
            ),
          rule: BLOCKLIST_RESPONSE.pauseRule,
          actor: LISTING_ACTOR,
          details,
        });
        actions.push({ ...c, action: 'paused', complaintRate: evidence.rate });
      } catch (err) {
        deps.logger.error({ err, accountId: c.accountId, target: listing.target }, 'blocklist response for an account failed');
      }
    }
    const incident = await deps.store.openIncident({
      id: newId(deps.clock),
      kind: 'blocklist',
      subjectKind: listing.targetKind === 'ip' ? 'ip' : 'domain',
      subject: listing.target,
      accountId: owners.length === 1 ? owners[0]!.accountId : null,
      summary: `${what}.`.slice(0, 1000),
      details: {
        zone: listing.zone,
        answer: listing.answer,
        reason: listing.reason,
        meaning: listing.meaning,
        accounts: actions,
      },
      occurrences: 1,
      openedAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      closedAt: null,
      closedBy: null,
      closeNote: null,
    });
    if (deps.operatorEmail) {
      const acted = actions.filter((a) => a.action !== 'unchanged');
      try {
        await deps.systemMail.enqueue({
          to: deps.operatorEmail,
          template: 'notice',
          category: 'critical',
          data: {
            subject: `Blocklist: ${listing.target} listed on ${listing.zone}`,
            body: `${what}.\n\n${listing.meaning}\n\n${
              acted.length
                ? `Done: ${acted.map((a) => `${a.accountId} ${a.action} (${a.via})`).join('; ')}.`
                : 'No account was paused: the target belongs to none, or none shows sending without permission.'
            }\n\nIncident ${incident.id} is open in the operator console.`,
          },
        });
      } catch (err) {
        deps.logger.error({ err, target: listing.target }, 'blocklist operator notice could not be queued');
      }
    }
    deps.onDone?.(actions);
  };
}
