// Blocklist monitoring (migration 0050_blocklists, BL-01..03).
export interface BlocklistChecksTable {
  id: string;
  target: string;
  /** 'ip' | 'domain'. */
  target_kind: string;
  zone: string;
  /** 1: listed; 0: not listed or an error (then `error` says which). */
  listed: number;
  /** The A records, comma-separated, when there were any. */
  answer: string | null;
  /** The TXT reason of a listing. */
  reason: string | null;
  /** Why the answer could not be used (dns-etimeout, zone-error-code, zone-untrusted: …). */
  error: string | null;
  checked_at: string;
}

export interface BlocklistListingsTable {
  id: string;
  target: string;
  target_kind: string;
  zone: string;
  answer: string;
  reason: string | null;
  first_seen: string;
  last_seen: string;
  /** Null while the listing is open. */
  cleared_at: string | null;
}

export interface BlocklistTables {
  blocklist_checks: BlocklistChecksTable;
  blocklist_listings: BlocklistListingsTable;
}
