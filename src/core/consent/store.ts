// The consent ledger's store port: src/db/repositories/consent.ts implements it on both engines.
import type { ChainRow } from './canonical.ts';
import type { Channel, ConsentEvent, ConsentState } from './types.ts';

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

export interface StateKey {
  contactId: string;
  listId: string;
  channel: Channel;
}

export const stateKey = (k: StateKey): string => `${k.contactId}\u0000${k.listId}\u0000${k.channel}`;

export interface AppendPlan {
  events: ConsentEvent[];
  /** The projection rows to write (insert or replace), one per touched key. */
  states: ConsentState[];
}

export interface ConsentStore {
  /** The channel of each given list that belongs to the account (others are absent). */
  listChannels(accountId: string, listIds: string[]): Promise<Map<string, Channel>>;
  /** Channel and current wording version (lists.version) of each given list of the account. */
  listFacts(accountId: string, listIds: string[]): Promise<Map<string, { channel: Channel; version: number }>>;
  /** The latest version of each given form that belongs to the account (others are absent). */
  formVersions(accountId: string, formIds: string[]): Promise<Map<string, number>>;
  /** Which of the ids are contacts of the account and not erased. */
  liveContactIds(accountId: string, contactIds: string[]): Promise<Set<string>>;
  /**
   * In ONE transaction: lock the account's chain head (PostgreSQL: SELECT … FOR UPDATE; SQLite:
   * the write transaction), read the projection rows for `keys`, call `plan`, insert its events,
   * write its states and move the head to the last event. Returns the inserted events.
   */
  append(
    accountId: string,
    keys: StateKey[],
    plan: (head: ChainHead, states: Map<string, ConsentState>) => AppendPlan,
  ): Promise<ConsentEvent[]>;
  statesForContact(accountId: string, contactId: string): Promise<ConsentState[]>;
  eventsForContact(accountId: string, contactId: string): Promise<ConsentEvent[]>;
  chainHead(accountId: string): Promise<ChainHead>;
  /** The account's events with afterSeq < seq (≤ toSeq when given) in seq order, at most `limit` (streaming verify). */
  eventPage(accountId: string, afterSeq: number, limit: number, toSeq?: number): Promise<ConsentEvent[]>;
  /**
   * Like eventPage, as ChainRows (arrays in CHAIN_ROW_FIELDS order, enum and JSON columns
   * validated): the streaming verify reads every event and builds no object per row.
   */
  chainRows(accountId: string, afterSeq: number, limit: number, toSeq: number): Promise<ChainRow[]>;
  /** Accounts that have a chain (ledger verify without --account). */
  accountsWithChains(): Promise<string[]>;
}
