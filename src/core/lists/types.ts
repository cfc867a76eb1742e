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
}

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
  update(accountId: string, id: string, patch: ListPatch): Promise<boolean>;
  archive(accountId: string, id: string, at: string): Promise<boolean>;
}
