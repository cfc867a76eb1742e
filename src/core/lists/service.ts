// Lists: one purpose on one channel each (CON-01).
import { randomUUID } from 'node:crypto';
import { invalid, notFound } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { List, ListPatch, ListStore, NewList } from './types.ts';

export const MAX_LIST_NAME_LENGTH = 200;
export const MAX_PURPOSE_TEXT_LENGTH = 2_000;
export const MAX_FREQUENCY_LENGTH = 100;
export const MAX_SENDER_NAME_LENGTH = 200;

export interface ListService {
  create(accountId: string, input: NewList): Promise<List>;
  /** Throws LIST_NOT_FOUND (404) for another account's id. */
  get(accountId: string, id: string): Promise<List>;
  list(accountId: string, options?: { includeArchived?: boolean }): Promise<List[]>;
  update(accountId: string, id: string, patch: ListPatch): Promise<List>;
  archive(accountId: string, id: string): Promise<List>;
}

export function createListService(deps: { store: ListStore; clock: Clock; newId?: () => string }): ListService {
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
      if (!(await deps.store.update(accountId, id, trimmed))) throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
      return get(accountId, id);
    },
    async archive(accountId, id) {
      await get(accountId, id);
      await deps.store.archive(accountId, id, deps.clock.now().toISOString());
      return get(accountId, id);
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
