// The reviewers' queue and the owner's view of a review (CNT-02): a held campaign with the message
// as the screen saw it (the findings' spans index into that compiled HTML and text), the account's
// declared industry, its recent campaigns and rejects in the standing window; and, for the owner,
// the decision with each finding's category, matched text and the reviewer's note (the audit log).
import { CONTENT_STANDING } from '../../../policy/content/standing.ts';
import type { CampaignStore } from './ports.ts';
import { shownFindings, type ShownFinding } from './review-outcome.ts';
import type { CampaignRenderer } from './service.ts';
import type { Campaign, CampaignStatus, ContentVerdict } from './types.ts';

export interface HeldReview {
  campaign: Campaign;
  findings: unknown[];
  policyRevision: string;
  /** The message as it was screened (compiled HTML and text): the findings' spans point into these. */
  html: string;
  text: string;
  /** The account's declared industry (ACC-02), null when unknown. */
  industry: string | null;
  /** The account's recent campaigns with their verdicts and decisions, newest first (this one excluded). */
  history: {
    id: string;
    name: string;
    status: CampaignStatus;
    decision: ContentVerdict['decision'] | null;
    decidedBy: string | null;
    updatedAt: string;
  }[];
  /** Rejects of the account within the content-standing window (policy/content/standing.ts). */
  recentRejects: number;
}

/** Why a campaign stands where it does, as its owner reads it (CNT-02): never a bare code. */
export interface CampaignReviewView {
  decision: ContentVerdict['decision'] | null;
  /** 'screen' or 'reviewer' (an operator's id is not shown to customers). */
  decidedBy: 'screen' | 'reviewer' | null;
  decidedAt: string | null;
  /** The reviewer's reason when a reviewer decided this content; null for the screen's own verdict. */
  note: string | null;
  findings: ShownFinding[];
}

/** Recent campaigns shown with each held one. */
export const REVIEW_HISTORY = 10;

export async function heldReview(
  c: Campaign,
  deps: {
    store: Pick<CampaignStore, 'list' | 'rejectionsSince'>;
    renderer: Pick<CampaignRenderer, 'compile'>;
    declaredIndustry?: (accountId: string) => Promise<string | null>;
    now: Date;
  },
): Promise<HeldReview> {
  const since = new Date(deps.now.getTime() - CONTENT_STANDING.windowDays * 86_400_000).toISOString();
  // The same compile the screen saw (compile is deterministic): the spans index into it.
  const compiled = await deps.renderer.compile(c).catch(() => ({ html: '', text: '' }));
  const recent = await deps.store.list(c.accountId, REVIEW_HISTORY + 1);
  return {
    campaign: c,
    findings: c.verdict?.findings ?? [],
    policyRevision: c.verdict?.policyRevision ?? '',
    html: compiled.html,
    text: compiled.text,
    industry: deps.declaredIndustry ? await deps.declaredIndustry(c.accountId) : null,
    history: recent
      .filter((h) => h.id !== c.id)
      .slice(0, REVIEW_HISTORY)
      .map((h) => ({
        id: h.id,
        name: h.name,
        status: h.status,
        decision: h.verdict?.decision ?? null,
        decidedBy: h.verdict?.decidedBy ?? null,
        updatedAt: h.updatedAt,
      })),
    recentRejects: await deps.store.rejectionsSince(c.accountId, since),
  };
}

export async function reviewView(c: Campaign, store: Pick<CampaignStore, 'reviewDecision'>): Promise<CampaignReviewView> {
  const v = c.verdict;
  if (!v) return { decision: null, decidedBy: null, decidedAt: null, note: null, findings: [] };
  const byReviewer = v.decidedBy !== 'screen';
  // The note belongs to this verdict only when the reviewer's decision is the verdict's own.
  const decided = byReviewer ? await store.reviewDecision(c.accountId, c.id) : null;
  const note = decided && decided.operatorId === v.decidedBy && decided.at >= v.decidedAt ? decided.reason : null;
  return {
    decision: v.decision,
    decidedBy: byReviewer ? 'reviewer' : 'screen',
    decidedAt: v.decidedAt,
    note,
    findings: shownFindings(v.findings),
  };
}
