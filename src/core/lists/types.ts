import type { Channel } from '../consent/types.ts';

/** A list is one purpose (topic) on one channel (CON-01). */
export interface List {
  id: string;
  accountId: string;
  name: string;
  /** What the messages are about, shown with every consent box for this list. */
  purposeText: string;
  /** Fixed at creation: consent is per channel, so a list never changes channel. */
  channel: Channel;
  /** Expected frequency, in words ("weekly", "about twice a month"). */
  frequency: string;
  /** CON-06: on by default. */
  doubleOptIn: boolean;
  senderName: string;
  createdAt: string;
  archivedAt: string | null;
  /** The current version of the consent wording (purpose text, frequency, sender name), from 1. */
  version: number;
}

/**
 * One version of a list's consent wording. Append-only: an edit of the wording adds the next
 * version; consent events given under a version name it (evidence.listVersion) and keep their
 * own exact text shown, so no edit changes what a stored event proves.
 */
export interface ListVersion {
  listId: string;
  version: number;
  purposeText: string;
  frequency: string;
  senderName: string;
  createdAt: string;
}

/** The wording fields: a change to any of them is a new version. */
export const WORDING_FIELDS = ['purposeText', 'frequency', 'senderName'] as const;

/** One UTC day of a list's growth: distinct contacts who gave consent, and who withdrew it. */
export interface GrowthDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  gained: number;
  lost: number;
}

/** GET /lists/:id/stats: the list's contacts per status and its daily growth. */
export interface ListStats {
  listId: string;
  counts: ListCounts;
  days: number;
  growth: GrowthDay[];
}

export const LIST_COUNT_STATUSES = ['active', 'pending', 'held', 'withdrawn', 'suppressed'] as const;
export type ListCounts = Record<(typeof LIST_COUNT_STATUSES)[number], number>;

export interface NewList {
  name: string;
  purposeText: string;
  channel: Channel;
  frequency: string;
  doubleOptIn?: boolean;
  senderName: string;
}

export type ListPatch = Partial<Omit<NewList, 'channel'>>;

export interface ListStore {
  insert(list: List): Promise<void>;
  get(accountId: string, id: string): Promise<List | null>;
  list(accountId: string, options: { includeArchived: boolean }): Promise<List[]>;
  /**
   * Writes the patch; with `newVersionAt`, in the same transaction moves `lists.version` on by
   * one and appends that version's row with the patched wording. False when no such list.
   */
  update(accountId: string, id: string, patch: ListPatch, newVersionAt: string | null): Promise<boolean>;
  archive(accountId: string, id: string, at: string): Promise<boolean>;
  unarchive(accountId: string, id: string): Promise<boolean>;
  /** The list's versions, newest first. */
  versions(accountId: string, listId: string): Promise<ListVersion[]>;
}
