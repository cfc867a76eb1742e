// One committed batch of the apply phase (IMP-02, IMP-03, IMP-06): database-dependent row
// decisions, new contacts, consent events through the consent service's chain append, then the
// row outcomes and counters in one transaction. Re-running a batch after a crash duplicates
// nothing: contacts are found by address, events already recorded by this import are skipped,
// and the row outcomes are committed only with the batch's last row.
import { MAX_EVENTS_PER_APPEND, type ConsentService } from '../consent/ledger.ts';
import type { NewConsentEvent } from '../consent/types.ts';
import type { Candidate, Classified } from './classify.ts';
import {
  REVIEW_REJECTED,
  type BatchCounters,
  type ImportRecord,
  type ImportRowRecord,
  type ImportStore,
  type NewImportContact,
} from './types.ts';

export interface BatchContext {
  store: ImportStore;
  /** A consent service whose appends set the import's hold when the import is held (IMP-05). */
  consent: ConsentService;
  record: ImportRecord;
  now: string;
  newId: () => string;
}

const MAX_CLAIM_LENGTH = 200;

/** The text recorded as "shown": we were not shown the sign-up text, so we say exactly that. */
export function importTextShown(rec: ImportRecord): string {
  const desc = rec.sourceDescription ? ` (${rec.sourceDescription})` : '';
  return `Consent declared by the account in import ${rec.id}, source "${rec.source}"${desc}, under attestation v${rec.attestation.version}: "${rec.attestation.text}" The text the person saw was not provided.`;
}

export async function applyBatch(
  ctx: BatchContext,
  items: Classified[],
): Promise<{ rows: ImportRowRecord[]; counters: BatchCounters }> {
  const { store, record } = ctx;
  const accountId = record.accountId;
  const outcomes = new Map<number, ImportRowRecord>();
  const counters: BatchCounters = { rowsRead: items.length, imported: 0, quarantined: 0, rejected: 0, withoutEvidence: 0 };
  const reject = (rowNumber: number, email: string | null, reason: string) => {
    outcomes.set(rowNumber, { rowNumber, email, outcome: 'rejected', reason, contactId: null });
    counters.rejected++;
  };

  const candidates: Candidate[] = [];
  for (const it of items) {
    if (it.kind === 'rejected') reject(it.rowNumber, it.email, it.reason);
    else candidates.push(it.candidate);
  }

  // Suppressed here or anywhere on the platform (complaints, hard bounces, erasures): rejected.
  const suppressed = await store.platformSuppressions(
    accountId,
    candidates.map((c) => c.hash),
  );
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (suppressed.has(c.hash)) reject(c.rowNumber, c.email, 'suppressed');
    else kept.push(c);
  }

  const existing = await store.existingContacts(
    accountId,
    kept.map((c) => c.email),
  );
  const existingIds = [...existing.values()].map((e) => e.id);
  const statuses =
    existingIds.length > 0 ? await store.consentStatuses(accountId, existingIds, record.listIds) : new Map<string, string>();

  // Per candidate: which target lists get a consent event.
  const eventLists = new Map<number, string[]>();
  const toStore: Candidate[] = [];
  for (const c of kept) {
    const ex = existing.get(c.email);
    if (c.quarantine || !c.withEvidence) {
      toStore.push(c);
      continue;
    }
    const lists: string[] = [];
    let withdrawn = 0;
    for (const listId of record.listIds) {
      const st = ex ? statuses.get(`${ex.id}|${listId}`) : undefined;
      // Never re-grant what the person withdrew in this account; never reset an active or pending
      // consent. A consent a reviewer withdrew (a rejected import) is recorded again: the import
      // that brings it is held for review (processor.ts), so only a reviewer makes it sendable.
      if (st === 'withdrawn') withdrawn++;
      else if (st === undefined || st === REVIEW_REJECTED) lists.push(listId);
    }
    if (ex && withdrawn === record.listIds.length) {
      reject(c.rowNumber, c.email, 'previously-withdrawn');
      continue;
    }
    eventLists.set(c.rowNumber, lists);
    toStore.push(c);
  }

  const fresh: NewImportContact[] = [];
  for (const c of toStore) {
    if (existing.has(c.email)) continue;
    fresh.push({ id: ctx.newId(), email: c.email, emailHash: c.hash, attributes: c.attributes, language: c.language });
  }
  const inserted = fresh.length > 0 ? await store.insertContacts(accountId, fresh, ctx.now) : new Map<string, string>();
  const contactIdOf = (c: Candidate) => existing.get(c.email)?.id ?? inserted.get(c.email) ?? null;

  const withEvents = toStore.filter((c) => (eventLists.get(c.rowNumber)?.length ?? 0) > 0);
  const done =
    withEvents.length > 0
      ? await store.importedPairs(
          accountId,
          record.id,
          withEvents.map((c) => contactIdOf(c)).filter((x): x is string => x !== null),
        )
      : new Set<string>();
  const textShown = importTextShown(record);
  let pending: NewConsentEvent[] = [];
  const flush = async () => {
    if (pending.length > 0) await ctx.consent.record(accountId, pending);
    pending = [];
  };
  for (const c of withEvents) {
    const contactId = contactIdOf(c);
    if (!contactId) continue;
    const events: NewConsentEvent[] = [];
    for (const listId of eventLists.get(c.rowNumber) ?? []) {
      if (done.has(`${contactId}|${listId}`)) continue;
      events.push(...consentEventsFor(c, contactId, listId, record, textShown, ctx.now));
    }
    if (pending.length + events.length > MAX_EVENTS_PER_APPEND) await flush();
    pending.push(...events);
  }
  await flush();

  for (const c of toStore) {
    const contactId = contactIdOf(c);
    const merged = existing.has(c.email);
    if (c.quarantine) {
      outcomes.set(c.rowNumber, {
        rowNumber: c.rowNumber,
        email: c.email,
        outcome: 'quarantined',
        reason: c.quarantine,
        contactId,
      });
      counters.quarantined++;
      continue;
    }
    counters.imported++;
    let reason: string | null = merged ? 'merged' : null;
    if (!c.withEvidence) {
      counters.withoutEvidence++;
      reason = merged ? 'merged-no-consent-evidence' : 'no-consent-evidence';
    }
    outcomes.set(c.rowNumber, { rowNumber: c.rowNumber, email: c.email, outcome: 'imported', reason, contactId });
  }
  const rows = [...outcomes.values()].sort((a, b) => a.rowNumber - b.rowNumber);
  return { rows, counters };
}

