// The send engine (DEL-01..03, IMP-07, ACC-08): materialises a campaign's audience into
// delivery records, then workers claim batches under a lease and, per batch at send time,
// re-read the campaign, ask the gate, take the day's quota and the account's shared rate,
// compose, hand the messages to the relays and write the results in bulk. A worker killed
// mid-batch loses nobody: its lease runs out and another worker reclaims the records (the
// messages it had in flight may go twice; nothing else can).
import { IMPORT_SAMPLE, WARMUP, type SamplePolicy, type WarmupPolicy } from '../../../policy/sending.ts';
import type { Campaign, PauseReason } from '../campaigns/types.ts';
import type { GateService } from '../gate/service.ts';
import type { SendDecision } from '../gate/types.ts';
import type { Clock, Logger, Queue } from '../ports.ts';
import type { SendingDomainGate } from '../sending-domains/types.ts';
import type { StandingGate } from '../standing/ports.ts';
import type { CampaignAccess, CampaignLinkSink, DeliveryProgress, DeliveryStore, DeliveryUpdate } from './ports.ts';
import type { MessageComposer, Outbound, PreparedCampaign } from './types.ts';

export const CAMPAIGN_SEND_JOB = 'campaign.send';
export const CAMPAIGN_RESUME_JOB = 'campaign.resume-paused';
export const CAMPAIGN_RESUME_CRON = '* * * * *';
/** Records one worker claims at once (the gate takes ≤ 10,000; a batch is one compose + one bulk write). */
export const DELIVERY_BATCH = 500;
/** A claim's lease: a dead worker's records are reclaimed after this long. */
export const DELIVERY_LEASE_MS = 60_000;
/** Audience rows read per keyset page while materialising. */
export const AUDIENCE_PAGE = 5_000;
/** First retry after a 4xx; doubles per attempt, capped. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 3_600_000;
export const DEFAULT_MAX_ATTEMPTS = 8;
/**
 * campaign.send jobs enqueued per campaign. Each loops batches until nothing is claimable; a
 * worker runs at most CAMPAIGN_SEND_CONCURRENCY of them at once, so the rest wait for other
 * workers: up to DEFAULT_SEND_JOBS / CAMPAIGN_SEND_CONCURRENCY workers share one campaign.
 */
export const DEFAULT_SEND_JOBS = 8;
/** campaign.send jobs one worker runs at once (overlaps one batch's database work with another's SMTP). */
export const CAMPAIGN_SEND_CONCURRENCY = 2;

export interface CampaignSendJob {
  campaignId: string;
}

export interface SendEngineOptions {
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  sendJobs?: number;
  /** Messages per second per account, shared by all workers; null: no limit. */
  accountRatePerSecond?: number | null;
  /** null: no daily quota (an established account). */
  warmup?: WarmupPolicy | null;
  sample?: SamplePolicy;
}

