// SQL for imports (IMP-01..06), the same on both engines. Reads of other areas' tables
// (contacts, consent_state, consent_events, suppressions, accounts) are read-only lookups in
// batches; the only writes outside our tables are new contact rows (never consent: the import
// records consent through the consent service's chain append).
import { sql, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import { AttestationSchema } from '../../core/imports/provenance.ts';
import { ColumnMappingSchema } from '../../core/imports/mapping.ts';
import {
  IMPORT_SAMPLE_STATUSES,
  IMPORT_STATUSES,
  REVIEW_REJECTED,
  REVIEW_REJECTION_DECISION,
  type ImportRecord,
  type ImportRowRecord,
  type ImportStore,
} from '../../core/imports/types.ts';
import { CHANNELS } from '../../core/consent/types.ts';
import { ROW_OUTCOMES } from '../../core/imports/classify.ts';
import { IMPORT_ENCODINGS } from '../../core/imports/encoding.ts';
import { DELIMITERS } from '../../core/imports/csv-reader.ts';
import { insertRows } from '../bulk.ts';
import type { Database } from '../database.ts';
import type { ImportsTable } from '../schema/imports.ts';

/** Ids or hashes per IN (…) list. */
export const IMPORT_ID_CHUNK = 1_000;
/** Suppression reasons of OTHER accounts that count against an import (IMP-03). */
export const CROSS_ACCOUNT_SUPPRESSIONS = ['complaint', 'hard-bounce', 'erased'];

const ForensicsJson = z.record(z.string(), z.unknown());
const ErrorJson = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
const StringArray = z.array(z.string());

const CONTACT_COLUMNS = [
  'id',
  'account_id',
  'email',
  'phone',
  'email_hash',
  'phone_hash',
  'attributes',
  'language',
  'time_zone',
  'created_at',
  'erased_at',
] as const;

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const parse = <T>(schema: z.ZodType<T>, v: string | null): T | null => (v === null ? null : schema.parse(JSON.parse(v)));

interface SampleColumns {
  sample_campaign_id: string | null;
  sample_status: string | null;
  sample_reason: string | null;
  sample_settled_at: string | null;
}

function toRecordWithSample(r: Selectable<ImportsTable> & SampleColumns): ImportRecord {
  const sample =
    r.sample_status === null || r.sample_campaign_id === null
      ? null
      : {
          campaignId: r.sample_campaign_id,
          status: z.enum(IMPORT_SAMPLE_STATUSES).parse(r.sample_status),
          reason: r.sample_reason,
          settledAt: r.sample_settled_at,
        };
  return { ...toRecord(r), sample };
}

function toRecord(r: Selectable<ImportsTable>): ImportRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    status: z.enum(IMPORT_STATUSES).parse(r.status),
    phase: z.enum(['analyse', 'apply', 'done']).parse(r.phase),
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileBytes: Number(r.file_bytes),
    source: r.source,
    sourceDescription: r.source_description,
    attestation: AttestationSchema.parse(JSON.parse(r.attestation)),
    listIds: StringArray.parse(JSON.parse(r.list_ids)),
    mapping: parse(ColumnMappingSchema, r.mapping),
    encoding: r.encoding === null ? null : z.enum(IMPORT_ENCODINGS).parse(r.encoding),
    delimiter: r.delimiter === null ? null : z.enum(DELIMITERS).parse(r.delimiter),
    consentDate: r.consent_date,
    rowsRead: Number(r.rows_read),
    imported: Number(r.imported),
    quarantined: Number(r.quarantined),
    rejected: Number(r.rejected),
    withoutEvidence: Number(r.without_evidence),
    totalRows: r.total_rows === null ? null : Number(r.total_rows),
    lastCommittedRow: Number(r.last_committed_row),
    riskScore: r.risk_score === null ? null : Number(r.risk_score),
    // The report is our own JSON, validated as an object when read back.
    forensics: parse(ForensicsJson, r.forensics) as ImportRecord['forensics'],
    holdReasons: parse(StringArray, r.hold_reasons),
    error: parse(ErrorJson, r.error),
    reviewReason: r.review_reason,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumns(p: Partial<ImportRecord>): Updateable<ImportsTable> {
  const c: Updateable<ImportsTable> = {};
  if (p.status !== undefined) c.status = p.status;
  if (p.phase !== undefined) c.phase = p.phase;
  if (p.mapping !== undefined) c.mapping = json(p.mapping);
  if (p.encoding !== undefined) c.encoding = p.encoding;
  if (p.delimiter !== undefined) c.delimiter = p.delimiter;
  if (p.totalRows !== undefined) c.total_rows = p.totalRows;
  if (p.riskScore !== undefined) c.risk_score = p.riskScore;
  if (p.forensics !== undefined) c.forensics = json(p.forensics);
  if (p.holdReasons !== undefined) c.hold_reasons = json(p.holdReasons);
  if (p.error !== undefined) c.error = json(p.error);
  if (p.reviewReason !== undefined) c.review_reason = p.reviewReason;
  if (p.reviewedBy !== undefined) c.reviewed_by = p.reviewedBy;
  if (p.reviewedAt !== undefined) c.reviewed_at = p.reviewedAt;
  if (p.updatedAt !== undefined) c.updated_at = p.updatedAt;
  return c;
}

export function createImportStore(database: Database): ImportStore {
  const { db } = database;
  /** The import with its first-campaign sample (IMP-07), when the send engine has written one. */
  const withSample = () =>
    db
      .selectFrom('imports')
      .leftJoin('import_samples as s', 's.import_id', 'imports.id')
      .selectAll('imports')
      .select([
        's.campaign_id as sample_campaign_id',
        's.status as sample_status',
        's.reason as sample_reason',
        's.settled_at as sample_settled_at',
      ]);
  return {
    async insert(r) {
      await db
        .insertInto('imports')
        .values({
          id: r.id,
          account_id: r.accountId,
          status: r.status,
          phase: r.phase,
          file_name: r.fileName,
          file_sha256: r.fileSha256,
          file_bytes: r.fileBytes,
          source: r.source,
          source_description: r.sourceDescription,
          attestation: JSON.stringify(r.attestation),
          list_ids: JSON.stringify(r.listIds),
          mapping: json(r.mapping),
          encoding: r.encoding,
          delimiter: r.delimiter,
          consent_date: r.consentDate,
          created_by: r.createdBy,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
        })
        .execute();
    },
    async get(accountId, id) {
      let q = withSample().where('imports.id', '=', id);
      if (accountId !== null) q = q.where('imports.account_id', '=', accountId);
      const r = await q.executeTakeFirst();
      return r ? toRecordWithSample(r) : null;
    },
    async list(accountId, limit) {
      const rows = await withSample()
        .where('imports.account_id', '=', accountId)
        .orderBy('imports.created_at', 'desc')
        .orderBy('imports.id')
        .limit(limit)
        .execute();
      return rows.map(toRecordWithSample);
    },
    async listByStatus(status, limit) {
      const rows = await withSample().where('imports.status', '=', status).orderBy('imports.created_at').limit(limit).execute();
      return rows.map(toRecordWithSample);
    },
    async update(id, patch) {
      const set = toColumns(patch);
      if (Object.keys(set).length > 0) await db.updateTable('imports').set(set).where('id', '=', id).execute();
    },
    async findBySha(accountId, sha) {
      const rows = await db
        .selectFrom('imports')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('file_sha256', '=', sha)
        .where('status', '!=', 'failed')
        .execute();
      return rows.map(toRecord);
    },

    async pendingUploadBytes(accountId) {
      // Blobs are kept while an import waits or runs (deleted when it ends or fails).
      const r = await db
        .selectFrom('imports')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('file_bytes'), eb.lit(0)).as('n'))
        .where('account_id', '=', accountId)
        .where('status', 'in', ['uploaded', 'processing'])
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    async appendBlob(id, seq, bytes) {
      await db
        .insertInto('import_blobs')
        .values({ import_id: id, seq, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
        .execute();
    },
    async *readBlob(id) {
      // One chunk per query: memory holds one chunk whatever the file size.
      let seq = -1;
      for (;;) {
        const r = await db
          .selectFrom('import_blobs')
          .select(['seq', 'bytes'])
          .where('import_id', '=', id)
          .where('seq', '>', seq)
          .orderBy('seq')
          .limit(1)
          .executeTakeFirst();
        if (!r) return;
        seq = Number(r.seq);
        yield r.bytes instanceof Uint8Array ? r.bytes : Buffer.from(r.bytes as ArrayBuffer);
      }
    },
    async deleteBlob(id) {
      await db.deleteFrom('import_blobs').where('import_id', '=', id).execute();
    },

    async accountCreatedAt(accountId) {
      const r = await db.selectFrom('accounts').select('created_at').where('id', '=', accountId).executeTakeFirst();
      return r?.created_at ?? null;
    },
    async verifiedContacts(accountId) {
      const r = await db
        .selectFrom('consent_state')
        .select((eb) => eb.fn.count<number>('contact_id').distinct().as('n'))
        .where('account_id', '=', accountId)
        .where('status', '=', 'active')
        .where('hold', 'is', null)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async accountOwner(accountId) {
      const r = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .innerJoin('accounts', 'accounts.id', 'memberships.account_id')
        .select(['users.email as email', 'users.language as language', 'accounts.name as accountName'])
        .where('memberships.account_id', '=', accountId)
        .where('memberships.role', '=', 'owner')
        .orderBy('memberships.created_at')
        .executeTakeFirst();
      return r ? { email: r.email, language: r.language, accountName: r.accountName } : null;
    },

    async existingContacts(accountId, emails) {
      const out = new Map<string, { id: string; email: string }>();
      for (const part of chunk([...new Set(emails)], IMPORT_ID_CHUNK)) {
        if (part.length === 0) continue;
        const rows = await db
          .selectFrom('contacts')
          .select(['id', 'email'])
          .where('account_id', '=', accountId)
          .where('email', 'in', part)
          .execute();
        for (const r of rows) if (r.email) out.set(r.email, { id: r.id, email: r.email });
      }
      return out;
    },
    async consentStatuses(accountId, contactIds, listIds) {
      const out = new Map<string, string>();
      for (const part of chunk(contactIds, IMPORT_ID_CHUNK)) {
        const rows = await db
          .selectFrom('consent_state as s')
          .innerJoin('consent_events as e', (j) =>
            j.onRef('e.account_id', '=', 's.account_id').onRef('e.seq', '=', 's.last_event_seq'),
          )
          .select(['s.contact_id', 's.list_id', 's.status', 'e.source_type', 'e.evidence'])
          .where('s.account_id', '=', accountId)
          .where('s.contact_id', 'in', part)
          .where('s.list_id', 'in', listIds)
          .where('s.channel', '=', 'email')
          .execute();
        for (const r of rows) {
          const byReview = r.status === 'withdrawn' && r.source_type === 'operator' && isReviewRejection(r.evidence);
          out.set(`${r.contact_id}|${r.list_id}`, byReview ? REVIEW_REJECTED : r.status);
        }
      }
      return out;
    },
    async platformSuppressions(accountId, hashes) {
      const out = new Map<string, string>();
      for (const part of chunk([...new Set(hashes)], IMPORT_ID_CHUNK)) {
        if (part.length === 0) continue;
        const rows = await db
          .selectFrom('suppressions')
          .select(['address_hash', 'reason'])
          .where('address_hash', 'in', part)
          .where((eb) => eb.or([eb('account_id', 'in', ['', accountId]), eb('reason', 'in', CROSS_ACCOUNT_SUPPRESSIONS)]))
          .execute();
        for (const r of rows) if (!out.has(r.address_hash)) out.set(r.address_hash, r.reason);
      }
      return out;
    },
    async insertContacts(accountId, contacts, createdAt) {
      // One transaction for the batch's new contacts (one commit instead of one per statement).
      await database.transaction(() =>
        insertRows(
          db,
          database.engine,
          'contacts',
          CONTACT_COLUMNS,
          contacts.map((c) => [
            c.id,
            accountId,
            c.email,
            null,
            c.emailHash,
            null,
            JSON.stringify(c.attributes),
            c.language,
            null,
            createdAt,
            null,
          ]),
          { tail: 'on conflict ("account_id", "email") do nothing' },
        ),
      );
      const ids = new Map<string, string>();
      for (const part of chunk(
        contacts.map((c) => c.email),
        IMPORT_ID_CHUNK,
      )) {
        const rows = await db
          .selectFrom('contacts')
          .select(['id', 'email'])
          .where('account_id', '=', accountId)
          .where('email', 'in', part)
          .execute();
        for (const r of rows) if (r.email) ids.set(r.email, r.id);
      }
      return ids;
    },
    async importedPairs(accountId, importId, contactIds) {
      const out = new Set<string>();
      for (const part of chunk(contactIds, IMPORT_ID_CHUNK)) {
        const rows = await db
          .selectFrom('consent_events')
          .select(['contact_id', 'list_id'])
          .where('account_id', '=', accountId)
          .where('contact_id', 'in', part)
          .where('source_type', '=', 'import')
          .where('source_id', '=', importId)
          .execute();
        for (const r of rows) out.add(`${r.contact_id}|${r.list_id}`);
      }
      return out;
    },
    async commitBatch(importId, rows, add, lastRow, at) {
      await db.transaction().execute(async (trx) => {
        await insertRows(
          trx,
          database.engine,
          'import_rows',
          ['import_id', 'row_number', 'email', 'outcome', 'reason', 'contact_id'],
          rows.map((r) => [importId, r.rowNumber, r.email, r.outcome, r.reason, r.contactId]),
          { tail: 'on conflict ("import_id", "row_number") do nothing', pgTypes: { row_number: 'int4' } },
        );
        await trx
          .updateTable('imports')
          .set({
            rows_read: sql`rows_read + ${add.rowsRead}`,
            imported: sql`imported + ${add.imported}`,
            quarantined: sql`quarantined + ${add.quarantined}`,
            rejected: sql`rejected + ${add.rejected}`,
            without_evidence: sql`without_evidence + ${add.withoutEvidence}`,
            last_committed_row: lastRow,
            updated_at: at,
          })
          .where('id', '=', importId)
          .execute();
      });
    },
    batchUnit: (fn) => (database.engine === 'sqlite' ? database.transaction(fn) : fn()),
    async heldPairs(accountId, importId, after, limit) {
      let q = db
        .selectFrom('consent_state')
        .select(['contact_id', 'list_id', 'channel', 'status'])
        .where('account_id', '=', accountId)
        .where('hold', '=', importId)
        .where('status', '!=', 'withdrawn');
      if (after !== null) q = q.where('contact_id', '>', after);
      const rows = await q.orderBy('contact_id').orderBy('list_id').limit(limit).execute();
      return rows.map((r) => ({
        contactId: r.contact_id,
        listId: r.list_id,
        channel: z.enum(CHANNELS).parse(r.channel),
        status: r.status,
      }));
    },
    async rows(importId, afterRow, limit) {
      const rows = await db
        .selectFrom('import_rows')
        .selectAll()
        .where('import_id', '=', importId)
        .where('row_number', '>', afterRow)
        .orderBy('row_number')
        .limit(limit)
        .execute();
      return rows.map((r): ImportRowRecord => ({
        rowNumber: Number(r.row_number),
        email: r.email,
        outcome: z.enum(ROW_OUTCOMES).parse(r.outcome),
        reason: r.reason,
        contactId: r.contact_id,
      }));
    },
  };
}

/** A withdrawal written by the review of a rejected import (review.ts), not by the person. */
function isReviewRejection(evidence: unknown): boolean {
  try {
    const e = typeof evidence === 'string' ? (JSON.parse(evidence) as unknown) : evidence;
    return typeof e === 'object' && e !== null && (e as { decision?: unknown }).decision === REVIEW_REJECTION_DECISION;
  } catch {
    return false;
  }
}
