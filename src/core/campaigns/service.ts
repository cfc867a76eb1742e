// The campaign service: create and edit under the rules (list and segment of the account, a
// verified From domain, a template that compiles), the review (no campaign reaches 'approved'
// without a verdict: only submit's screen and an operator's decision on a held campaign write
// 'approved', each with the verdict), sending now or on a schedule, pause/resume/cancel, the gate
// preconditions of a campaign send (DEL-01), preview, test send and the report (ACC-07).
import type { AuditLog } from '../audit/types.ts';
import { conflict, forbidden, invalid, notFound, tooLarge, unavailable, unprocessable } from '../errors.ts';
import type { GateService } from '../gate/service.ts';
import type { SendRefusal } from '../gate/types.ts';
import { newId } from '../ids.ts';
import type { ListService } from '../lists/service.ts';
import type { Clock, Logger } from '../ports.ts';
import { SEGMENT_PAGE_MAX, type SegmentService } from '../segments/service.ts';
import type { SendingDomainGate } from '../sending-domains/types.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import type { CampaignPatch, CampaignStore, ClickCounter } from './ports.ts';
import { contentHash } from './review.ts';
import {
  CampaignInputSchema,
  EMAIL_ONLY_FIELDS,
  MAX_CAMPAIGN_BODY_BYTES,
  SmsCampaignInputSchema,
  type CampaignCreateInput,
  type CampaignUpdate,
  type SendOptions,
} from './schemas.ts';
import { checkSmsLength } from '../sms/segments.ts';
import { checkSenderId } from './sender-id.ts';
import { EDITABLE_STATUSES, SENDABLE_STATUSES, canTransition, statusesLeadingTo, transition } from './state.ts';
import type { Campaign, CampaignChannel, CampaignStatus, ContentReview, ContentVerdict, PauseReason } from './types.ts';
import { equalPublicDigest } from '../tokens/constant-time.ts';
import { SEND_REFUSALS } from '../gate/types.ts';
import { buildReport, type CampaignReport, type ReportSources } from './report.ts';
import { createReviewOutcome } from './review-outcome.ts';
import { heldReview, reviewView, type CampaignReviewView, type HeldReview } from './review-queue.ts';
import type { StandingService } from '../standing/standing-service.ts';

export const CAMPAIGN_SCHEDULE_JOB = 'campaign.start-scheduled';
export const CAMPAIGN_SCHEDULE_CRON = '* * * * *';
/** Most campaigns one list call returns; most due campaigns one scheduler run starts. */
export const MAX_CAMPAIGN_PAGE = 200;
export const SCHEDULE_BATCH = 100;

/** What the template area gives the campaign area (src/core/templates): compile errors carry positions. */
export interface CampaignRenderer {
  /** Compiles the content once (throws AppError with the position of a template error). */
  compile(
    c: Pick<Campaign, 'format' | 'body' | 'subject' | 'preheader'>,
  ): Promise<{ html: string; text: string; links: string[] }>;
  /** Renders the campaign as one contact would receive it. */
  render(
    c: Campaign,
    contact: { email: string | null; attributes: Record<string, unknown> },
  ): Promise<{ subject: string; html: string; text: string }>;
}

/** The send engine as the campaign service uses it (src/core/delivery/engine.ts). */
export interface CampaignEngine {
  start(accountId: string, campaignId: string): Promise<{ queued: number; held: number }>;
  /** Sends the campaign's jobs out again after its owner resumed it (a pause ends the running ones). */
  kick(campaignId: string): Promise<void>;
  progress(accountId: string, campaignId: string): Promise<ReportSources['progress']>;
}

/** Sends one test message of a campaign to one address (the composer and relays). */
export interface TestSender {
  send(campaign: Campaign, to: string): Promise<void>;
}

export interface CampaignDryRun {
  total: number;
  allowed: number;
  refused: Record<SendRefusal, number>;
  /** Refusals that apply to the whole campaign before any recipient (content, domain, postal address). */
  campaignRefusal: SendRefusal | null;
}

export type { CampaignReviewView, HeldReview } from './review-queue.ts';

