// IMP-05 compliance review of a held import. Approve: the hold is released and the contacts
// become sendable. Reject: every consent the import recorded gets a new 'withdrawn' event with
// the reason (the ledger is append-only: nothing is deleted). Both are audited and the customer
// is told by system mail and in the import's status.
import type { AuditLog } from '../audit/types.ts';
import { createConsentService } from '../consent/ledger.ts';
import type { ConsentStore } from '../consent/store.ts';
import type { NewConsentEvent } from '../consent/types.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { GateService } from '../gate/service.ts';
import type { Clock, Logger } from '../ports.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import { REVIEW_REJECTION_DECISION, type ImportRecord, type ImportStore } from './types.ts';

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const MIN_REVIEW_REASON_LENGTH = 3;
export const MAX_REVIEW_REASON_LENGTH = 1000;
/** Consent rows withdrawn per ledger append when an import is rejected. */
export const REJECT_PAGE = 2_000;

export interface ReviewDeps {
  store: ImportStore;
  consentStore: ConsentStore;
  clock: Clock;
  audit: AuditLog;
  systemMail: SystemMailSender;
  gate: Pick<GateService, 'releaseHold'>;
  logger: Logger;
}

export async function reviewImport(
  deps: ReviewDeps,
  importId: string,
  reviewer: { userId: string },
  decision: ReviewDecision,
  reason: string,
): Promise<ImportRecord> {
  const why = reason.trim();
  if (why.length < MIN_REVIEW_REASON_LENGTH || why.length > MAX_REVIEW_REASON_LENGTH) {
    throw invalid(
      'REVIEW_REASON_REQUIRED',
      `Give a reason (${MIN_REVIEW_REASON_LENGTH}–${MAX_REVIEW_REASON_LENGTH} characters).`,
    );
  }
  const rec = await deps.store.get(null, importId);
  if (!rec) throw notFound('IMPORT_NOT_FOUND', `No import ${importId}.`);
  if (rec.status !== 'held') throw conflict('IMPORT_NOT_HELD', `Import ${importId} is ${rec.status}, not waiting for review.`);
  const now = deps.clock.now().toISOString();
  let withdrawn = 0;
  if (decision === 'reject') {
    const consent = createConsentService({ store: deps.consentStore, clock: deps.clock });
    // Each page is withdrawn before the next is read, so the query itself moves forward.
    for (;;) {
      const page = await deps.store.heldPairs(rec.accountId, rec.id, null, REJECT_PAGE);
      if (page.length === 0) break;
      const events: NewConsentEvent[] = page.map((p) => ({
        contactId: p.contactId,
        listId: p.listId,
        channel: p.channel, // an API intake batch may hold SMS consent too
        kind: 'withdrawn' as const,
        sourceType: 'operator' as const,
        sourceId: reviewer.userId,
        textShown: '',
        occurredAt: now,
        evidence: { importId: rec.id, decision: REVIEW_REJECTION_DECISION, reason: why },
      }));
      for (let i = 0; i < events.length; i += 1000) await consent.record(rec.accountId, events.slice(i, i + 1000));
      withdrawn += events.length;
    }
  }
  const released = await deps.gate.releaseHold(rec.accountId, rec.id);
  const patch: Partial<ImportRecord> = {
    status: decision === 'approve' ? 'approved' : 'rejected',
    reviewReason: why,
    reviewedBy: reviewer.userId,
    reviewedAt: now,
    updatedAt: now,
  };
  await deps.store.update(rec.id, patch);
  await deps.audit.append({
    actor: { type: 'operator', id: reviewer.userId },
    accountId: rec.accountId,
    action: decision === 'approve' ? 'import.approved' : 'import.rejected',
    reason: why,
    rule: 'IMP-05',
    details: { importId: rec.id, riskScore: rec.riskScore, holdReasons: rec.holdReasons, released, withdrawn },
  });
  const owner = await deps.store.accountOwner(rec.accountId);
  if (owner) {
    await deps.systemMail.enqueue({
      to: owner.email,
      template: 'import-review-outcome',
      data: {
        accountName: owner.accountName,
        importName: rec.fileName ?? rec.id,
        decision: decision === 'approve' ? 'approve' : 'refuse',
        reason: why,
        // Approved: the contacts that received consent (rows without evidence are not sendable).
        contacts: decision === 'approve' ? rec.imported - rec.withoutEvidence : rec.imported,
      },
      language: owner.language ?? undefined,
      accountId: rec.accountId,
      category: 'critical',
    });
  } else {
    deps.logger.warn({ importId: rec.id, accountId: rec.accountId }, 'import review: the account has no owner to tell');
  }
  return { ...rec, ...patch };
}
