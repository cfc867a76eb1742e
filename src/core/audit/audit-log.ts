// The append-only audit log (ACC-04): validate, stamp with an id and a time, insert. There is no
// update or delete here or in the store, on purpose.
import { randomUUID } from 'node:crypto';
import { invalid } from '../errors.ts';
import type { Clock } from '../ports.ts';
import {
  AUDIT_ACTOR_TYPES,
  DEFAULT_AUDIT_PAGE,
  MAX_AUDIT_ACTION_LENGTH,
  MAX_AUDIT_PAGE,
  MAX_AUDIT_REASON_LENGTH,
  MAX_AUDIT_RULE_LENGTH,
  type AuditEntryInput,
  type AuditLog,
  type AuditRow,
  type AuditStore,
} from './types.ts';

/** Checks an entry and gives it an id and time; shared with stores that append inside their own transaction. */
export function prepareAuditRow(entry: AuditEntryInput, at: Date): AuditRow {
  const reason = normalizeReason(entry.reason);
  if (!AUDIT_ACTOR_TYPES.includes(entry.actor.type) || entry.actor.id.trim() === '') {
    throw invalid('AUDIT_ACTOR_INVALID', 'An audit entry needs an actor type and id.');
  }
  const action = entry.action.trim();
  if (action === '' || action.length > MAX_AUDIT_ACTION_LENGTH) {
    throw invalid('AUDIT_ACTION_INVALID', `An audit action is 1-${MAX_AUDIT_ACTION_LENGTH} characters.`);
  }
  const rule = entry.rule?.trim() || null;
  if (rule !== null && rule.length > MAX_AUDIT_RULE_LENGTH) {
    throw invalid('RULE_TOO_LONG', `A rule id is at most ${MAX_AUDIT_RULE_LENGTH} characters.`);
  }
  return {
    id: randomUUID(),
    at: at.toISOString(),
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    accountId: entry.accountId,
    action,
    reason,
    rule,
    details: entry.details ?? {},
  };
}

/** ACC-04: every transition has a reason; empty or oversize reasons are refused with a clear code. */
export function normalizeReason(reason: string): string {
  const r = reason.trim();
  if (r === '') throw invalid('REASON_REQUIRED', 'Give a reason: it is recorded in the audit log and told to the customer.');
  if (r.length > MAX_AUDIT_REASON_LENGTH) {
    throw invalid('REASON_TOO_LONG', `A reason is at most ${MAX_AUDIT_REASON_LENGTH} characters.`);
  }
  return r;
}

export function createAuditLog(deps: { store: AuditStore; clock: Clock }): AuditLog {
  return {
    async append(entry) {
      return deps.store.insert(prepareAuditRow(entry, deps.clock.now()));
    },
    async list(filter = {}) {
      const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_AUDIT_PAGE), MAX_AUDIT_PAGE);
      return deps.store.list({ ...filter, limit });
    },
  };
}
