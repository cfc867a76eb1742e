// The import job (IMP-04..06). Two passes over the stored upload:
//   analyse — read every row, touch nothing: structural errors fail the file before any write;
//             forensics and the review decision are known before the first contact exists.
//   apply   — committed batches of IMPORT_BATCH_ROWS; `last_committed_row` is written with each
//             batch, so a restarted job skips what is committed and duplicates nothing.
import { createConsentService, type ConsentService } from '../consent/ledger.ts';
import type { ConsentStore } from '../consent/store.ts';
import { AppError, unprocessable } from '../errors.ts';
import type { Clock, Logger } from '../ports.ts';
import type { StandingGate } from '../standing/ports.ts';
import { applyBatch } from './apply-batch.ts';
import { holdReasons } from './hold.ts';
import { classifyRecord, dedupeKey, type Candidate, type Classified } from './classify.ts';
import { openCsv } from './csv-reader.ts';
import { createForensicCollector, scoreImport, type ForensicReport } from './forensics.ts';
import { KeySet52 } from './key-set.ts';
import { IMPORT_BATCH_ROWS, MAX_IMPORT_ROWS } from './limits.ts';
import { resolveMapping } from './mapping.ts';
import { REVIEW_REJECTED, type ImportRecord, type ImportStore } from './types.ts';

export interface ProcessorDeps {
  store: ImportStore;
  consentStore: ConsentStore;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** ACC-09: asked per job and inside each batch; a refusal stops the import with the reason. */
  standing: StandingGate;
  batchRows?: number;
  /** Most data rows of one import (limits.ts MAX_IMPORT_ROWS). */
  maxRows?: number;
  /** Called after each committed batch (progress bars; tests simulate a crash by throwing). */
  onBatch?: (rec: { importId: string; lastRow: number; totalRows: number | null }) => void | Promise<void>;
}

const FINAL = new Set(['held', 'approved', 'rejected', 'completed', 'failed']);

/** A consent service whose appends also set `hold` on every state they write (IMP-05). */
export function holdingConsent(store: ConsentStore, clock: Clock, hold: string | null): ConsentService {
  if (!hold) return createConsentService({ store, clock });
  const held: ConsentStore = {
    ...store,
    append: (accountId, keys, plan) =>
      store.append(accountId, keys, (head, states) => {
        const p = plan(head, states);
        return { events: p.events, states: p.states.map((s) => ({ ...s, hold })) };
      }),
  };
  return createConsentService({ store: held, clock });
}

export async function processImport(deps: ProcessorDeps, importId: string): Promise<ImportRecord | null> {
  let rec = await deps.store.get(null, importId);
  if (!rec || FINAL.has(rec.status)) return rec;
  const now = () => deps.clock.now().toISOString();
  if (rec.status !== 'processing') {
    await deps.store.update(rec.id, { status: 'processing', updatedAt: now() });
    rec = { ...rec, status: 'processing' };
  }
  try {
    // ACC-09: a job of a blocked, suspended or import-restricted account does not start (failed, with the reason).
    await deps.standing.assertServiceAllowed(rec.accountId, 'import');
    if (rec.phase === 'analyse') rec = await analyse(deps, rec);
    if (rec.phase === 'apply') rec = await apply(deps, rec);
    return rec;
  } catch (err) {
    if (err instanceof AppError && err.kind !== 'unavailable') {
      // A property of the file (IMP-06 bad input): the import fails with the reason, nothing applied.
      const error = { code: err.code, message: err.message, details: err.details };
      await deps.store.update(rec.id, { status: 'failed', error, updatedAt: now() });
      await deps.store.deleteBlob(rec.id);
      return { ...rec, status: 'failed', error };
    }
    throw err; // infrastructure trouble: the queue retries and the job resumes
  }
}

async function open(deps: ProcessorDeps, rec: ImportRecord) {
  const csv = await openCsv(deps.store.readBlob(rec.id), {
    encoding: rec.encoding ?? undefined,
    delimiter: rec.delimiter ?? undefined,
  });
  const { mapping, resolved } = resolveMapping(csv.layout.header, rec.mapping, csv.layout.addressColumn);
  const file = {
    consentDate: rec.consentDate,
    source: rec.source,
    sourceDescription: rec.sourceDescription,
    importedAt: rec.createdAt,
  };
  return { csv, mapping, resolved, file };
}

