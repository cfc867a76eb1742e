// The gate service: authorizeSend for senders, a streaming dry run for people (DEL-01).
import { notFound } from '../errors.ts';
import { uuidV7At } from '../ids.ts';
import type { Clock, Logger } from '../ports.ts';
import type { StandingGate } from '../standing/ports.ts';
import type { Channel } from '../consent/types.ts';
import {
  authorizeSend,
  decide,
  quietHoursStep,
  repermissionCutoff,
  standingRefusal,
  type RefusalsRecorded,
} from './authorize-send.ts';
import {
  SEND_REFUSALS,
  type AuthorizeSendInput,
  type DryRunReport,
  type GateStore,
  type PageFacts,
  type RefusalCounts,
  type SendDecision,
  type SendPreconditions,
  type SendRefusal,
} from './types.ts';

/** Recorded refusals are kept this long (a campaign report reads them well within it), then pruned. */
export const SEND_REFUSAL_RETENTION_DAYS = 400;
/** Rows one prune statement deletes: short transactions, no long lock on a busy table. */
export const SEND_REFUSAL_PRUNE_BATCH = 10_000;
/** The job that prunes old refusals, and when it runs (daily, UTC). */
export const SEND_REFUSAL_PRUNE_JOB = 'gate.prune-refusals';
export const SEND_REFUSAL_PRUNE_CRON = '17 3 * * *';

/** Consent rows read per dry-run page: memory stays flat whatever the list size. */
export const DRY_RUN_PAGE_SIZE = 5_000;

export interface GateService {
  authorizeSend(input: Omit<AuthorizeSendInput, 'now'> & { now?: Date }): Promise<Map<string, SendDecision>>;
  /** Counts by reason over the whole list, streaming in keyset pages. */
  /** `only` narrows the count to some contacts (a campaign's segment). */
  dryRun(
    accountId: string,
    listId: string,
    options?: { pageSize?: number; only?: (contactId: string) => boolean },
  ): Promise<DryRunReport>;
  markSent(accountId: string, listId: string, channel: Channel, contactIds: string[], at?: Date): Promise<void>;
  /** Recorded refusals by reason (DEL-01: the campaign report), for a list and/or a context (campaign). */
  refusalCounts(accountId: string, filter: { listId?: string; contextId?: string | null }): Promise<RefusalCounts>;
  /** Deletes refusals older than SEND_REFUSAL_RETENTION_DAYS, in batches; returns how many. */
  pruneRefusals(): Promise<number>;
  /** Called after each batch's refusals are recorded in this process (the /metrics counter). */
  onRefusals(listener: (event: RefusalsRecorded) => void): void;
  /** Imports: hold these contacts' consent for the list until the import is approved ('list-unapproved'). */
  holdForReview(accountId: string, listId: string, contactIds: string[], hold: string): Promise<void>;
  releaseHold(accountId: string, hold: string): Promise<number>;
}

