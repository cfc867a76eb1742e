// Account standing (ACC-04..07): transitions with their audit entry in the same transaction,
// the standing gate other areas call before using a service, and the signup review (ACC-02).
import { prepareAuditRow, normalizeReason } from '../audit/audit-log.ts';
import type { Actor, AuditLog } from '../audit/types.ts';
import { AppError, forbidden, notFound, unavailable } from '../errors.ts';
import type { CodeOfKind } from '../error-codes.ts';
import type { Clock, Logger } from '../ports.ts';
import type { AccountWriteGate, RestrictableService, StandingGate } from './ports.ts';
import type { SystemMailService } from '../system-mail/types.ts';
import { nextStanding, type Standing } from './machine.ts';
import {
  BLOCK_REFUND_NOTE,
  type AccountListFilter,
  type AccountReview,
  type AccountStandingRecord,
  type BillingRecord,
  type OperatorAccountRow,
  type SignupDecision,
  type StandingEvent,
  type StandingListener,
  type StandingStore,
  type StandingView,
  type TransitionInput,
} from './types.ts';

export const STANDING_ACTION_PREFIX = 'standing.';
export const MAX_ACCOUNT_LIST = 200;
/** Services a signup still under review (or refused) may not use (ACC-02): nothing goes out. */
export const REVIEW_BLOCKED_SERVICES: readonly RestrictableService[] = ['email', 'sms'];

export interface StandingService extends StandingGate, AccountWriteGate {
  transition(input: TransitionInput): Promise<OperatorAccountRow>;
  decideSignupReview(input: {
    accountId: string;
    decision: SignupDecision;
    reason: string;
    actor: Actor;
  }): Promise<OperatorAccountRow>;
  getStanding(accountId: string): Promise<StandingView>;
  getAccount(accountId: string): Promise<OperatorAccountRow>;
  listAccounts(filter: Omit<AccountListFilter, 'limit'> & { limit?: number }): Promise<OperatorAccountRow[]>;
  getBilling(accountId: string): Promise<BillingRecord | null>;
  /** Called after every committed transition. */
  onTransition(listener: StandingListener): void;
  /** Called after a block commits (ACC-05): campaign sending registers here to hold queued mail. */
  onBlocked(listener: StandingListener): void;
}

export interface StandingDeps {
  store: StandingStore;
  audit: AuditLog;
  systemMail: SystemMailService;
  clock: Clock;
  logger: Logger;
}

