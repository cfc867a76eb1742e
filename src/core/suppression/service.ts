// The suppression service. Suppressed beats consent (DEL-01): the gate asks it for every batch.
import { invalid } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { addressHash, normalizeAddress } from './address.ts';
import type { SuppressionEntry, SuppressionReason, SuppressionStore } from './types.ts';

/** Most addresses one isSuppressed() call checks (one query). */
export const MAX_SUPPRESSION_BATCH = 10_000;
export const SUPPRESSION_PAGE_MAX = 500;

export interface SuppressionService {
  /** Which of the addresses (as given) are suppressed for this account, by own or platform-wide entry. */
  isSuppressed(accountId: string, addresses: string[]): Promise<Set<string>>;
  /** The same by address hash (contacts keep the hash of their address). */
  suppressedHashes(accountId: string, hashes: string[]): Promise<Map<string, SuppressionReason>>;
  /** Every entry (own and platform-wide) for these hashes, with its reason. */
  entriesFor(accountId: string, hashes: string[]): Promise<SuppressionEntry[]>;
  /** accountId null = platform-wide. Idempotent. */
  add(accountId: string | null, address: string, reason: SuppressionReason, source?: string): Promise<SuppressionEntry>;
  addHash(accountId: string | null, hash: string, reason: SuppressionReason, source?: string): Promise<SuppressionEntry>;
  /** Lifts one entry (e.g. an erasure tombstone when the person signs up again themselves). */
  remove(accountId: string | null, hash: string, reason: SuppressionReason): Promise<boolean>;
  list(accountId: string, options?: { after?: string; limit?: number }): Promise<SuppressionEntry[]>;
}

export function createSuppressionService(deps: { store: SuppressionStore; clock: Clock }): SuppressionService {
  async function suppressedHashes(accountId: string, hashes: string[]) {
    if (hashes.length > MAX_SUPPRESSION_BATCH)
      throw invalid('BATCH_TOO_LARGE', `At most ${MAX_SUPPRESSION_BATCH} addresses per check.`);
    const out = new Map<string, SuppressionReason>();
    if (hashes.length === 0) return out;
    for (const e of await deps.store.entriesFor(accountId, [...new Set(hashes)]))
      if (!out.has(e.addressHash)) out.set(e.addressHash, e.reason);
    return out;
  }
  async function addHash(accountId: string | null, hash: string, reason: SuppressionReason, source?: string) {
    const entry: SuppressionEntry = {
      accountId,
      addressHash: hash,
      reason,
      createdAt: deps.clock.now().toISOString(),
      source: source ?? null,
    };
    await deps.store.add([entry]);
    return entry;
  }
  return {
    suppressedHashes,
    addHash,
    entriesFor: (accountId, hashes) =>
      hashes.length === 0 ? Promise.resolve([]) : deps.store.entriesFor(accountId, [...new Set(hashes)]),
    async isSuppressed(accountId, addresses) {
      const byHash = new Map<string, string[]>();
      for (const a of addresses) {
        const n = normalizeAddress(a);
        if (!n) continue;
        const h = addressHash(n);
        byHash.set(h, [...(byHash.get(h) ?? []), a]);
      }
      const hit = await suppressedHashes(accountId, [...byHash.keys()]);
      const out = new Set<string>();
      for (const h of hit.keys()) for (const a of byHash.get(h) ?? []) out.add(a);
      return out;
    },
    async add(accountId, address, reason, source) {
      const n = normalizeAddress(address);
      if (!n)
        throw invalid('VALIDATION_FAILED', 'Not a valid email address or phone number.', { fields: { address: 'invalid' } });
      return addHash(accountId, addressHash(n), reason, source);
    },
    remove: (accountId, hash, reason) => deps.store.remove(accountId, hash, reason),
    list: (accountId, options = {}) =>
      deps.store.list(accountId, { after: options.after, limit: Math.min(options.limit ?? 100, SUPPRESSION_PAGE_MAX) }),
  };
}
