// Lists: one purpose on one channel each (CON-01).
import { randomUUID } from 'node:crypto';
import { conflict, invalid, notFound } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { GROWTH_PERIODS, type GrowthPeriod, type GrowthService } from '../consent/growth.ts';
import {
  LIST_COUNT_STATUSES,
  WORDING_FIELDS,
  type List,
  type ListCounts,
  type ListPatch,
  type ListStats,
  type ListStore,
  type ListVersion,
  type NewList,
} from './types.ts';

export const MAX_LIST_NAME_LENGTH = 200;
export const MAX_PURPOSE_TEXT_LENGTH = 2_000;
export const MAX_FREQUENCY_LENGTH = 100;
export const MAX_SENDER_NAME_LENGTH = 200;
/** The growth chart's periods, in days (GET /lists/:id/stats?days=): the consent ledger's. */
export { GROWTH_PERIODS, type GrowthPeriod };

/**
 * The contacts of one list per status. Wired to the contacts service's totals (its status
 * precedence: suppressed → withdrawn → held → pending → active), never computed here again.
 */
export type ListStatusCounts = (accountId: string, listId: string) => Promise<Partial<Record<string, number>>>;

export interface ListService {
  create(accountId: string, input: NewList): Promise<List>;
  /** Throws LIST_NOT_FOUND (404) for another account's id. */
  get(accountId: string, id: string): Promise<List>;
  list(accountId: string, options?: { includeArchived?: boolean }): Promise<List[]>;
  /**
   * A change of the wording (purpose text, frequency, sender name) adds the next version; the
   * name and double opt-in change in place. An archived list is read-only: LIST_ARCHIVED (409).
   */
  update(accountId: string, id: string, patch: ListPatch): Promise<List>;
  archive(accountId: string, id: string): Promise<List>;
  /** Back in use (as in Mailchimp); the gate sends to it again. Idempotent. */
  unarchive(accountId: string, id: string): Promise<List>;
  /** The wording versions, newest first. */
  versions(accountId: string, id: string): Promise<ListVersion[]>;
  /** Contacts per status and daily gained / lost over the last `days` days (today included). */
  stats(accountId: string, id: string, days: GrowthPeriod): Promise<ListStats>;
}

export function createListService(deps: {
  store: ListStore;
  clock: Clock;
  /** Needed by stats() only. */
  counts?: ListStatusCounts;
  /** Needed by stats() only: the ledger's growth series (the dashboard's, for one list). */
  growth?: GrowthService;
  newId?: () => string;
}): ListService {
  const newId = deps.newId ?? randomUUID;
  async function get(accountId: string, id: string) {
    const list = await deps.store.get(accountId, id);
    if (!list) throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
    return list;
  }
  return {
    get,
    async create(accountId, input) {
      check(input);
      const list: List = {
        id: newId(),
        accountId,
        name: input.name.trim(),
        purposeText: input.purposeText.trim(),
        channel: input.channel,
        frequency: input.frequency.trim(),
        doubleOptIn: input.doubleOptIn ?? true,
        senderName: input.senderName.trim(),
        createdAt: deps.clock.now().toISOString(),
        archivedAt: null,
        version: 1,
      };
      await deps.store.insert(list);
      return list;
    },
    list: (accountId, options = {}) => deps.store.list(accountId, { includeArchived: options.includeArchived ?? false }),
    async update(accountId, id, patch) {
      check(patch);
      const trimmed: ListPatch = {};
      if (patch.name !== undefined) trimmed.name = patch.name.trim();
      if (patch.purposeText !== undefined) trimmed.purposeText = patch.purposeText.trim();
      if (patch.frequency !== undefined) trimmed.frequency = patch.frequency.trim();
      if (patch.senderName !== undefined) trimmed.senderName = patch.senderName.trim();
      if (patch.doubleOptIn !== undefined) trimmed.doubleOptIn = patch.doubleOptIn;
      const current = await get(accountId, id);
      if (current.archivedAt !== null)
        throw conflict('LIST_ARCHIVED', 'This list is archived and read-only; unarchive it to edit it.');
      const reworded = WORDING_FIELDS.some((f) => trimmed[f] !== undefined && trimmed[f] !== current[f]);
      const at = reworded ? deps.clock.now().toISOString() : null;
      if (!(await deps.store.update(accountId, id, trimmed, at)))
        throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
      return get(accountId, id);
    },
    async archive(accountId, id) {
      await get(accountId, id);
      await deps.store.archive(accountId, id, deps.clock.now().toISOString());
      return get(accountId, id);
    },
    async unarchive(accountId, id) {
      await get(accountId, id);
      await deps.store.unarchive(accountId, id);
      return get(accountId, id);
    },
    async versions(accountId, id) {
      await get(accountId, id);
      return deps.store.versions(accountId, id);
    },
    async stats(accountId, id, days) {
      await get(accountId, id);
      if (!deps.counts || !deps.growth) throw new Error('createListService: stats() needs the counts and growth dependencies');
      const [byStatus, series] = await Promise.all([
        deps.counts(accountId, id),
        deps.growth.growth(accountId, { listId: id, days }),
      ]);
      const counts = Object.fromEntries(LIST_COUNT_STATUSES.map((s) => [s, byStatus[s] ?? 0])) as ListCounts;
      // A point for every day (zeros included), so the chart's x axis is the whole period.
      const growth = series.days.map((day, i) => ({ day, gained: series.gained[i] ?? 0, lost: series.lost[i] ?? 0 }));
      return { listId: id, counts, days, growth };
    },
  };
}

function check(input: Partial<NewList>): void {
  const fields: Record<string, string> = {};
  const need = (key: keyof NewList, value: string | undefined, max: number) => {
    if (value === undefined) return;
    if (value.trim() === '') fields[key] = 'required';
    else if (value.length > max) fields[key] = `at most ${max} characters`;
  };
  need('name', input.name, MAX_LIST_NAME_LENGTH);
  need('purposeText', input.purposeText, MAX_PURPOSE_TEXT_LENGTH);
  need('frequency', input.frequency, MAX_FREQUENCY_LENGTH);
  need('senderName', input.senderName, MAX_SENDER_NAME_LENGTH);
  if (Object.keys(fields).length > 0) throw invalid('VALIDATION_FAILED', 'Some list fields are not valid.', { fields });
}