export interface CampaignService {
  /** The list's channel decides the kind: an email campaign, or an SMS one (a text and a sender ID). */
  create(accountId: string, input: CampaignCreateInput): Promise<Campaign>;
  list(accountId: string): Promise<Campaign[]>;
  get(accountId: string, id: string): Promise<Campaign>;
  /** Any content edit bumps the version and clears the verdict; approved/scheduled go back to review and are screened again (CNT-05). */
  update(accountId: string, id: string, patch: CampaignUpdate): Promise<Campaign>;
  /** draft/rejected → in-review → screen → approved | rejected | in-review (held for an operator). */
  submit(accountId: string, id: string): Promise<Campaign>;
  /** The operator queue: campaigns the screen held. */
  heldReviews(): Promise<HeldReview[]>;
  operatorDecide(operatorId: string, campaignId: string, decision: 'approve' | 'reject', note: string): Promise<Campaign>;
  /** The customer's view of the review: decision, findings (category, matched text) and the reviewer's note. */
  reviewView(accountId: string, id: string): Promise<CampaignReviewView>;
  dryRun(accountId: string, id: string): Promise<CampaignDryRun>;
  send(accountId: string, id: string, options?: SendOptions): Promise<Campaign>;
  pause(accountId: string, id: string): Promise<Campaign>;
  resume(accountId: string, id: string): Promise<Campaign>;
  cancel(accountId: string, id: string): Promise<Campaign>;
  testSend(accountId: string, id: string, to: string): Promise<{ to: string }>;
  preview(accountId: string, id: string, contactId?: string): Promise<{ subject: string; html: string; text: string }>;
  report(accountId: string, id: string): Promise<CampaignReport>;
  /** The scheduler (job campaign.start-scheduled): starts the due campaigns; returns their ids. */
  startScheduled(): Promise<string[]>;
  /** The gate's precondition of a campaign send (DEL-01, MSG-03): null when it may go. */
  precondition(accountId: string, campaignId: string): Promise<SendRefusal | null>;
  /** The engine's CampaignAccess. */
  access: {
    get(campaignId: string): Promise<Campaign | null>;
    setStatus(
      accountId: string,
      campaignId: string,
      to: CampaignStatus,
      options?: { pauseReason?: PauseReason | null; from?: CampaignStatus | readonly CampaignStatus[] },
    ): Promise<Campaign | null>;
  };
  /** Called by the engine when a campaign reached 'sent': the ACC-07 mail. */
  onFinished(campaign: Campaign): Promise<void>;
}