const clip = (s: string) => s.slice(0, MAX_CLAIM_LENGTH);

/**
 * The consent events of one row and list. 'granted' at the claimed time; with a claimed
 * confirmation, 'requested' then 'confirmed' (the projection accepts a confirmation only of a
 * request). A claimed time in the future is recorded as now; the claim itself stays in evidence.
 */
export function consentEventsFor(
  c: Candidate,
  contactId: string,
  listId: string,
  rec: ImportRecord,
  textShown: string,
  now: string,
): NewConsentEvent[] {
  const claimed: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.evidence.claimed)) claimed[k] = clip(v);
  const evidence = { importId: rec.id, importSource: rec.source, rowNumber: c.rowNumber, claimed };
  const at = (t: string | null) => (t && t <= now ? t : now);
  const base = {
    contactId,
    listId,
    channel: 'email' as const,
    sourceType: 'import' as const,
    sourceId: rec.id,
    textShown,
    ip: c.evidence.claimed.OPTIN_IP ? clip(c.evidence.claimed.OPTIN_IP) : null,
    evidence,
  };
  if (c.evidence.confirmAt) {
    const optin = at(c.evidence.optinAt);
    const confirm = at(c.evidence.confirmAt) < optin ? optin : at(c.evidence.confirmAt);
    return [
      { ...base, kind: 'requested', occurredAt: optin },
      {
        ...base,
        kind: 'confirmed',
        occurredAt: confirm,
        confirmedAt: confirm,
        confirmIp: c.evidence.claimed.CONFIRM_IP ? clip(c.evidence.claimed.CONFIRM_IP) : null,
      },
    ];
  }
  return [{ ...base, kind: 'granted', occurredAt: at(c.evidence.optinAt) }];
}
