// Suppression (migration 0012_suppression).
export interface SuppressionsTable {
  /** '' = platform-wide (not NULL: a plain unique index then works alike on both engines). */
  account_id: string;
  address_hash: string;
  reason: string;
  created_at: string;
  /** Where it came from (migration 0051): 'complaint:<id>', 'bounce:<inbound id>', … ; null before. */
  source: string | null;
}

export interface SuppressionTables {
  suppressions: SuppressionsTable;
}
