// The gate service: authorizeSend for senders, a streaming dry run for people (DEL-01).
import { notFound } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import type { StandingGate } from '../services.ts';
import type { Channel } from '../consent/types.ts';
import { authorizeSend, decideBatch, standingRefusal } from './authorize-send.ts';
import { SEND_REFUSALS, type AuthorizeSendInput, type DryRunReport, type GateStore, type RecipientFacts, type SendDecision, type SendRefusal } from './types.ts';

/** Consent rows read per dry-run page: memory stays flat whatever the list size. */
export const DRY_RUN_PAGE_SIZE = 5_000;

export interface GateService {
  authorizeSend(input: Omit<AuthorizeSendInput, 'now'> & { now?: Date }): Promise<Map<string, SendDecision>>;
  /** Counts by reason over the whole list, streaming in keyset pages. */
  dryRun(accountId: string, listId: string, options?: { pageSize?: number }): Promise<DryRunReport>;
  markSent(accountId: string, listId: string, channel: Channel, contactIds: string[], at?: Date): Promise<void>;
  /** Imports: hold these contacts' consent for the list until the import is approved ('list-unapproved'). */
  holdForReview(accountId: string, listId: string, contactIds: string[], hold: string): Promise<void>;
  releaseHold(accountId: string, hold: string): Promise<number>;
}

export function createGateService(deps: { store: GateStore; standing: StandingGate; clock: Clock; logger: Logger }): GateService {
  return {
    authorizeSend: (input) => authorizeSend(deps, { ...input, now: input.now ?? deps.clock.now() }),

    async dryRun(accountId, listId, options = {}) {
      const list = await deps.store.list(accountId, listId);
      if (!list) throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
      const refused = Object.fromEntries(SEND_REFUSALS.map((r) => [r, 0])) as Record<SendRefusal, number>;
      const report: DryRunReport = { listId, channel: list.channel, total: 0, allowed: 0, refused };
      const pageSize = options.pageSize ?? DRY_RUN_PAGE_SIZE;
      const now = deps.clock.now();
      const standing = await standingRefusal(deps, accountId, list.channel);
      const fetch = (after: string | null) => deps.store.recipientPage(accountId, listId, list.channel, after, pageSize);
      // The next page is read while the current one is decided (its suppression lookup runs
      // meanwhile): on PostgreSQL both queries use the server's cores at once.
      let next: Promise<RecipientFacts[]> | null = fetch(null);
      while (next) {
        let page: RecipientFacts[];
        let decided: Map<string, SendDecision> | null = null;
        try {
          page = await next;
          next = page.length < pageSize ? null : fetch(page[page.length - 1]!.contactId);
          if (!standing) decided = await decideBatch(deps.store, accountId, page, now);
        } catch (err) {
          await next?.catch(() => []);
          deps.logger.error({ err, accountId, listId }, 'dry run: lookup failed');
          throw err;
        }
        for (const f of page) {
          const d = decided?.get(f.contactId);
          report.total += 1;
          if (standing) refused[standing] += 1;
          else if (!d) refused['policy-unavailable'] += 1;
          else if (d.allowed) report.allowed += 1;
          else refused[d.reason] += 1;
        }
      }
      return report;
    },

    markSent: (accountId, listId, channel, contactIds, at) => deps.store.markSent(accountId, listId, channel, contactIds, (at ?? deps.clock.now()).toISOString()),
    holdForReview: (accountId, listId, contactIds, hold) => deps.store.setHold(accountId, listId, contactIds, hold),
    releaseHold: (accountId, hold) => deps.store.releaseHold(accountId, hold),
  };
}