async function analyse(deps: ProcessorDeps, rec: ImportRecord): Promise<ImportRecord> {
  const { csv, mapping, resolved, file } = await open(deps, rec);
  const [createdAt, verified] = await Promise.all([
    deps.store.accountCreatedAt(rec.accountId),
    deps.store.verifiedContacts(rec.accountId),
  ]);
  const collector = createForensicCollector({
    now: rec.createdAt,
    accountCreatedAt: createdAt ?? rec.createdAt,
    verifiedContacts: verified,
  });
  const seen = new KeySet52();
  let rows = 0;
  let reviewRejected = 0;
  let batch: Array<Extract<Classified, { kind: 'candidate' }>['candidate']> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const suppressed = await deps.store.platformSuppressions(
      rec.accountId,
      batch.map((c) => c.hash),
    );
    for (const c of batch) {
      collector.observe({ ...c, email: c.email, suppressedElsewhere: suppressed.has(c.hash), consentAt: c.evidence.optinAt });
    }
    reviewRejected += await countReviewRejected(deps.store, rec, batch);
    batch = [];
  };
  const maxRows = deps.maxRows ?? MAX_IMPORT_ROWS;
  for await (const r of csv.records) {
    rows++;
    if (rows > maxRows) {
      await csv.close();
      throw unprocessable('IMPORT_TOO_MANY_ROWS', `The file has more than ${maxRows} rows; split it.`, { maxRows });
    }
    collector.countRow();
    const k = classifyRecord(r, resolved, file);
    if (k.kind !== 'candidate') continue;
    const key = dedupeKey(k.candidate.hash);
    if (seen.has(key)) continue;
    seen.add(key);
    batch.push(k.candidate);
    if (batch.length >= (deps.batchRows ?? IMPORT_BATCH_ROWS)) await flush();
  }
  await flush();
  const report: ForensicReport = scoreImport(collector.finish());
  // One source of truth for the row count: the forensics' own (every row read) feeds the hold text.
  const reasons = holdReasons(report.stats.rows, verified, report.score, reviewRejected);
  const patch: Partial<ImportRecord> = {
    phase: 'apply',
    mapping,
    encoding: csv.layout.encoding,
    delimiter: csv.layout.delimiter,
    totalRows: rows,
    riskScore: report.score,
    forensics: report,
    holdReasons: reasons,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.update(rec.id, patch);
  // Stop reading: the generator is not needed further.
  await csv.records.return(undefined);
  return { ...rec, ...patch };
}

/** Candidates whose consent to a target list a reviewer withdrew by rejecting an earlier import. */
async function countReviewRejected(store: ImportStore, rec: ImportRecord, batch: Candidate[]): Promise<number> {
  const existing = await store.existingContacts(
    rec.accountId,
    batch.map((c) => c.email),
  );
  if (existing.size === 0) return 0;
  const ids = [...existing.values()].map((e) => e.id);
  const statuses = await store.consentStatuses(rec.accountId, ids, rec.listIds);
  return ids.filter((id) => rec.listIds.some((l) => statuses.get(`${id}|${l}`) === REVIEW_REJECTED)).length;
}

async function apply(deps: ProcessorDeps, rec: ImportRecord): Promise<ImportRecord> {
  const { csv, resolved, file } = await open(deps, rec);
  const held = (rec.holdReasons?.length ?? 0) > 0;
  const consent = holdingConsent(deps.consentStore, deps.clock, held ? rec.id : null);
  const seen = new KeySet52();
  const size = deps.batchRows ?? IMPORT_BATCH_ROWS;
  let current = rec;
  let items: Classified[] = [];
  let lastRow = rec.lastCommittedRow;
  const commit = async () => {
    if (items.length === 0) return;
    const at = deps.clock.now().toISOString();
    const last = items[items.length - 1]!;
    const lastNumber = last.kind === 'candidate' ? last.candidate.rowNumber : last.rowNumber;
    const batch = items;
    const { counters } = await deps.store.batchUnit(async () => {
      // ACC-09: asked again in the batch's own transaction, so a block stops the import at its next
      // batch and nothing more is recorded; the refusal fails the import with the standing's reason.
      await deps.standing.assertServiceAllowed(rec.accountId, 'import');
      const applied = await applyBatch({ store: deps.store, consent, record: current, now: at, newId: deps.newId }, batch);
      await deps.store.commitBatch(rec.id, applied.rows, applied.counters, lastNumber, at);
      return applied;
    });
    current = {
      ...current,
      lastCommittedRow: lastNumber,
      rowsRead: current.rowsRead + counters.rowsRead,
      imported: current.imported + counters.imported,
      quarantined: current.quarantined + counters.quarantined,
      rejected: current.rejected + counters.rejected,
      withoutEvidence: current.withoutEvidence + counters.withoutEvidence,
    };
    items = [];
    await deps.onBatch?.({ importId: rec.id, lastRow: lastNumber, totalRows: rec.totalRows });
  };
  for await (const r of csv.records) {
    let k = classifyRecord(r, resolved, file);
    if (k.kind === 'candidate') {
      const key = dedupeKey(k.candidate.hash);
      if (seen.has(key)) k = { kind: 'rejected', rowNumber: r.rowNumber, email: k.candidate.email, reason: 'duplicate-in-file' };
      else seen.add(key);
    }
    // Committed before a restart: only the duplicate set needs these rows.
    if (r.rowNumber <= lastRow) continue;
    items.push(k);
    if (items.length >= size) await commit();
  }
  await commit();
  lastRow = current.lastCommittedRow;
  const status = held ? 'held' : 'completed';
  const patch: Partial<ImportRecord> = { status, phase: 'done', updatedAt: deps.clock.now().toISOString() };
  await deps.store.update(rec.id, patch);
  // IMP-06: the upload is no longer needed once every row has its outcome (the report is in import_rows).
  await deps.store.deleteBlob(rec.id);
  return { ...current, ...patch, lastCommittedRow: lastRow };
}
