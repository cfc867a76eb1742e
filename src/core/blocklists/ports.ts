// What the blocklist service needs from outside: a DNS client, a store, the targets to check,
// and the hook a new listing is handed to.
import type { CheckResult, DnsAnswer, TargetKind } from './types.ts';

/** Asks one name's A records, and its TXT records when it has A records (src/channels/dns/blocklist-client.ts). */
export interface BlocklistDns {
  lookup(name: string): Promise<DnsAnswer>;
}

export interface OpenListing {
  target: string;
  targetKind: TargetKind;
  zone: string;
  answer: string;
  reason: string | null;
  firstSeen: string;
  lastSeen: string;
}

export interface BlocklistStore {
  /** Appends one run's check rows (history; never updated). */
  recordChecks(rows: readonly CheckResult[]): Promise<void>;
  /** Every listing not yet cleared. */
  openListings(): Promise<OpenListing[]>;
  /** Opens a listing; false when one is already open for (target, zone) — another run got there first. */
  openListing(listing: OpenListing): Promise<boolean>;
  /** Moves an open listing's last_seen (and its answer / reason). */
  touchListing(target: string, zone: string, seenAt: string, answer: string, reason: string | null): Promise<void>;
  /** Closes an open listing; false when none was open. */
  clearListing(target: string, zone: string, clearedAt: string): Promise<boolean>;
  /** One transaction around fn (the listing and its audit entry commit together). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

/** A listing as the status page shows it: open, or cleared at a time. */
export type ListingRecord = OpenListing & { clearedAt: string | null };

/** What the operator's blocklist status page reads (BL-01..03): the last run, a target's history, the listings. */
export interface BlocklistReadStore {
  /** The rows of the latest run (every row with the newest checked_at), or none before the first run. */
  latestRun(): Promise<{ checkedAt: string; rows: CheckResult[] } | null>;
  /** One target's checks, newest first. */
  history(target: string, limit: number): Promise<CheckResult[]>;
  /** Listings, newest first: open ones, or all of one target's. */
  listings(filter: { target?: string; open?: boolean; limit: number }): Promise<ListingRecord[]>;
}

/** Where the daily job's targets come from (BL-01). */
export interface BlocklistTargetSource {
  /** Domains of verified sending domains. */
  sendingDomains(): Promise<string[]>;
  /** Host names of the links in campaigns started since `since` (ISO time). */
  linkDomains(since: string): Promise<string[]>;
}

/** Which accounts a listed target belongs to (BL-03): a sending domain's owners, the accounts whose recent campaigns link to it. */
export interface ListingAccounts {
  accountsFor(target: string, kind: TargetKind, since: string): Promise<{ accountId: string; via: 'sending-domain' | 'link' }[]>;
}

/**
 * Called once per new listing, after it is stored and audited: the BL-03 response (an incident,
 * the operator and the accounts concerned told, the accounts paused or blocked) is
 * src/core/enforcement/listings.ts.
 */
export type OnNewListing = (listing: OpenListing & { meaning: string }) => Promise<void>;
