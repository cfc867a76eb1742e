import type { Generated } from 'kysely';

// Imports (migration 0020_imports).
export interface ImportsTable {
  id: string;
  account_id: string;
  /** 'uploaded' | 'processing' | 'held' | 'approved' | 'rejected' | 'completed' | 'failed' */
  status: string;
  /** Processing phase for resumption: 'analyse' (read-only pass) then 'apply' (committed batches). */
  phase: Generated<string>;
  file_name: string | null;
  file_sha256: string;
  file_bytes: number;
  source: string;
  source_description: string | null;
  /** JSON Attestation (IMP-01). */
  attestation: string;
  /** JSON string[]. */
  list_ids: string;
  /** JSON ColumnMapping (field → column header). */
  mapping: string | null;
  encoding: string | null;
  delimiter: string | null;
  consent_date: string | null;
  rows_read: Generated<number>;
  imported: Generated<number>;
  quarantined: Generated<number>;
  rejected: Generated<number>;
  without_evidence: Generated<number>;
  /** Rows found by the analysis pass. */
  total_rows: number | null;
  last_committed_row: Generated<number>;
  risk_score: number | null;
  /** JSON ForensicReport. */
  forensics: string | null;
  /** JSON string[]: why the import is held (IMP-05). */
  hold_reasons: string | null;
  /** JSON { code, message, details } when failed. */
  error: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportBlobsTable {
  import_id: string;
  seq: number;
  bytes: Uint8Array;
}

export interface ImportRowsTable {
  import_id: string;
  row_number: number;
  email: string | null;
  /** 'imported' | 'quarantined' | 'rejected' */
  outcome: string;
  reason: string | null;
  contact_id: string | null;
}

export interface ImportTables {
  imports: ImportsTable;
  import_blobs: ImportBlobsTable;
  import_rows: ImportRowsTable;
}