export function createStandingService(deps: StandingDeps): StandingService {
  const { store, clock, logger } = deps;
  const transitionListeners: StandingListener[] = [];
  const blockedListeners: StandingListener[] = [];

  async function mustGet(accountId: string): Promise<AccountStandingRecord> {
    const account = await store.getAccount(accountId);
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return account;
  }

  async function mustGetOperatorView(accountId: string): Promise<OperatorAccountRow> {
    const account = await store.getOperatorAccount(accountId);
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return account;
  }

  async function latestReason(accountId: string): Promise<{ reason: string; at: string } | null> {
    const [entry] = await deps.audit.list({ accountId, actionPrefix: STANDING_ACTION_PREFIX, limit: 1 });
    return entry ? { reason: entry.reason, at: entry.at } : null;
  }

  async function notify(event: StandingEvent, listeners: StandingListener[]) {
    for (const listener of listeners) {
      try {
        await listener(event);
      } catch (err) {
        // The standing is committed and the gate already refuses; a listener failure must not undo it.
        logger.error({ err, accountId: event.accountId, to: event.to }, 'standing listener failed');
      }
    }
  }

  /** The one standing check (ACC-04, ACC-05) behind both gate methods; fails closed. */
  async function assertAllowed(accountId: string, services: readonly RestrictableService[]): Promise<void> {
    let account: AccountStandingRecord | null;
    try {
      account = await store.getAccount(accountId);
    } catch (err) {
      // Fail closed: when we cannot tell the standing, nothing is changed or goes out.
      logger.error({ err, accountId }, 'standing lookup failed');
      throw unavailable('POLICY_UNAVAILABLE', 'The account standing cannot be checked right now; try again shortly.');
    }
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    const refusal = standingRefusal(account, services);
    if (!refusal) return;
    const latest = refusal.code === 'ACCOUNT_UNDER_REVIEW' ? null : await latestReason(accountId).catch(() => null);
    throw forbidden(refusal.code, refusal.message, {
      service: refusal.service,
      standing: account.standing,
      review: account.review,
      reason: latest?.reason ?? null,
    });
  }

  return {
    assertServiceAllowed: (accountId, service) => assertAllowed(accountId, [service]),
    assertWriteAllowed: (accountId, services = []) => assertAllowed(accountId, services),
    async transition(input) {
      const reason = normalizeReason(input.reason);
      // Only a person at the platform may lift a measure; automatic rules only escalate.
      if (input.action === 'reinstate' && input.actor.type !== 'operator') {
        throw forbidden('OPERATOR_ONLY', 'Only a platform operator can reinstate an account.');
      }
      const account = await mustGet(input.accountId);
      const from = account.standing;
      const next = nextStanding(from, input.action, input.services);
      const at = clock.now();
      const block = next.standing === 'blocked';
      const audit = prepareAuditRow(
        {
          actor: input.actor,
          accountId: account.id,
          action: `${STANDING_ACTION_PREFIX}${input.action}`,
          reason,
          rule: input.rule ?? null,
          details: {
            ...(input.details ?? {}),
            from,
            to: next.standing,
            restrictedServices: next.restrictedServices,
            // ACC-05/06: a block is never refunded. (Queued mail needs no note here: every sender
            // re-checks the gate when it runs, and the gate refuses a blocked account from now.)
            ...(block ? { refundEligible: false, refundNote: BLOCK_REFUND_NOTE } : {}),
          },
        },
        at,
      );
      const applied = await store.applyChange({
        accountId: account.id,
        expectedFrom: from,
        to: next.standing,
        restrictedServices: next.restrictedServices,
        at: at.toISOString(),
        audit,
        ...(block ? { noRefundNote: BLOCK_REFUND_NOTE } : {}),
      });
      if (!applied) {
        throw new AppError('STANDING_CHANGED', 'The account standing changed meanwhile; reload and try again.');
      }
      const event: StandingEvent = {
        accountId: account.id,
        from,
        to: next.standing,
        action: input.action,
        restrictedServices: next.restrictedServices,
        reason,
        rule: audit.rule,
        actor: input.actor,
        at: audit.at,
        auditId: audit.id,
      };
      await notify(event, transitionListeners);
      if (block) await notify(event, blockedListeners);
      // ACC-07 standing notice: critical, so the feature-news opt-out does not apply.
      try {
        await deps.systemMail.enqueueToOwners({
          accountId: account.id,
          template: 'standing-changed',
          category: 'critical',
          data: {
            standing: next.standing,
            services: next.restrictedServices,
            reason,
            refundEligible: !block && account.refundEligible,
          },
        });
      } catch (err) {
        logger.error({ err, accountId: account.id }, 'standing notice could not be queued');
      }
      return mustGetOperatorView(account.id);
    },

    async decideSignupReview(input) {
      const reason = normalizeReason(input.reason);
      if (input.actor.type !== 'operator') throw forbidden('OPERATOR_ONLY', 'Only a platform operator decides a signup review.');
      const account = await mustGet(input.accountId);
      if (account.review !== 'pending') {
        throw new AppError('REVIEW_NOT_PENDING', `This signup is not waiting for review (review: ${account.review}).`, {
          review: account.review,
        });
      }
      const to: AccountReview = input.decision === 'approve' ? 'none' : 'refused';
      const at = clock.now();
      const audit = prepareAuditRow(
        {
          actor: input.actor,
          accountId: account.id,
          action: `signup-review.${input.decision}`,
          reason,
          details: { from: 'pending', to },
        },
        at,
      );
      const applied = await store.applyReview({ accountId: account.id, to, at: at.toISOString(), audit });
      if (!applied) throw new AppError('REVIEW_NOT_PENDING', 'This signup is no longer waiting for review.');
      try {
        await deps.systemMail.enqueueToOwners({
          accountId: account.id,
          template: 'signup-review-outcome',
          category: 'critical',
          data: { decision: input.decision, reason },
        });
      } catch (err) {
        logger.error({ err, accountId: account.id }, 'signup review notice could not be queued');
      }
      return mustGetOperatorView(account.id);
    },

    async getStanding(accountId) {
      const account = await mustGet(accountId);
      const latest = await latestReason(accountId);
      return {
        standing: account.standing,
        restrictedServices: account.restrictedServices,
        reason: latest?.reason ?? null,
        since: latest?.at ?? account.createdAt,
        refundEligible: account.refundEligible,
      };
    },

    getAccount: mustGetOperatorView,
    listAccounts: (filter) =>
      store.listAccounts({ ...filter, limit: Math.min(Math.max(1, filter.limit ?? MAX_ACCOUNT_LIST), MAX_ACCOUNT_LIST) }),
    getBilling: (accountId) => store.getBilling(accountId),
    onTransition: (listener) => void transitionListeners.push(listener),
    onBlocked: (listener) => void blockedListeners.push(listener),
  };
}

/**
 * Why this account may not make this write now, or null when it may (ACC-04, ACC-05). Blocked and
 * suspended refuse every write whatever it uses; otherwise each named service must be on. An
 * empty `services` is a plain account write (a list, a contact, a form). Order: the harshest first.
 */
export function standingRefusal(
  account: Pick<AccountStandingRecord, 'standing' | 'restrictedServices' | 'review'>,
  services: readonly RestrictableService[],
): { code: CodeOfKind<'forbidden'>; message: string; service: RestrictableService | null } | null {
  const standing: Standing = account.standing;
  const first = services[0] ?? null;
  if (standing === 'blocked') {
    return {
      code: 'ACCOUNT_BLOCKED',
      message:
        'This account is blocked for a violation of the Anti-Spam Policy; its data can be read and exported, but nothing can be changed, imported or sent.',
      service: first,
    };
  }
  if (standing === 'suspended') {
    return {
      code: 'ACCOUNT_SUSPENDED',
      message:
        'This account is suspended until an operator reinstates it; its data can be read and exported, but nothing can be changed, imported or sent.',
      service: first,
    };
  }
  for (const service of services) {
    if (standing === 'restricted' && account.restrictedServices.includes(service)) {
      return { code: 'SERVICE_RESTRICTED', message: `The "${service}" service is switched off for this account.`, service };
    }
  }
  for (const service of services) {
    if (account.review !== 'none' && REVIEW_BLOCKED_SERVICES.includes(service)) {
      return {
        code: 'ACCOUNT_UNDER_REVIEW',
        message:
          account.review === 'pending'
            ? 'This account is waiting for signup review; sending starts once it is approved.'
            : "This account's signup was refused; it cannot send.",
        service,
      };
    }
  }
  return null;
}