export interface CampaignServiceDeps {
  store: CampaignStore;
  lists: Pick<ListService, 'get'>;
  segments: Pick<SegmentService, 'get' | 'contacts'>;
  domains: Pick<SendingDomainGate, 'verifiedFor'>;
  review: ContentReview;
  renderer: CampaignRenderer;
  gate: Pick<GateService, 'dryRun' | 'refusalCounts'>;
  /** Set once the engine exists (it needs this service's access first). */
  engine: () => CampaignEngine | null;
  contacts: { get(accountId: string, id: string): Promise<{ email: string | null; attributes: Record<string, unknown> }> };
  systemMail: SystemMailSender;
  ownerEmails: (accountId: string) => Promise<{ email: string; language: string }[]>;
  audit: AuditLog;
  clicks?: ClickCounter;
  /** Repeated rejects restrict email sending (CNT-02); without it rejects only mail the owner. */
  standing?: Pick<StandingService, 'getStanding' | 'transition'>;
  /** The account's declared industry, shown to the reviewer (the screen gets it through ContentReview). */
  declaredIndustry?: (accountId: string) => Promise<string | null>;
  testSender?: TestSender | null;
  /** REP-04 / REP-06: whether the account's rates hold its new campaigns for a reviewer. */
  accountHold?: (accountId: string) => Promise<{ rule: string; reason: string } | null>;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

const CONTENT_FIELDS = ['subject', 'preheader', 'body', 'format'] as const;

export function createCampaignService(deps: CampaignServiceDeps): CampaignService {
  const { store, clock } = deps;
  const now = () => clock.now().toISOString();
  const outcome = createReviewOutcome({
    store,
    systemMail: deps.systemMail,
    ownerEmails: deps.ownerEmails,
    standing: deps.standing,
    now: () => clock.now(),
    logger: deps.logger,
    publicUrl: deps.publicUrl,
  });

  // An SMS campaign's text is sent as it is: no template to compile, nothing to render but the text.
  const renderer: CampaignRenderer = {
    compile: (c) => (c.format === 'text' ? Promise.resolve({ html: '', text: c.body, links: [] }) : deps.renderer.compile(c)),
    render: (c, contact) =>
      c.format === 'text' ? Promise.resolve({ subject: '', html: '', text: c.body }) : deps.renderer.render(c, contact),
  };

  async function load(accountId: string, id: string): Promise<Campaign> {
    const c = await store.get(accountId, id);
    if (!c) throw notFound('CAMPAIGN_NOT_FOUND', 'No such campaign in this account.');
    return c;
  }

  /** A compare-and-set move through the state machine; 409 when it is not allowed or lost a race. */
  async function move(c: Campaign, to: CampaignStatus, patch: CampaignPatch = {}): Promise<Campaign> {
    transition(c.status, to);
    const moved = await store.update(c.accountId, c.id, [c.status], { ...patch, status: to, ...stamps(c, to) }, now());
    if (!moved) throw conflictState(c.status, to);
    return moved;
  }

  function stamps(c: Campaign, to: CampaignStatus): CampaignPatch {
    const out: CampaignPatch = {};
    if (to !== 'paused') out.pauseReason = null;
    if (to === 'sending' && c.startedAt === null) out.startedAt = now();
    if (to === 'sent' || to === 'cancelled') out.finishedAt = now();
    return out;
  }

  function conflictState(from: CampaignStatus, to: CampaignStatus) {
    return conflict('CAMPAIGN_STATE', `The campaign changed meanwhile (it was ${from}); reload and try again.`, { from, to });
  }

  /** The list's channel; with `channel`, a list of another channel is refused (a campaign keeps its channel). */
  async function checkAudience(
    accountId: string,
    listId: string,
    segmentId: string | null | undefined,
    channel?: CampaignChannel,
  ): Promise<CampaignChannel> {
    const list = await deps.lists.get(accountId, listId);
    if (channel !== undefined && list.channel !== channel)
      throw unprocessable('CAMPAIGN_CHANNEL_MISMATCH', `This is an ${channel} campaign: choose an ${channel} list.`, {
        channel,
      });
    if (segmentId) {
      const segment = await deps.segments.get(accountId, segmentId);
      // A segment that speaks of another list's consent would narrow this list by another list's
      // consent: refused, so a campaign's audience is decided by its own list only.
      const other = segment.filter.all.find((cond) => 'listId' in cond && cond.listId !== listId);
      if (other)
        throw unprocessable(
          'SEGMENT_OTHER_LIST',
          'This segment filters on consent to another list; choose a segment of this list.',
          {
            segmentId,
          },
        );
    }
    return list.channel;
  }

  async function checkDomain(accountId: string, fromEmail: string) {
    const domain = await deps.domains.verifiedFor(accountId, fromEmail);
    if (!domain)
      throw unprocessable(
        'DOMAIN_UNVERIFIED',
        `The domain of ${fromEmail} is not a verified sending domain of this account. Verify it first.`,
        {
          fromEmail,
        },
      );
  }

  function channelFields(channel: CampaignChannel, input: object) {
    const present = (f: string) => (input as Record<string, unknown>)[f] !== undefined;
    const foreign = channel === 'sms' ? EMAIL_ONLY_FIELDS.filter(present) : present('senderId') ? ['senderId'] : [];
    if (foreign.length > 0)
      throw unprocessable(
        'CAMPAIGN_CHANNEL_FIELDS',
        channel === 'sms'
          ? 'An SMS campaign has a text and a sender ID only (no subject, preheader, From or HTML).'
          : 'An email campaign has no sender ID.',
        { channel, fields: foreign },
      );
  }

  function notSendable(c: Campaign) {
    // Issue 11 §6: SMS sending (throughput, receipts) lands separately; until then an approved SMS
    // campaign is kept, never sent, and every way of sending it says so with this code.
    return unprocessable('CAMPAIGN_CHANNEL_NOT_SENDABLE', 'Text message campaigns cannot be sent yet.', {
      channel: c.channel,
    });
  }

  function checkBody(body: string) {
    if (Buffer.byteLength(body, 'utf8') > MAX_CAMPAIGN_BODY_BYTES)
      throw tooLarge('CAMPAIGN_BODY_TOO_LARGE', `A campaign body is at most ${MAX_CAMPAIGN_BODY_BYTES} bytes.`, {
        limit: MAX_CAMPAIGN_BODY_BYTES,
      });
  }

  /** Screens the content; 'approved' is written only here and in operatorDecide, always with the verdict. */
  async function screen(c: Campaign): Promise<Campaign> {
    const compiled = await renderer.compile(c);
    let verdict = await deps.review.review({ ...c, ...compiled });
    if (verdict.decision === 'allow' && deps.accountHold) {
      const hold = await deps.accountHold(c.accountId);
      if (hold) verdict = { ...verdict, decision: 'hold', accountHold: hold };
    }
    const to: CampaignStatus =
      verdict.decision === 'allow' ? 'approved' : verdict.decision === 'reject' ? 'rejected' : 'in-review';
    const patch: CampaignPatch = { verdict, ...(to === 'in-review' ? {} : { status: to }) };
    // Compare-and-set on the version too: an edit that landed meanwhile keeps its own (cleared) verdict.
    const updated = await store.update(c.accountId, c.id, ['in-review'], patch, now());
    if (!updated || updated.version !== c.version) return updated ?? load(c.accountId, c.id);
    if (to === 'rejected')
      await deps.audit.append({
        actor: { type: 'system', id: 'content-screen' },
        accountId: c.accountId,
        action: 'campaign.rejected',
        reason: 'The content screen rejected the campaign.',
        rule: verdict.policyRevision,
        details: { campaignId: c.id, version: c.version, findings: verdict.findings.length },
      });
    // CNT-02: the customer is told why, and repeated rejects feed the account's standing.
    if (to === 'rejected') await outcome.rejected(updated, null);
    return updated;
  }

  function verdictMatches(c: Campaign): boolean {
    const v = c.verdict;
    if (!v || v.decision === 'reject') return false;
    if (v.decision === 'hold' && v.decidedBy === 'screen') return false;
    return equalPublicDigest(v.contentHash, contentHash(c));
  }

  async function campaignRefusal(c: Campaign): Promise<SendRefusal | null> {
    if (!SENDABLE_STATUSES.includes(c.status) || !verdictMatches(c)) return 'content-unapproved';
    // Fail closed: the email engine never takes an SMS campaign, whatever its verdict (see notSendable).
    if (c.channel === 'sms') return 'content-unapproved';
    if (!(await deps.domains.verifiedFor(c.accountId, c.fromEmail))) return 'domain-unverified';
    const facts = await store.accountFacts(c.accountId);
    if (!facts || facts.postalAddress.trim() === '') return 'no-postal-address';
    return null;
  }

  async function segmentMembers(accountId: string, segmentId: string): Promise<Set<string>> {
    const ids = new Set<string>();
    for (let after: string | undefined; ;) {
      const page = await deps.segments.contacts(accountId, segmentId, { after, limit: SEGMENT_PAGE_MAX });
      for (const c of page.items) ids.add(c.id);
      if (!page.next) return ids;
      after = page.next;
    }
  }

  const engine = () => {
    const e = deps.engine();
    if (!e) throw unavailable('TEST_SEND_UNAVAILABLE', 'The send engine is not configured in this process.');
    return e;
  };

  async function startNow(c: Campaign): Promise<Campaign> {
    const refusal = await campaignRefusal(c);
    if (refusal === 'domain-unverified') await checkDomain(c.accountId, c.fromEmail);
    if (refusal === 'content-unapproved') transition(c.status, 'sending');
    await engine().start(c.accountId, c.id);
    return load(c.accountId, c.id);
  }

  /** A new draft: the given content and sender, with the lifecycle fields every draft starts with. */
  async function insertDraft(
    accountId: string,
    fields: Pick<
      Campaign,
      | 'listId'
      | 'segmentId'
      | 'name'
      | 'channel'
      | 'senderId'
      | 'subject'
      | 'preheader'
      | 'body'
      | 'format'
      | 'fromName'
      | 'fromEmail'
      | 'replyTo'
      | 'clickTracking'
    >,
  ): Promise<Campaign> {
    const at = now();
    const campaign: Campaign = {
      id: newId(clock),
      accountId,
      status: 'draft',
      ...fields,
      version: 1,
      verdict: null,
      scheduledAt: null,
      timeZone: null,
      pauseReason: null,
      createdAt: at,
      updatedAt: at,
      startedAt: null,
      finishedAt: null,
    };
    await store.insert(campaign);
    return campaign;
  }

  async function createSms(accountId: string, input: ReturnType<typeof SmsCampaignInputSchema.parse>): Promise<Campaign> {
    checkSmsLength(input.body);
    return insertDraft(accountId, {
      listId: input.listId,
      segmentId: input.segmentId ?? null,
      name: input.name,
      channel: 'sms',
      senderId: checkSenderId(input.senderId),
      // Nothing of email: the content hash covers format 'text' and the body (CNT-05 as for email).
      subject: '',
      preheader: '',
      body: input.body,
      format: 'text',
      fromName: '',
      fromEmail: '',
      replyTo: null,
      clickTracking: false,
    });
  }

  const service: CampaignService = {
    async create(accountId, raw) {
      const channel = await checkAudience(accountId, raw.listId, raw.segmentId);
      channelFields(channel, raw);
      if (channel === 'sms') return createSms(accountId, SmsCampaignInputSchema.parse(raw));
      const input = CampaignInputSchema.parse(raw);
      checkBody(input.body);
      await checkDomain(accountId, input.fromEmail);
      const draft = {
        subject: input.subject,
        preheader: input.preheader ?? '',
        body: input.body,
        format: input.format,
      };
      await renderer.compile(draft);
      return insertDraft(accountId, {
        listId: input.listId,
        segmentId: input.segmentId ?? null,
        name: input.name,
        channel: 'email',
        senderId: null,
        ...draft,
        fromName: input.fromName,
        fromEmail: input.fromEmail,
        replyTo: input.replyTo ?? null,
        clickTracking: input.clickTracking ?? false,
      });
    },

    list: (accountId) => store.list(accountId, MAX_CAMPAIGN_PAGE),
    get: load,

    async update(accountId, id, patch) {
      const c = await load(accountId, id);
      if (!EDITABLE_STATUSES.includes(c.status)) throw invalidState(c.status, 'edited');
      const channel = c.channel ?? 'email';
      channelFields(channel, patch);
      if (patch.body !== undefined) {
        if (c.channel === 'sms') checkSmsLength(patch.body);
        else checkBody(patch.body);
      }
      if (patch.senderId !== undefined) checkSenderId(patch.senderId);
      const listId = patch.listId ?? c.listId;
      const segmentId = patch.segmentId === undefined ? c.segmentId : patch.segmentId;
      if (patch.listId !== undefined || patch.segmentId !== undefined) await checkAudience(accountId, listId, segmentId, channel);
      if (patch.fromEmail !== undefined) await checkDomain(accountId, patch.fromEmail);
      const next = { ...c, ...definedOnly(patch), segmentId: segmentId ?? null };
      const contentChanged = CONTENT_FIELDS.some((f) => next[f] !== c[f]);
      if (contentChanged) await renderer.compile(next);
      const out: CampaignPatch = { ...definedOnly(patch) };
      let status = c.status;
      if (contentChanged) {
        // CNT-05: the approval is bound to what was approved; new content is a new version, unjudged.
        out.version = c.version + 1;
        out.verdict = null;
        if (c.status === 'approved' || c.status === 'scheduled') status = transition(c.status, 'in-review');
        if (status !== c.status) {
          out.status = status;
          out.scheduledAt = null;
          out.timeZone = null;
        }
      }
      const updated = await store.update(accountId, id, [c.status], out, now());
      if (!updated) throw invalidState(c.status, 'edited');
      // A campaign in review is screened again at once, so it does not wait on stale content.
      return contentChanged && updated.status === 'in-review' ? screen(updated) : updated;
    },

    async submit(accountId, id) {
      const c = await load(accountId, id);
      const inReview = await move(c, 'in-review');
      return screen(inReview);
    },

    async heldReviews() {
      const rows = await store.inReview(MAX_CAMPAIGN_PAGE);
      const held = rows.filter((c) => c.verdict?.decision === 'hold' && equalPublicDigest(c.verdict.contentHash, contentHash(c)));
      const out: HeldReview[] = [];
      for (const c of held)
        out.push(await heldReview(c, { store, renderer, declaredIndustry: deps.declaredIndustry, now: clock.now() }));
      return out;
    },

    async operatorDecide(operatorId, campaignId, decision, note) {
      const c = await store.getById(campaignId);
      if (!c) throw notFound('CAMPAIGN_NOT_FOUND', 'No such campaign.');
      if (c.status !== 'in-review' || c.verdict?.decision !== 'hold' || !equalPublicDigest(c.verdict.contentHash, contentHash(c)))
        throw conflictNotHeld();
      const to: CampaignStatus = decision === 'approve' ? 'approved' : 'rejected';
      transition(c.status, to);
      const verdict: ContentVerdict = {
        ...c.verdict,
        decision: decision === 'approve' ? 'allow' : 'reject',
        decidedAt: now(),
        decidedBy: operatorId,
      };
      const updated = await store.update(c.accountId, c.id, ['in-review'], { status: to, verdict }, now());
      if (!updated || updated.version !== c.version) throw conflictNotHeld();
      await deps.audit.append({
        actor: { type: 'operator', id: operatorId },
        accountId: c.accountId,
        action: decision === 'approve' ? 'campaign.review-approved' : 'campaign.review-rejected',
        reason: note,
        details: { campaignId: c.id, version: c.version, contentHash: verdict.contentHash },
      });
      if (decision === 'approve') await outcome.approved(updated, note);
      else await outcome.rejected(updated, note);
      return updated;
    },

    async reviewView(accountId, id) {
      return reviewView(await load(accountId, id), store);
    },

    async dryRun(accountId, id) {
      const c = await load(accountId, id);
      if (c.channel === 'sms') throw notSendable(c);
      const refusal = await campaignRefusal(c);
      // Narrowed by the segment: the gate decides the list, only the segment's members are counted.
      const members = c.segmentId ? await segmentMembers(accountId, c.segmentId) : null;
      const report = await deps.gate.dryRun(accountId, c.listId, members ? { only: (id) => members.has(id) } : {});
      const { total } = report;
      let { allowed } = report;
      const refused = { ...report.refused };
      if (refusal) {
        // The whole audience is refused alike while the campaign itself may not send.
        for (const r of SEND_REFUSALS) refused[r] = 0;
        refused[refusal] = total;
        allowed = 0;
      }
      return { total, allowed, refused, campaignRefusal: refusal };
    },

    async send(accountId, id, options = {}) {
      const c = await load(accountId, id);
      if (c.channel === 'sms') throw notSendable(c);
      if (options.timeZone !== undefined && !validTimeZone(options.timeZone))
        throw invalid('TIME_ZONE_INVALID', `Unknown time zone ${options.timeZone}; use an IANA name like Europe/Bucharest.`);
      if (options.at !== undefined) {
        const at = new Date(options.at);
        if (at.getTime() <= clock.now().getTime())
          throw unprocessable('SCHEDULE_IN_PAST', 'The chosen time has passed; pick a time in the future.', {
            at: at.toISOString(),
          });
        if (c.status !== 'approved' && c.status !== 'scheduled') throw invalidState(c.status, 'scheduled');
        await checkDomain(accountId, c.fromEmail);
        const updated = await store.update(
          accountId,
          id,
          ['approved', 'scheduled'],
          { status: 'scheduled', scheduledAt: at.toISOString(), timeZone: options.timeZone ?? 'UTC' },
          now(),
        );
        if (!updated) throw invalidState(c.status, 'scheduled');
        return updated;
      }
      if (c.status !== 'approved' && c.status !== 'scheduled') throw invalidState(c.status, 'sent');
      return startNow(c);
    },

    async pause(accountId, id) {
      return move(await load(accountId, id), 'paused', { pauseReason: 'owner' });
    },
    async resume(accountId, id) {
      const c = await load(accountId, id);
      if (c.channel === 'sms') throw notSendable(c);
      transition(c.status, 'sending');
      const refusal = await campaignRefusal({ ...c, status: 'sending' });
      if (refusal === 'domain-unverified') await checkDomain(accountId, c.fromEmail);
      const moved = await move(c, 'sending');
      // A pause ended the campaign's send jobs: without new ones nothing would send the rest.
      await engine().kick(c.id);
      return moved;
    },
    async cancel(accountId, id) {
      return move(await load(accountId, id), 'cancelled');
    },

    async testSend(accountId, id, to) {
      const c = await load(accountId, id);
      if (c.channel === 'sms') throw notSendable(c);
      const address = to.trim().toLowerCase();
      const team = (await store.teamEmails(accountId)).map((e) => e.toLowerCase());
      // Test sends reach only the account's own verified people: never a list, never a stranger.
      if (!team.includes(address))
        throw forbidden('TEST_SEND_RECIPIENT', 'Test sends go only to verified addresses of your own team.');
      await checkDomain(accountId, c.fromEmail);
      if (!deps.testSender) throw unavailable('TEST_SEND_UNAVAILABLE', 'Test sending is not available: no relay is configured.');
      await deps.testSender.send(c, address);
      return { to: address };
    },

    async preview(accountId, id, contactId) {
      const c = await load(accountId, id);
      const contact = contactId ? await deps.contacts.get(accountId, contactId) : { email: null, attributes: {} };
      return renderer.render(c, contact);
    },

    async report(accountId, id) {
      const c = await load(accountId, id);
      const e = deps.engine();
      return buildReport(c, {
        // Before it starts a campaign has no delivery records to count.
        progress: e && c.startedAt !== null ? await e.progress(accountId, id) : null,
        refusals: await deps.gate.refusalCounts(accountId, { contextId: id }),
        unsubscribed: await store.unsubscribed(accountId, id),
        clicks: deps.clicks ? await deps.clicks.clicks(accountId, id) : null,
      });
    },

    async startScheduled() {
      const due = await store.due(now(), SCHEDULE_BATCH);
      const started: string[] = [];
      for (const c of due) {
        try {
          await engine().start(c.accountId, c.id);
          started.push(c.id);
        } catch (err) {
          deps.logger.error({ err, campaignId: c.id }, 'scheduled campaign could not start');
        }
      }
      return started;
    },

    async precondition(accountId, campaignId) {
      const c = await store.get(accountId, campaignId);
      if (!c) return 'content-unapproved';
      return campaignRefusal(c);
    },

    access: {
      get: (campaignId) => store.getById(campaignId),
      async setStatus(accountId, campaignId, to, options = {}) {
        const c = await store.get(accountId, campaignId);
        if (!c) return null;
        const from = options.from === undefined ? null : typeof options.from === 'string' ? [options.from] : options.from;
        if (from && !from.includes(c.status)) return null;
        if (!canTransition(c.status, to)) return null;
        // 'approved' is never written here: only a verdict leads there.
        if (to === 'approved' || to === 'in-review') return null;
        const whenStatus = statusesLeadingTo(to).filter((s) => !from || from.includes(s));
        const patch: CampaignPatch = { status: to, ...stamps(c, to) };
        if (to === 'paused') patch.pauseReason = options.pauseReason ?? 'owner';
        return store.update(accountId, campaignId, whenStatus, patch, now());
      },
    },

    async onFinished(campaign) {
      // ACC-07: "how did your last campaign go", through the system outbox.
      try {
        const report = await service.report(campaign.accountId, campaign.id);
        const facts = await store.accountFacts(campaign.accountId);
        for (const owner of await deps.ownerEmails(campaign.accountId)) {
          await deps.systemMail.enqueue({
            to: owner.email,
            template: 'campaign-report',
            language: owner.language,
            accountId: campaign.accountId,
            data: {
              accountName: facts?.name ?? '',
              campaignName: campaign.name.slice(0, 300),
              sent: report.accepted + report.bounced.hard + report.bounced.soft,
              delivered: report.accepted,
              bounced: report.bounced.hard + report.bounced.soft,
              unsubscribed: report.unsubscribed,
              ...(deps.publicUrl
                ? { reportUrl: `${deps.publicUrl.replace(/\/$/, '')}/app/campaigns/${campaign.id}/report` }
                : {}),
            },
          });
        }
      } catch (err) {
        deps.logger.error({ err, campaignId: campaign.id }, 'campaign report mail could not be queued');
      }
    },
  };
  return service;
}

function invalidState(from: CampaignStatus, verb: string) {
  return conflict('CAMPAIGN_STATE', `A campaign that is ${from} cannot be ${verb}.`, { from });
}

function conflictNotHeld() {
  return conflict('CAMPAIGN_NOT_HELD', 'This campaign is not waiting for a review decision (it changed or was decided).');
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
