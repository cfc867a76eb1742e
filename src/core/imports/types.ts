// The imports area's records and its store port (src/db/repositories/imports.ts implements it).
import type { Channel } from '../consent/types.ts';
import type { Attestation } from './provenance.ts';
import type { ColumnMapping } from './mapping.ts';
import type { ForensicReport } from './forensics.ts';
import type { ImportEncoding } from './encoding.ts';
import type { Delimiter } from './csv-reader.ts';
import type { RowOutcome } from './classify.ts';

export const IMPORT_STATUSES = ['uploaded', 'processing', 'held', 'approved', 'rejected', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type ImportPhase = 'analyse' | 'apply' | 'done';

export interface ImportError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface ImportRecord {
  id: string;
  accountId: string;
  status: ImportStatus;
  phase: ImportPhase;
  fileName: string | null;
  fileSha256: string;
  fileBytes: number;
  source: string;
  sourceDescription: string | null;
  attestation: Attestation;
  listIds: string[];
  mapping: ColumnMapping | null;
  encoding: ImportEncoding | null;
  delimiter: Delimiter | null;
  consentDate: string | null;
  rowsRead: number;
  imported: number;
  quarantined: number;
  rejected: number;
  withoutEvidence: number;
  totalRows: number | null;
  lastCommittedRow: number;
  riskScore: number | null;
  forensics: ForensicReport | null;
  holdReasons: string[] | null;
  error: ImportError | null;
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * IMP-07: the first campaign to reach this import's contacts sends to a sample first. Read from
   * import_samples (written by the send engine); 'declined' carries the reason shown to customer
   * and reviewer. Absent on records not read back from the store.
   */
  sample?: ImportSample | null;
}

export const IMPORT_SAMPLE_STATUSES = ['sampling', 'passed', 'declined'] as const;

export interface ImportSample {
  campaignId: string;
  status: (typeof IMPORT_SAMPLE_STATUSES)[number];
  reason: string | null;
  settledAt: string | null;
}

export interface ImportRowRecord {
  rowNumber: number;
  email: string | null;
  outcome: RowOutcome;
  reason: string | null;
  contactId: string | null;
}

export interface BatchCounters {
  rowsRead: number;
  imported: number;
  quarantined: number;
  rejected: number;
  withoutEvidence: number;
}

export interface ExistingContact {
  id: string;
  email: string;
}

/** A new contact the import creates (no consent: that comes only from the ledger, CON-10). */
export interface NewImportContact {
  id: string;
  email: string;
  emailHash: string;
  attributes: Record<string, unknown>;
  language: string | null;
}

/** The evidence `decision` of the withdrawals a review writes when it rejects an import (review.ts). */
export const REVIEW_REJECTION_DECISION = 'import-rejected';
/**
 * The consent status consentStatuses() reports for a consent a reviewer withdrew by rejecting an
 * import: the person never withdrew it, so a later import may record it again, held for review.
 */
export const REVIEW_REJECTED = 'review-rejected';

export interface ImportStore {
  insert(rec: ImportRecord): Promise<void>;
  /** accountId null = any account (operator, worker). */
  get(accountId: string | null, id: string): Promise<ImportRecord | null>;
  list(accountId: string, limit: number): Promise<ImportRecord[]>;
  listByStatus(status: ImportStatus, limit: number): Promise<ImportRecord[]>;
  update(id: string, patch: Partial<ImportRecord>): Promise<void>;
  /** Imports of the account with this file hash that did not fail. */
  findBySha(accountId: string, sha256: string): Promise<ImportRecord[]>;

  /** Bytes of the account's uploads still stored (imports uploaded or processing). */
  pendingUploadBytes(accountId: string): Promise<number>;
  appendBlob(id: string, seq: number, bytes: Uint8Array): Promise<void>;
  readBlob(id: string): AsyncIterable<Uint8Array>;
  deleteBlob(id: string): Promise<void>;

  accountCreatedAt(accountId: string): Promise<string | null>;
  /** Contacts of the account with at least one active, unheld consent (IMP-05 "verified"). */
  verifiedContacts(accountId: string): Promise<number>;
  /** The account owner's address and language for the review-outcome mail. */
  accountOwner(accountId: string): Promise<{ email: string; language: string | null; accountName: string } | null>;

  existingContacts(accountId: string, emails: string[]): Promise<Map<string, ExistingContact>>;
  /** Consent status per `${contactId}|${listId}` for these contacts and lists (REVIEW_REJECTED: see above). */
  consentStatuses(accountId: string, contactIds: string[], listIds: string[]): Promise<Map<string, string>>;
  /**
   * Suppression facts for these address hashes: every entry of this account and platform-wide
   * ones, plus complaints, hard bounces and erasure tombstones from ANY account (IMP-03/04).
   * Read-only over the suppression table; hash → reason.
   */
  platformSuppressions(accountId: string, hashes: string[]): Promise<Map<string, string>>;
  /** Inserts contacts; an address already present (a concurrent insert, a resumed batch) is kept. Returns email → id. */
  insertContacts(accountId: string, contacts: NewImportContact[], createdAt: string): Promise<Map<string, string>>;
  /** `${contactId}|${listId}` pairs that already have an event from this import (resumed batches). */
  importedPairs(accountId: string, importId: string, contactIds: string[]): Promise<Set<string>>;
  /** ONE transaction: the batch's row outcomes, the counters added and the last committed row. */
  commitBatch(importId: string, rows: ImportRowRecord[], add: BatchCounters, lastRow: number, at: string): Promise<void>;
  /**
   * Runs one apply batch. SQLite (one writer anyway): the whole batch is one transaction, one
   * commit. PostgreSQL: each step commits on its own, so the account's consent chain lock is
   * held only for the ledger append and form sign-ups of the account wait the least.
   */
  batchUnit<T>(fn: () => Promise<T>): Promise<T>;
  /** The (contact, list) consent rows this import holds and that are not withdrawn, in pages. */
  heldPairs(
    accountId: string,
    importId: string,
    afterContactId: string | null,
    limit: number,
  ): Promise<Array<{ contactId: string; listId: string; channel: Channel; status: string }>>;
  rows(importId: string, afterRow: number, limit: number): Promise<ImportRowRecord[]>;
}
