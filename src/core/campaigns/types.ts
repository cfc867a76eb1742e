// Campaigns (issue 8): the contract the campaign service, the send engine (core/delivery), the
// content review seam (core/content) and the HTTP/CLI/web surfaces share. The campaign area owns
// its store and service; other areas code against the shapes here.
import type { SecondOpinionResult } from '../content/second-opinion.ts';

/**
 * The life of a campaign. Only the content review moves a campaign out of `in-review`, so no
 * campaign reaches `approved` without a verdict; an edit of an approved (or scheduled) campaign
 * sends it back to `in-review` (CNT-05).
 */
export const CAMPAIGN_STATUSES = [
  'draft',
  'in-review',
  'approved',
  'rejected',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The allowed moves; anything else is 409 CAMPAIGN_STATE. */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  draft: ['in-review', 'cancelled'],
  'in-review': ['approved', 'rejected', 'draft', 'cancelled'],
  approved: ['scheduled', 'sending', 'in-review', 'cancelled'],
  rejected: ['in-review', 'draft'],
  scheduled: ['sending', 'in-review', 'approved', 'cancelled'],
  sending: ['paused', 'sent', 'cancelled'],
  paused: ['sending', 'cancelled'],
  sent: [],
  cancelled: [],
};

/** 'text' is an SMS campaign's plain text: no template, no HTML (issue 11 §6). */
export type CampaignFormat = 'mjml' | 'html' | 'text';

/** The format of an email campaign: an SMS campaign ('text') never reaches an email template. */
export function emailFormat(format: CampaignFormat): 'mjml' | 'html' {
  if (format === 'text') throw new Error('a text (SMS) campaign has no email template');
  return format;
}

/** Where a campaign goes: it takes the channel of its list (an SMS list gets an SMS campaign). */
export type CampaignChannel = 'email' | 'sms';

/** Why a campaign is paused: by its owner, or by the platform (a relay down, a sample under watch). */
export type PauseReason = 'owner' | 'relay-unavailable' | 'sample-pending' | 'quota' | 'standing';

/** What the content review decided for one version of the content (CNT-01..05). */
export interface ContentVerdict {
  decision: 'allow' | 'hold' | 'reject';
  /** sha256 hex of the reviewed content (subject, preheader, body, format): a verdict binds to it. */
  contentHash: string;
  policyRevision: string;
  /** The screen's findings, as JSON the reviewer queue shows (spans in the text the reviewer sees). */
  findings: unknown[];
  decidedAt: string;
  /** 'screen' for the automatic verdict, else the operator's user id (a held campaign reviewed by hand). */
  decidedBy: string;
  /**
   * The independent second opinion (SpamAssassin's spamd, when SPAMD_URL is set): its score, the
   * limit applied and the rules that hit, or why it could not be had. Absent: none configured.
   */
  secondOpinion?: SecondOpinionResult;
  /**
   * REP-04 / REP-06: the account's rates hold its new campaigns for a reviewer; a content the
   * screen allowed is held with this rule and reason (the reviewer queue shows them).
   */
  accountHold?: { rule: string; reason: string };
}

export interface Campaign {
  id: string;
  accountId: string;
  listId: string;
  segmentId: string | null;
  name: string;
  status: CampaignStatus;
  /**
   * The list's channel, fixed at creation. An SMS campaign has only a text body (format 'text') and
   * a sender ID. The store always sets it; absent (a fixture of another area) means email.
   */
  channel?: CampaignChannel;
  /** SMS only: the sender the recipient sees (E.164 number or an alphanumeric ID of at most 11 characters). */
  senderId?: string | null;
  subject: string;
  preheader: string;
  fromName: string;
  /** Full From address; its domain must be a verified sending domain of the account (DEL-05). */
  fromEmail: string;
  replyTo: string | null;
  format: CampaignFormat;
  /** The MJML or HTML source with Liquid personalisation. */
  body: string;
  clickTracking: boolean;
  /** Increments on every content edit; the compiled template and the verdict belong to one version. */
  version: number;
  verdict: ContentVerdict | null;
  /** ISO UTC instant, and the zone the customer chose it in (shown back to them). */
  scheduledAt: string | null;
  timeZone: string | null;
  pauseReason: PauseReason | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The seam between campaigns and content review: called on submit and on every edit. */
export interface ContentReview {
  review(
    campaign: Pick<Campaign, 'accountId' | 'subject' | 'preheader' | 'body' | 'format'> & {
      /** Absent: email (an SMS text is screened as text only, with the SMS channel's rules). */
      channel?: CampaignChannel;
      html: string;
      text: string;
      links: string[];
    },
  ): Promise<ContentVerdict>;
}