export function createGateService(deps: {
  store: GateStore;
  standing: StandingGate;
  clock: Clock;
  logger: Logger;
  /** Asked per batch of a send with a contextId (the campaign service; set once it exists). */
  preconditions?: SendPreconditions | (() => SendPreconditions | null);
}): GateService {
  const listeners: Array<(event: RefusalsRecorded) => void> = [];
  const preconditions = () => (typeof deps.preconditions === 'function' ? deps.preconditions() : deps.preconditions) ?? undefined;
  const onRecorded = (event: RefusalsRecorded) => {
    for (const listener of listeners) listener(event);
  };
  return {
    authorizeSend: (input) =>
      authorizeSend({ ...deps, preconditions: preconditions(), onRecorded }, { ...input, now: input.now ?? deps.clock.now() }),
    onRefusals: (listener) => void listeners.push(listener),

    async pruneRefusals() {
      const cutoff = deps.clock.now().getTime() - SEND_REFUSAL_RETENTION_DAYS * 86_400_000;
      // The smallest UUIDv7 of the cutoff millisecond: every id below it is older.
      const beforeId = `${uuidV7At(cutoff).slice(0, 13)}-7000-8000-000000000000`;
      let total = 0;
      for (;;) {
        const n = await deps.store.pruneRefusals(beforeId, SEND_REFUSAL_PRUNE_BATCH);
        total += n;
        if (n < SEND_REFUSAL_PRUNE_BATCH) return total;
      }
    },

    async dryRun(accountId, listId, options = {}) {
      const list = await deps.store.list(accountId, listId);
      if (!list) throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
      const refused = Object.fromEntries(SEND_REFUSALS.map((r) => [r, 0])) as Record<SendRefusal, number>;
      const report: DryRunReport = { listId, channel: list.channel, total: 0, allowed: 0, refused };
      const pageSize = options.pageSize ?? DRY_RUN_PAGE_SIZE;
      const now = deps.clock.now();
      // The whole list is refused alike when the account may not send, or the list is archived.
      const standing =
        (await standingRefusal({ ...deps, preconditions: undefined }, accountId, list.channel)) ??
        (list.archivedAt !== null ? 'list-archived' : null);
      const cutoff = repermissionCutoff(now);
      // SMS-03: an SMS list's sendable recipients meet quiet hours at this instant, as a send would.
      const quiet = list.channel === 'sms' ? quietHoursStep(now) : null;
      let deferredUntil: number | null = null;
      const count = (page: PageFacts[]) => {
        // Counted as read, page by page: nothing is kept across pages (flat memory).
        for (const f of page) {
          if (options.only && !options.only(f.contactId)) continue;
          report.total += 1;
          if (standing) {
            refused[standing] += 1;
            continue;
          }
          let d = decide(f, f.suppressed, cutoff);
          if (quiet && d.allowed) d = quiet(f);
          if (d.allowed) report.allowed += 1;
          else {
            refused[d.reason] += 1;
            if (d.reason === 'quiet-hours') deferredUntil = Math.max(deferredUntil ?? 0, d.deferUntil.getTime());
          }
        }
      };
      try {
        await readPages(deps.store, accountId, listId, list.channel, pageSize, count);
      } catch (err) {
        deps.logger.error({ err, accountId, listId }, 'dry run: lookup failed');
        throw err;
      }
      report.deferredUntil = deferredUntil === null ? null : new Date(deferredUntil).toISOString();
      return report;
    },

    async refusalCounts(accountId, filter) {
      const counts = await deps.store.countRefusals(accountId, filter);
      const refused = Object.fromEntries(SEND_REFUSALS.map((r) => [r, counts.get(r) ?? 0])) as Record<SendRefusal, number>;
      const total = SEND_REFUSALS.reduce((n, r) => n + refused[r], 0);
      return { listId: filter.listId ?? null, contextId: filter.contextId ?? null, total, refused };
    },

    markSent: (accountId, listId, channel, contactIds, at) =>
      deps.store.markSent(accountId, listId, channel, contactIds, (at ?? deps.clock.now()).toISOString()),
    holdForReview: (accountId, listId, contactIds, hold) => deps.store.setHold(accountId, listId, contactIds, hold),
    releaseHold: (accountId, hold) => deps.store.releaseHold(accountId, hold),
  };
}

/**
 * Reads a list's consent rows in keyset pages, in contact_id order, handing each page to `visit`
 * as it arrives. With store.pageReadAhead > 1 the page bounds are found first (a cheap index-only
 * query each) so that several pages are read at once; at most pageReadAhead + 1 pages are held.
 */
async function readPages(
  store: GateStore,
  accountId: string,
  listId: string,
  channel: Channel,
  pageSize: number,
  visit: (page: PageFacts[]) => void,
): Promise<void> {
  const page = (after: string | null, upTo: string | null) =>
    store.recipientPage(accountId, listId, channel, after, upTo, pageSize);
  const lastId = (p: PageFacts[]) => p[p.length - 1]!.contactId;
  if (store.pageReadAhead <= 1) {
    // The next page is read while the current one is counted.
    let next: Promise<PageFacts[]> | null = page(null, null);
    while (next) {
      const p: PageFacts[] = await next;
      next = p.length < pageSize ? null : page(lastId(p), null);
      visit(p);
    }
    return;
  }
  // All rows in (after, upTo]: normally one page; rows added meanwhile are read by further pages.
  const range = async (after: string | null, upTo: string | null): Promise<PageFacts[][]> => {
    const out: PageFacts[][] = [];
    for (let from = after; ;) {
      const p = await page(from, upTo);
      if (p.length > 0) out.push(p);
      if (p.length < pageSize || lastId(p) === upTo) return out;
      from = lastId(p);
    }
  };
  const inFlight: Promise<PageFacts[][]>[] = [];
  let after: string | null = null;
  let done = false;
  try {
    while (!done || inFlight.length > 0) {
      while (!done && inFlight.length < store.pageReadAhead) {
        const upTo = await store.pageBoundary(accountId, listId, channel, after, pageSize);
        inFlight.push(range(after, upTo));
        if (upTo === null) done = true;
        else after = upTo;
      }
      for (const p of await inFlight.shift()!) visit(p);
    }
  } finally {
    await Promise.allSettled(inFlight);
  }
}
