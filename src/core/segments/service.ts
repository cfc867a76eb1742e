// Segments are saved filters; membership is evaluated in SQL when asked, never stored.
import { randomUUID } from 'node:crypto';
import type { Contact, ContactPage } from '../contacts/types.ts';
import { invalid, notFound } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { MAX_SEGMENT_NAME_LENGTH, SegmentFilterSchema, type Segment, type SegmentFilter, type SegmentStore } from './types.ts';

export const SEGMENT_PAGE_MAX = 500;

export interface SegmentService {
  create(accountId: string, input: { name: string; filter: SegmentFilter }): Promise<Segment>;
  get(accountId: string, id: string): Promise<Segment>;
  list(accountId: string): Promise<Segment[]>;
  contacts(accountId: string, id: string, options?: { after?: string; limit?: number }): Promise<ContactPage>;
}

export function createSegmentService(deps: { store: SegmentStore; clock: Clock; newId?: () => string }): SegmentService {
  const newId = deps.newId ?? randomUUID;
  async function get(accountId: string, id: string) {
    const s = await deps.store.get(accountId, id);
    if (!s) throw notFound('SEGMENT_NOT_FOUND', 'No such segment in this account.');
    return s;
  }
  return {
    get,
    list: (accountId) => deps.store.list(accountId),
    async create(accountId, input) {
      const name = input.name.trim();
      if (!name || name.length > MAX_SEGMENT_NAME_LENGTH)
        throw invalid('VALIDATION_FAILED', 'A segment needs a name.', { fields: { name: 'required' } });
      const filter = SegmentFilterSchema.parse(input.filter);
      const segment: Segment = { id: newId(), accountId, name, filter, createdAt: deps.clock.now().toISOString() };
      await deps.store.insert(segment);
      return segment;
    },
    async contacts(accountId, id, options = {}) {
      const segment = await get(accountId, id);
      const limit = Math.max(1, Math.min(options.limit ?? 100, SEGMENT_PAGE_MAX));
      const rows = await deps.store.evaluate(accountId, segment.filter, { after: options.after, limit: limit + 1 });
      const items: Contact[] = rows.slice(0, limit).map(({ emailHash: _e, phoneHash: _p, ...c }) => c);
      return { items, next: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
    },
  };
}
