// Every size limit of the import path, named (STYLE 6: every upload and parser is bounded).

/** Largest upload we store and process (413 IMPORT_TOO_LARGE). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Most data rows in one import; a longer file fails in the analyse pass, nothing applied (IMPORT_TOO_MANY_ROWS). */
export const MAX_IMPORT_ROWS = 5_000_000;
/**
 * Most bytes of uploads an account keeps stored at once (imports waiting or running; a blob is
 * deleted when its import ends). Over it: 413 IMPORT_STORAGE_FULL, nothing stored.
 */
export const MAX_ACCOUNT_PENDING_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Longest CSV record (all fields of one row); a longer one fails the file with IMPORT_ROW_TOO_LONG. */
export const MAX_ROW_BYTES = 64 * 1024;
/** Most columns in the header or any row (IMPORT_TOO_MANY_COLUMNS). */
export const MAX_COLUMNS = 200;
/** Bytes read from the start of the file to detect encoding, delimiter and binary content. */
export const SNIFF_BYTES = 256 * 1024;
/** Lines of the sample used to choose the delimiter. */
export const SNIFF_LINES = 50;
/** Rows written per committed batch (IMP-06: a crash resumes from the last committed batch). */
export const IMPORT_BATCH_ROWS = 5_000;
/** Rows shown by the preview endpoint. */
export const PREVIEW_ROWS = 20;
/** The head of a file the web page sends for the preview: the sniffed bytes plus PREVIEW_ROWS longest rows. */
export const PREVIEW_UPLOAD_BYTES = SNIFF_BYTES + PREVIEW_ROWS * MAX_ROW_BYTES;
/** Longest field value we keep for names and other profile fields. */
export const MAX_FIELD_LENGTH = 256;
/** Flagged rows kept per forensic reason for the reviewer (bounded memory). */
export const FORENSIC_SAMPLES_PER_REASON = 10;
/** Distinct keys a forensic counter tracks before it stops adding new ones (bounded memory). */
export const FORENSIC_MAX_KEYS = 50_000;
/** Blob chunk size for stored uploads (one row of import_blobs). */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/** RFC 5321 §4.5.3.1: local part ≤ 64 octets, domain ≤ 255, a path ≤ 256 with brackets → address ≤ 254. */
export const MAX_LOCAL_PART_LENGTH = 64;
export const MAX_DOMAIN_LENGTH = 255;
export const MAX_ADDRESS_LENGTH = 254;

/** The limits an import service applies; defaults above, a copy per service (tests lower them). */
export interface ImportLimits {
  maxUploadBytes: number;
  maxRows: number;
  maxAccountPendingBytes: number;
}

export const defaultImportLimits = (): ImportLimits => ({
  maxUploadBytes: MAX_IMPORT_BYTES,
  maxRows: MAX_IMPORT_ROWS,
  maxAccountPendingBytes: MAX_ACCOUNT_PENDING_IMPORT_BYTES,
});
