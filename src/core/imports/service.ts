// The import service: start (declaration + upload), preview, status, report, and the compliance
// review (IMP-01..06). The heavy work runs in the `import.process` job (processor.ts).
import { createHash } from 'node:crypto';
import { checkConsentTime } from '../consent/intake-policy.ts';
import { IMPORT_REVIEW_ROW_THRESHOLD } from '../../../policy/imports.ts';
import type { Actor, AuditLog } from '../audit/types.ts';
import type { ConsentStore } from '../consent/store.ts';
import { invalid, notFound, tooLarge, AppError } from '../errors.ts';
import type { GateService } from '../gate/service.ts';
import type { Clock, Logger, Queue } from '../ports.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import type { StandingGate } from '../standing/ports.ts';
import { openCsv, type Delimiter } from './csv-reader.ts';
import type { ImportEncoding } from './encoding.ts';
import { BLOB_CHUNK_BYTES, defaultImportLimits, PREVIEW_ROWS, type ImportLimits } from './limits.ts';
import { detectMapping, type ColumnMapping } from './mapping.ts';
import { processImport } from './processor.ts';
import { checkDeclaration, type Attester, type Declaration } from './provenance.ts';
import { reviewImport, type ReviewDecision } from './review.ts';
import type { ImportRecord, ImportRowRecord, ImportStatus, ImportStore } from './types.ts';
import { newId as uuidV7 } from '../ids.ts';

export const IMPORT_PROCESS_JOB = 'import.process';
export const IMPORT_JOB_RETRY_LIMIT = 5;
export const IMPORT_LIST_MAX = 100;
export const MAX_IMPORT_LISTS = 20;
export const REPORT_PAGE_ROWS = 5_000;

export interface StartImportInput {
  accountId: string;
  declaration: Declaration;
  listIds: string[];
  mapping?: ColumnMapping | null;
  encoding?: ImportEncoding | null;
  consentDate?: string | null;
  allowDuplicate?: boolean;
  fileName?: string | null;
  who: Attester;
  /** Who is recorded in the audit log (a user, an API key, the CLI). */
  actor?: Actor;
  /** false = the caller processes the import itself (the CLI, with its progress bar). */
  enqueue?: boolean;
  file: AsyncIterable<Uint8Array>;
}

export interface ImportPreview {
  encoding: ImportEncoding;
  delimiter: Delimiter;
  header: string[];
  hasHeader: boolean;
  mapping: ColumnMapping;
  rows: string[][];
}

export interface ImportDeps {
  store: ImportStore;
  consentStore: ConsentStore;
  queue: Queue;
  clock: Clock;
  logger: Logger;
  standing: StandingGate;
  audit: AuditLog;
  systemMail: SystemMailSender;
  gate: Pick<GateService, 'releaseHold'>;
  newId?: () => string;
  batchRows?: number;
  limits?: Partial<ImportLimits>;
}