export interface SendEngineDeps {
  store: DeliveryStore;
  campaigns: CampaignAccess;
  gate: Pick<GateService, 'authorizeSend' | 'markSent'>;
  composer: MessageComposer;
  outbound: Outbound;
  domains: SendingDomainGate;
  queue: Pick<Queue, 'send'>;
  clock: Clock;
  logger: Logger;
  /** Names this worker's claims (WORKER_ID). */
  workerId: string;
  options?: SendEngineOptions;
  /** SEC-04: keeps the prepared campaign's tracked links before any message carrying them goes out. */
  links?: CampaignLinkSink;
  /** Called once when a campaign reaches 'sent' (the campaign area sends the ACC-07 mail). */
  onFinished?: (campaign: Campaign) => Promise<void>;
  /**
   * ACC-05, REP-07: asked before resuming a campaign paused for the account's standing. Without
   * it such a campaign waits for its owner.
   */
  standing?: StandingGate;
  /** REP-06: told after a batch with synchronous hard bounces (the reputation rules look at the account). */
  onHardBounces?: (accountId: string, campaignId: string, count: number) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export interface BatchResult {
  claimed: number;
  accepted: number;
  /** True when this worker should stop looping (nothing claimable, or the campaign is not sending). */
  done: boolean;
}

export interface SendEngine {
  /** Materialises the audience (queued, or held for an import sample) and enqueues the send jobs. */
  start(accountId: string, campaignId: string): Promise<{ queued: number; held: number }>;
  /** Claims and sends one batch. */
  runBatch(campaignId: string): Promise<BatchResult>;
  /** Loops runBatch until nothing is claimable; returns the records still open (retries waiting) and whether the campaign is still sending. */
  drain(campaignId: string): Promise<{ sent: number; open: number; sending: boolean }>;
  /** Resumes campaigns the engine paused (relay back, a new quota day); returns their ids. */
  resumePaused(): Promise<string[]>;
  /** Enqueues the campaign's send jobs again (its owner resumed it: the jobs of a paused campaign ended). */
  kick(campaignId: string): Promise<void>;
  progress(accountId: string, campaignId: string): Promise<DeliveryProgress>;
  /** Today's quota (ACC-08) and what it has used. */
  quota(accountId: string): Promise<SendQuota>;
}

/** ACC-08 as the account sees it: today's quota (null: none), what it used, who waits for a later day. */
export interface SendQuota {
  day: string;
  quota: number | null;
  used: number;
  waiting: number;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const nextUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString();

/** ACC-08: the day's quota from the warm-up policy and the account's last 30 days. */
export function warmupQuota(
  policy: WarmupPolicy,
  history: { activeDays: number; sent: number; hardBounced: number; complaints: number },
): number {
  const healthy =
    history.sent === 0 ||
    (history.hardBounced / history.sent <= policy.maxHardBounceRate &&
      history.complaints / history.sent <= policy.maxComplaintRate);
  if (!healthy) return policy.startPerDay;
  return Math.min(policy.maxPerDay, Math.floor(policy.startPerDay * policy.growth ** history.activeDays));
}

/** IMP-07: how many of an import's `n` contacts the first campaign sends to first. */
export function sampleSize(policy: SamplePolicy, n: number): number {
  return Math.min(n, Math.max(policy.min, Math.ceil(n * policy.share)));
}

export function createSendEngine(deps: SendEngineDeps): SendEngine {
  const { store, campaigns, gate, composer, outbound, domains, queue, clock, logger, workerId } = deps;
  const o = deps.options ?? {};
  const batchSize = o.batchSize ?? DELIVERY_BATCH;
  const leaseMs = o.leaseMs ?? DELIVERY_LEASE_MS;
  const maxAttempts = o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryBaseMs = o.retryBaseMs ?? RETRY_BASE_MS;
  const sendJobs = o.sendJobs ?? DEFAULT_SEND_JOBS;
  const rate = o.accountRatePerSecond === undefined ? null : o.accountRatePerSecond;
  const warmup = o.warmup === undefined ? { ...WARMUP } : o.warmup;
  const samplePolicy = o.sample ?? { ...IMPORT_SAMPLE };
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const prepared = new Map<string, Promise<PreparedCampaign | null>>();

  async function enqueue(campaignId: string) {
    for (let i = 0; i < sendJobs; i++) {
      await queue.send<CampaignSendJob>(
        CAMPAIGN_SEND_JOB,
        { campaignId },
        { singletonKey: `${CAMPAIGN_SEND_JOB}:${campaignId}:${i}` },
      );
    }
  }

  async function standingAllows(accountId: string): Promise<boolean> {
    if (!deps.standing) return false;
    try {
      await deps.standing.assertServiceAllowed(accountId, 'email');
      return true;
    } catch {
      return false;
    }
  }

  async function pause(c: Campaign, reason: PauseReason) {
    const moved = await campaigns.setStatus(c.accountId, c.id, 'paused', { pauseReason: reason, from: 'sending' });
    if (moved) {
      await store.markPaused(c.accountId, c.id, reason, clock.now().toISOString());
      logger.warn({ campaignId: c.id, reason }, 'campaign paused by the send engine');
    }
  }

  function prepare(c: Campaign): Promise<PreparedCampaign | null> {
    const key = `${c.id}:${c.version}`;
    let p = prepared.get(key);
    if (!p) {
      p = (async () => {
        const sender = await store.senderFacts(c.accountId, c.listId);
        const domain = await domains.verifiedFor(c.accountId, c.fromEmail);
        const keys = domain ? await domains.signingKeys(c.accountId, domain.id) : null;
        if (!sender || !keys) return null;
        const ready = await composer.prepare({ campaign: c, sender, keys });
        // SEC-04: stored before compose, so no click link reaches an inbox before it resolves.
        if (ready.links.length > 0 && deps.links) await deps.links.saveLinks(c.accountId, c.id, ready.links);
        return ready;
      })();
      p.catch(() => prepared.delete(key));
      prepared.set(key, p);
    }
    return p;
  }

  async function quotaFor(accountId: string, now: Date): Promise<number | null> {
    if (!warmup) return null;
    return warmupQuota(warmup, await store.sendingHistory(accountId, now.toISOString()));
  }

  /** Waits until the account's shared bucket gives `n` tokens. */
  async function takeRate(accountId: string, n: number) {
    if (rate === null) return;
    let need = n;
    const burst = Math.max(rate, batchSize);
    while (need > 0) {
      need -= await store.takeTokens(accountId, need, rate, burst, clock.now());
      if (need > 0) await sleep(Math.min(1000, Math.ceil((need / rate) * 1000)));
    }
  }

  /** After a batch: settle an import sample when its records are done; finish the campaign when none are open. */
  async function settle(c: Campaign) {
    let left = await store.openState(c.id);
    if (!left.sampleOpen) {
      const imports = await store.samplingImports(c.id);
      if (imports.length > 0) {
        const now = clock.now().toISOString();
        const outcome = await store.sampleOutcome(c.id);
        const rate = outcome.settled === 0 ? 0 : outcome.hardBounced / outcome.settled;
        if (rate > samplePolicy.maxHardBounceRate) {
          const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
          const reason = `The sample's hard-bounce rate was ${pct(rate)} (${outcome.hardBounced} of ${outcome.settled}), over the ${pct(samplePolicy.maxHardBounceRate)} limit: the rest of the import was not sent.`;
          await store.settleHeld(c.id, 'refused', 'sample-declined', now);
          await store.settleSamples(c.id, 'declined', reason, now);
          logger.warn({ campaignId: c.id, imports, rate }, 'import sample declined');
        } else {
          const released = await store.settleHeld(c.id, 'queued', null, now);
          await store.settleSamples(c.id, 'passed', null, now);
          if (released > 0) await enqueue(c.id);
        }
        left = await store.openState(c.id);
      }
    }
    if (!left.open && !left.held) {
      const done = await campaigns.setStatus(c.accountId, c.id, 'sent', { from: 'sending' });
      if (done && deps.onFinished) await deps.onFinished(done);
    }
  }

  return {
    async start(accountId, campaignId) {
      let c = await campaigns.get(campaignId);
      if (!c || c.accountId !== accountId) throw new Error(`No campaign ${campaignId} for this account.`);
      if (c.status !== 'sending') {
        c = await campaigns.setStatus(accountId, campaignId, 'sending', { from: ['approved', 'scheduled'] });
        if (!c) throw new Error(`Campaign ${campaignId} cannot start sending from its current status.`);
      }
      const now = clock.now().toISOString();
      let after: string | null = null;
      let queued = 0;
      const byImport = new Map<string, string[]>();
      for (;;) {
        const page = await store.audiencePage(accountId, c.listId, c.segmentId, after, AUDIENCE_PAGE);
        if (page.length === 0) break;
        after = page[page.length - 1]!.contactId;
        const rows = [];
        for (const r of page) {
          if (r.importId) {
            const list = byImport.get(r.importId) ?? [];
            list.push(r.contactId);
            byImport.set(r.importId, list);
          } else {
            rows.push({
              campaignId,
              accountId,
              contactId: r.contactId,
              status: 'queued' as const,
              reason: null,
              sample: false,
              now,
            });
          }
        }
        queued += await store.insertRecords(rows);
      }
      // IMP-07: contacts of a newly approved import — a sample first, the rest held until it settles.
      let held = 0;
      for (const [, ids] of byImport) {
        const shuffled = [...ids].sort(() => Math.random() - 0.5);
        const k = sampleSize(samplePolicy, shuffled.length);
        const rows = shuffled.map((contactId, i) => ({
          campaignId,
          accountId,
          contactId,
          status: i < k ? ('queued' as const) : ('held' as const),
          reason: i < k ? null : 'sample-hold',
          sample: i < k,
          now,
        }));
        await store.insertRecords(rows);
        queued += k;
        held += shuffled.length - k;
      }
      await store.startSamples(accountId, campaignId, [...byImport.keys()], now);
      await enqueue(campaignId);
      logger.info({ campaignId, queued, held }, 'campaign audience queued');
      return { queued, held };
    },

    async runBatch(campaignId) {
      const c = await campaigns.get(campaignId);
      if (!c || c.status !== 'sending') return { claimed: 0, accepted: 0, done: true };
      if (!outbound.healthy()) {
        await pause(c, 'relay-unavailable');
        return { claimed: 0, accepted: 0, done: true };
      }
      const now = clock.now();
      const nowIso = now.toISOString();
      const claimed = await store.claim(campaignId, workerId, nowIso, new Date(now.getTime() + leaseMs).toISOString(), batchSize);
      if (claimed.length === 0) {
        await settle(c);
        return { claimed: 0, accepted: 0, done: true };
      }
      const ids = claimed.map((r) => r.contactId);
      // Paused or cancelled while we claimed: put the records back untouched.
      const current = await campaigns.get(campaignId);
      if (!current || current.status !== 'sending') {
        await store.release(campaignId, workerId, ids);
        return { claimed: 0, accepted: 0, done: true };
      }
      const attemptsOf = new Map(claimed.map((r) => [r.contactId, r.attempts]));
      const updates: DeliveryUpdate[] = [];
      const base = { bounceType: null, smtpReply: null, queueId: null, relay: null, messageId: null, nextAttemptAt: null };
      const refuse = (contactId: string, reason: string) =>
        updates.push({ ...base, contactId, status: 'refused', reason, attempts: attemptsOf.get(contactId) ?? 0 });

      // DEL-01: the gate at send time, for this batch.
      const decisions = await gate.authorizeSend({
        accountId: c.accountId,
        listId: c.listId,
        channel: 'email',
        contactIds: ids,
        contextId: campaignId,
      });
      // ACC-05, REP-07: the account may not send now (blocked, suspended, email paused): the
      // records are held (back to queued, untouched) and the campaign pauses until the standing
      // allows email again — nothing is refused for good, nothing goes out.
      const restricted = (d: SendDecision | undefined) => d !== undefined && !d.allowed && d.reason === 'account-restricted';
      if (ids.every((id) => restricted(decisions.get(id)))) {
        await store.release(campaignId, workerId, ids);
        await pause(current, 'standing');
        return { claimed: 0, accepted: 0, done: true };
      }
      let allowed: string[] = [];
      for (const id of ids) {
        const d = decisions.get(id);
        if (d?.allowed) allowed.push(id);
        else refuse(id, d && !d.allowed ? d.reason : 'policy-unavailable');
      }

      // ACC-08: the day's quota; what is over it waits for the next UTC day.
      const day = dayOf(now);
      const quota = await quotaFor(c.accountId, now);
      let overQuota = false;
      if (quota !== null && allowed.length > 0) {
        const granted = await store.takeQuota(c.accountId, day, quota, allowed.length);
        const waiting = allowed.slice(granted);
        allowed = allowed.slice(0, granted);
        for (const id of waiting) {
          updates.push({
            ...base,
            contactId: id,
            status: 'queued',
            reason: 'quota-exceeded',
            attempts: attemptsOf.get(id) ?? 0,
            nextAttemptAt: nextUtcDay(now),
          });
        }
        overQuota = waiting.length > 0;
      }

      let accepted = 0;
      let unsent = 0;
      if (allowed.length > 0) {
        const prep = await prepare(current);
        const recipients = prep ? await store.recipients(c.accountId, allowed) : [];
        if (!prep) for (const id of allowed) refuse(id, 'domain-unverified');
        else {
          const found = new Set(recipients.map((r) => r.contactId));
          for (const id of allowed) if (!found.has(id)) refuse(id, 'no-address');
          await takeRate(c.accountId, recipients.length);
          const messages = await composer.compose(prep, recipients, clock.now());
          const messageIdOf = new Map(messages.map((m) => [m.contactId, m.messageId]));
          const results = await outbound.send(messages);
          const sentIds: string[] = [];
          const at = clock.now();
          for (const r of results) {
            const attempts = (attemptsOf.get(r.contactId) ?? 0) + (r.outcome === 'deferred' && r.relay === null ? 0 : 1);
            const common = {
              ...base,
              contactId: r.contactId,
              attempts,
              messageId: messageIdOf.get(r.contactId) ?? null,
              relay: r.relay,
              smtpReply: r.reply,
            };
            if (r.outcome === 'accepted') {
              accepted++;
              sentIds.push(r.contactId);
              updates.push({ ...common, status: 'accepted', reason: null, queueId: r.queueId });
            } else if (r.outcome === 'rejected') {
              // A synchronous 5xx is a hard bounce, its reply kept for bounce tracing.
              updates.push({ ...common, status: 'bounced', reason: null, bounceType: 'hard' });
            } else if (attempts >= maxAttempts) {
              unsent++;
              updates.push({ ...common, status: 'bounced', reason: null, bounceType: 'soft' });
            } else {
              unsent++;
              const wait = r.relay === null ? 0 : Math.min(RETRY_MAX_MS, retryBaseMs * 2 ** Math.max(0, attempts - 1));
              updates.push({
                ...common,
                status: 'queued',
                reason: null,
                nextAttemptAt: new Date(at.getTime() + wait).toISOString(),
              });
            }
          }
          if (sentIds.length > 0) await gate.markSent(c.accountId, c.listId, 'email', sentIds, at);
        }
        if (quota !== null) await store.returnQuota(c.accountId, day, allowed.length - accepted);
      }
      await store.update(campaignId, workerId, clock.now().toISOString(), updates);
      const hard = updates.filter((u) => u.status === 'bounced' && u.bounceType === 'hard').length;
      if (hard > 0 && deps.onHardBounces) {
        try {
          await deps.onHardBounces(c.accountId, campaignId, hard);
        } catch (err) {
          logger.error({ err, campaignId }, 'hard-bounce hook failed');
        }
      }
      // A standing that stops email (the hook above may just have paused the account) says more than the quota.
      if (overQuota) await pause(current, deps.standing && !(await standingAllows(c.accountId)) ? 'standing' : 'quota');
      else if (!outbound.healthy()) await pause(current, 'relay-unavailable');
      await settle(current);
      logger.debug({ campaignId, claimed: ids.length, accepted, unsent }, 'delivery batch');
      return { claimed: ids.length, accepted, done: overQuota };
    },

    async drain(campaignId) {
      let sent = 0;
      for (;;) {
        const r = await this.runBatch(campaignId);
        sent += r.accepted;
        if (r.done) break;
      }
      const c = await campaigns.get(campaignId);
      return { sent, open: (await store.remaining(campaignId)).open, sending: c?.status === 'sending' };
    },

    async kick(campaignId) {
      await enqueue(campaignId);
    },

    async resumePaused() {
      const resumed: string[] = [];
      const now = clock.now();
      for (const p of await store.pausedCampaigns()) {
        const c = await campaigns.get(p.campaignId);
        // Moved on (resumed or cancelled by its owner, or paused by the owner): not ours any more.
        if (!c || c.status !== 'paused' || c.pauseReason !== p.reason) {
          await store.clearPaused(p.campaignId);
          continue;
        }
        const ready =
          p.reason === 'relay-unavailable'
            ? outbound.healthy()
            : p.reason === 'quota'
              ? dayOf(now) > p.pausedAt.slice(0, 10)
              : p.reason === 'standing'
                ? await standingAllows(c.accountId)
                : true;
        if (!ready) continue;
        const moved = await campaigns.setStatus(c.accountId, c.id, 'sending', { from: 'paused' });
        await store.clearPaused(c.id);
        if (moved) {
          await enqueue(c.id);
          resumed.push(c.id);
          logger.info({ campaignId: c.id, reason: p.reason }, 'campaign resumed by the send engine');
        }
      }
      return resumed;
    },

    async progress(accountId, campaignId) {
      const c = await campaigns.get(campaignId);
      if (!c || c.accountId !== accountId) throw new Error(`No campaign ${campaignId} for this account.`);
      return store.progress(campaignId);
    },

    async quota(accountId) {
      const now = clock.now();
      return {
        day: dayOf(now),
        quota: await quotaFor(accountId, now),
        used: await store.quotaUsed(accountId, dayOf(now)),
        waiting: await store.waitingForQuota(accountId),
      };
    },
  };
}
