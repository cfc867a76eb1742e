// Suppression: addresses that must not be sent to on any list, whatever consent says.
export const SUPPRESSION_REASONS = ['complaint', 'hard-bounce', 'soft-bounce', 'unsubscribe-all', 'erased', 'manual'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export interface SuppressionEntry {
  /** null = platform-wide (stored as '' so one unique index works on both engines). */
  accountId: string | null;
  /** SHA-256 hex of the normalised address (see address.ts). */
  addressHash: string;
  reason: SuppressionReason;
  createdAt: string;
  /** Where it came from: 'complaint:<id>', 'bounce:<inbound id>', 'unsubscribe', … ; null when not recorded. */
  source?: string | null;
}

export interface SuppressionStore {
  /** The entries (account's own and platform-wide) for these hashes; one query. */
  entriesFor(accountId: string, hashes: string[]): Promise<SuppressionEntry[]>;
  /** Insert, keeping the first entry when one exists for (account, hash). */
  add(entries: SuppressionEntry[]): Promise<void>;
  remove(accountId: string | null, addressHash: string, reason: SuppressionReason): Promise<boolean>;
  list(accountId: string, options: { after?: string; limit: number }): Promise<SuppressionEntry[]>;
}