export type ImportService = ReturnType<typeof createImportService>;

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function createImportService(deps: ImportDeps) {
  const newId = deps.newId ?? (() => uuidV7(deps.clock));
  /** Read at each use; the HTTP upload limit is taken from here per request. */
  const limits: ImportLimits = { ...defaultImportLimits(), ...deps.limits };
  const processorDeps = () => ({
    store: deps.store,
    consentStore: deps.consentStore,
    clock: deps.clock,
    logger: deps.logger,
    newId,
    standing: deps.standing,
    batchRows: deps.batchRows,
    maxRows: limits.maxRows,
  });

  async function get(accountId: string | null, id: string): Promise<ImportRecord> {
    const rec = await deps.store.get(accountId, id);
    if (!rec) throw notFound('IMPORT_NOT_FOUND', accountId ? 'No such import in this account.' : 'No such import.');
    return rec;
  }

  /**
   * Streams the upload into the blob store (hashing as it goes), bounded by the upload limit and
   * by what the account still has stored. The caller deletes the blob when this throws.
   */
  async function storeUpload(
    accountId: string,
    id: string,
    file: AsyncIterable<Uint8Array>,
  ): Promise<{ sha256: string; bytes: number }> {
    const room = limits.maxAccountPendingBytes - (await deps.store.pendingUploadBytes(accountId));
    const hash = createHash('sha256');
    let bytes = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      await deps.store.appendBlob(id, seq++, Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of file) {
      bytes += chunk.byteLength;
      if (bytes > limits.maxUploadBytes)
        throw tooLarge('IMPORT_TOO_LARGE', `The file is larger than ${mib(limits.maxUploadBytes)} MB; split it.`, {
          maxBytes: limits.maxUploadBytes,
        });
      if (bytes > room)
        throw tooLarge(
          'IMPORT_STORAGE_FULL',
          `This account already has ${mib(limits.maxAccountPendingBytes - room)} MB of uploads waiting to be imported; at most ${mib(limits.maxAccountPendingBytes)} MB are kept at once. Wait for them to finish.`,
          { maxAccountPendingBytes: limits.maxAccountPendingBytes },
        );
      hash.update(chunk);
      pending.push(Buffer.from(chunk));
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= BLOB_CHUNK_BYTES) await flush();
    }
    await flush();
    return { sha256: hash.digest('hex'), bytes };
  }

  async function checkLists(accountId: string, listIds: string[]): Promise<string[]> {
    const ids = [...new Set(listIds)];
    if (ids.length === 0) throw invalid('IMPORT_LISTS_REQUIRED', 'Choose at least one list: consent is per purpose (IMP-02).');
    if (ids.length > MAX_IMPORT_LISTS) throw invalid('IMPORT_TOO_MANY_LISTS', `At most ${MAX_IMPORT_LISTS} lists per import.`);
    const channels = await deps.consentStore.listChannels(accountId, ids);
    for (const id of ids) {
      const ch = channels.get(id);
      if (!ch) throw notFound('LIST_NOT_FOUND', `No list ${id} in this account.`);
      if (ch !== 'email') throw invalid('IMPORT_LIST_CHANNEL', `List ${id} is an ${ch} list; imports add email addresses.`);
    }
    return ids;
  }

  return {
    /** Everything that can be refused without the file is refused first: nothing is stored then. */
    async validateStart(accountId: string, declaration: Declaration, listIds: string[], who: Attester) {
      await deps.standing.assertServiceAllowed(accountId, 'import');
      const checked = checkDeclaration(declaration, who);
      await checkLists(accountId, listIds);
      return checked;
    },

    async start(input: StartImportInput): Promise<ImportRecord> {
      await deps.standing.assertServiceAllowed(input.accountId, 'import');
      const declared = checkDeclaration(input.declaration, input.who);
      const listIds = await checkLists(input.accountId, input.listIds);
      if (input.consentDate != null && input.consentDate !== '' && Number.isNaN(Date.parse(input.consentDate))) {
        throw invalid('IMPORT_CONSENT_DATE_INVALID', 'consentDate must be an ISO date.');
      }
      // CON-13: the file's consent date cannot lie after the import (refused before anything is stored).
      if (input.consentDate) checkConsentTime('consentDate', input.consentDate, deps.clock.now());
      const id = newId();
      let upload: { sha256: string; bytes: number };
      try {
        upload = await storeUpload(input.accountId, id, input.file);
        if (upload.bytes === 0) throw invalid('IMPORT_EMPTY', 'The file is empty.');
        if (!input.allowDuplicate) {
          const same = await deps.store.findBySha(input.accountId, upload.sha256);
          if (same.length > 0) {
            throw new AppError(
              'IMPORT_DUPLICATE_FILE',
              `This file was already imported (import ${same[0]!.id}); send allowDuplicate to import it again.`,
              { importId: same[0]!.id },
            );
          }
        }
      } catch (err) {
        await deps.store.deleteBlob(id);
        throw err;
      }
      const now = deps.clock.now().toISOString();
      const rec: ImportRecord = {
        id,
        accountId: input.accountId,
        status: 'uploaded',
        phase: 'analyse',
        fileName: input.fileName?.slice(0, 255) ?? null,
        fileSha256: upload.sha256,
        fileBytes: upload.bytes,
        source: declared.source,
        sourceDescription: declared.sourceDescription,
        attestation: declared.attestation,
        listIds,
        mapping: input.mapping && Object.keys(input.mapping).length > 0 ? input.mapping : null,
        encoding: input.encoding ?? null,
        delimiter: null,
        consentDate: input.consentDate || null,
        rowsRead: 0,
        imported: 0,
        quarantined: 0,
        rejected: 0,
        withoutEvidence: 0,
        totalRows: null,
        lastCommittedRow: 0,
        riskScore: null,
        forensics: null,
        holdReasons: null,
        error: null,
        reviewReason: null,
        reviewedBy: null,
        reviewedAt: null,
        createdBy: input.who.userId,
        createdAt: now,
        updatedAt: now,
      };
      await deps.store.insert(rec);
      await deps.audit.append({
        actor: input.actor ?? (input.who.userId ? { type: 'user', id: input.who.userId } : { type: 'system', id: 'import' }),
        accountId: input.accountId,
        action: 'import.started',
        reason: `Import declared from source "${declared.source}" with the attestation v${declared.attestation.version}.`,
        rule: 'IMP-01',
        details: {
          importId: id,
          source: declared.source,
          sourceDescription: declared.sourceDescription,
          listIds,
          fileSha256: upload.sha256,
          ip: input.who.ip,
        },
      });
      if (input.enqueue === false) return rec;
      await deps.queue.send(
        IMPORT_PROCESS_JOB,
        { importId: id },
        { singletonKey: `${IMPORT_PROCESS_JOB}:${id}`, retryLimit: IMPORT_JOB_RETRY_LIMIT, retryDelaySeconds: 5 },
      );
      return rec;
    },

    async preview(
      file: AsyncIterable<Uint8Array>,
      options: { encoding?: ImportEncoding; delimiter?: Delimiter } = {},
    ): Promise<ImportPreview> {
      const csv = await openCsv(file, options);
      const rows: string[][] = [];
      try {
        for await (const r of csv.records) {
          rows.push(r.fields ?? r.text);
          if (rows.length >= PREVIEW_ROWS) break;
        }
      } finally {
        // Only the head is read (SNIFF_BYTES for encoding and delimiter, then PREVIEW_ROWS records):
        // the answer never waits for the rest of the upload, whatever its size. The HTTP layer
        // discards a small unread rest or closes the connection (routes/imports/index.ts onSend).
        await csv.close();
      }
      const { addressColumn, ...layout } = csv.layout;
      return { ...layout, mapping: detectMapping(csv.layout.header, addressColumn), rows };
    },

    /** Runs (or resumes) the import job. */
    process: (importId: string, onBatch?: Parameters<typeof processImport>[0]['onBatch']) =>
      processImport({ ...processorDeps(), onBatch }, importId),

    get: (accountId: string, id: string) => get(accountId, id),
    getAny: (id: string) => get(null, id),
    list: (accountId: string, limit = IMPORT_LIST_MAX) => deps.store.list(accountId, Math.min(limit, IMPORT_LIST_MAX)),
    queue: (status: ImportStatus, limit = IMPORT_LIST_MAX) => deps.store.listByStatus(status, Math.min(limit, IMPORT_LIST_MAX)),

    /** IMP-06: the row report as CSV lines, streamed page by page. */
    async *reportCsv(accountId: string, id: string): AsyncGenerator<string> {
      await get(accountId, id);
      yield 'row,email,outcome,reason\r\n';
      let after = 0;
      for (;;) {
        const page: ImportRowRecord[] = await deps.store.rows(id, after, REPORT_PAGE_ROWS);
        if (page.length === 0) break;
        yield (
          page.map((r) => [r.rowNumber, r.email ?? '', r.outcome, r.reason ?? ''].map(csvCell).join(',')).join('\r\n') + '\r\n'
        );
        after = page[page.length - 1]!.rowNumber;
      }
    },

    review: (importId: string, reviewer: { userId: string }, decision: ReviewDecision, reason: string) =>
      reviewImport(
        {
          store: deps.store,
          consentStore: deps.consentStore,
          clock: deps.clock,
          audit: deps.audit,
          systemMail: deps.systemMail,
          gate: deps.gate,
          logger: deps.logger,
        },
        importId,
        reviewer,
        decision,
        reason,
      ),

    limits,

    /** Used by the policy page and the UI. */
    reviewRowThreshold: IMPORT_REVIEW_ROW_THRESHOLD,
  };
}

/** RFC 4180 cell; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
