// What follows a review decision (CNT-02): the owner is told by system mail (approved or rejected,
// with the reason and, for a reject, each finding's category and matched text), and a reject counts
// toward account standing — the policy's `rejectsToRestrict` rejects within `windowDays` restrict
// the account's email sending through the standing service (audited there, naming the rule).
import { CONTENT_STANDING } from '../../../policy/content/standing.ts';
import type { Logger } from '../ports.ts';
import type { StandingService } from '../standing/standing-service.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import type { CampaignStore } from './ports.ts';
import type { Campaign } from './types.ts';

/** The audit actions of a rejected campaign (by the screen, by a reviewer). */
export const REJECT_ACTIONS = ['campaign.rejected', 'campaign.review-rejected'] as const;

/** Most findings a review-outcome mail lists; most matched texts per finding. */
const MAIL_FINDINGS = 20;
const MAIL_EXCERPTS = 3;

export interface ShownFinding {
  category: string;
  rule: string;
  score: number;
  /** The distinct matched texts, as the reader saw them. */
  excerpts: string[];
}

/** The findings of a verdict in the shape people read (category, rule, matched texts); tolerant of older JSON. */
export function shownFindings(findings: readonly unknown[]): ShownFinding[] {
  const out: ShownFinding[] = [];
  for (const f of findings) {
    if (!f || typeof f !== 'object') continue;
    const o = f as { category?: unknown; rule?: unknown; score?: unknown; spans?: unknown };
    if (typeof o.category !== 'string') continue;
    const spans = Array.isArray(o.spans) ? o.spans : [];
    const excerpts = [
      ...new Set(
        spans
          .map((s) => (s && typeof s === 'object' ? (s as { excerpt?: unknown }).excerpt : undefined))
          .filter((e): e is string => typeof e === 'string' && e.trim() !== '')
          .map((e) => e.trim()),
      ),
    ];
    out.push({
      category: o.category,
      rule: typeof o.rule === 'string' ? o.rule : '',
      score: typeof o.score === 'number' ? o.score : 0,
      excerpts,
    });
  }
  return out;
}

export interface ReviewOutcomeDeps {
  store: Pick<CampaignStore, 'accountFacts' | 'rejectionsSince'>;
  systemMail: SystemMailSender;
  ownerEmails: (accountId: string) => Promise<{ email: string; language: string }[]>;
  standing?: Pick<StandingService, 'getStanding' | 'transition'>;
  now: () => Date;
  logger: Logger;
  publicUrl?: string;
}

export function createReviewOutcome(deps: ReviewOutcomeDeps) {
  async function tellOwner(c: Campaign, decision: 'approve' | 'reject', reason: string) {
    try {
      const facts = await deps.store.accountFacts(c.accountId);
      const findings = decision === 'reject' ? shownFindings(c.verdict?.findings ?? []).slice(0, MAIL_FINDINGS) : [];
      for (const owner of await deps.ownerEmails(c.accountId)) {
        await deps.systemMail.enqueue({
          to: owner.email,
          template: 'campaign-review-outcome',
          language: owner.language,
          accountId: c.accountId,
          data: {
            accountName: facts?.name ?? '',
            campaignName: c.name.slice(0, 300),
            decision,
            reason: reason.slice(0, 1000),
            findings: findings.map((f) => ({
              category: f.category.slice(0, 100),
              excerpts: f.excerpts.slice(0, MAIL_EXCERPTS).map((e) => e.slice(0, 200)),
            })),
            ...(deps.publicUrl ? { campaignUrl: `${deps.publicUrl.replace(/\/$/, '')}/app/campaigns/${c.id}` } : {}),
          },
        });
      }
    } catch (err) {
      // The decision is committed; a mail that cannot be queued must not undo it.
      deps.logger.error({ err, campaignId: c.id }, 'campaign review-outcome mail could not be queued');
    }
  }

  /** CNT-02: the policy's count of rejects in its window restricts email sending (once; never lifts). */
  async function feedStanding(c: Campaign) {
    if (!deps.standing) return;
    const { rejectsToRestrict, windowDays, rule } = CONTENT_STANDING;
    try {
      const since = new Date(deps.now().getTime() - windowDays * 86_400_000).toISOString();
      const rejects = await deps.store.rejectionsSince(c.accountId, since);
      if (rejects < rejectsToRestrict) return;
      const view = await deps.standing.getStanding(c.accountId);
      // Already past restriction (suspended, blocked) or email already off: nothing to add.
      if (view.standing === 'suspended' || view.standing === 'blocked') return;
      if (view.standing === 'restricted' && view.restrictedServices.includes('email')) return;
      const services = [...new Set([...(view.standing === 'restricted' ? view.restrictedServices : []), 'email' as const])];
      await deps.standing.transition({
        accountId: c.accountId,
        action: 'restrict',
        services,
        rule,
        reason: `Content review: ${rejects} campaigns rejected for prohibited or not-accepted content within ${windowDays} days (rule ${rule}: ${rejectsToRestrict} rejects restrict email sending). Latest: "${c.name.slice(0, 200)}".`,
        actor: { type: 'system', id: 'content-review' },
      });
    } catch (err) {
      deps.logger.error({ err, campaignId: c.id, accountId: c.accountId }, 'content rejects could not feed the standing');
    }
  }

  return {
    /** After a reject by the screen (note null) or a reviewer: tell the owner, then count it toward standing. */
    async rejected(c: Campaign, note: string | null) {
      await tellOwner(c, 'reject', note ?? '');
      await feedStanding(c);
    },
    async approved(c: Campaign, note: string) {
      await tellOwner(c, 'approve', note);
    },
  };
}
