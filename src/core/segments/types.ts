// Segments: saved filters over attributes, list membership, consent state and dates.
import { z } from 'zod';
import type { ContactRecord } from '../contacts/types.ts';

export const MAX_SEGMENT_CONDITIONS = 20;
export const MAX_SEGMENT_NAME_LENGTH = 200;
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]{1,64}$/; // also keeps the key safe inside a JSON path

const iso = z.string().datetime({ offset: false });
const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const SegmentConditionSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('attribute'), key: z.string().regex(ATTRIBUTE_KEY), op: z.enum(['eq', 'neq']), value: scalar })
    .strict(),
  z.object({ type: z.literal('has-attribute'), key: z.string().regex(ATTRIBUTE_KEY), present: z.boolean() }).strict(),
  z
    .object({
      type: z.literal('consent'),
      listId: z.string().min(1).max(100),
      status: z.enum(['active', 'pending', 'withdrawn', 'none']),
    })
    .strict(),
  z
    .object({ type: z.literal('consent-granted'), listId: z.string().min(1).max(100), op: z.enum(['before', 'after']), at: iso })
    .strict(),
  z.object({ type: z.literal('created'), op: z.enum(['before', 'after']), at: iso }).strict(),
  z.object({ type: z.literal('language'), value: z.string().min(1).max(35) }).strict(),
]);
export type SegmentCondition = z.infer<typeof SegmentConditionSchema>;

/** All conditions must hold (AND). */
export const SegmentFilterSchema = z.object({ all: z.array(SegmentConditionSchema).min(1).max(MAX_SEGMENT_CONDITIONS) }).strict();
export type SegmentFilter = z.infer<typeof SegmentFilterSchema>;

export interface Segment {
  id: string;
  accountId: string;
  name: string;
  filter: SegmentFilter;
  createdAt: string;
}

export interface SegmentStore {
  insert(segment: Segment): Promise<void>;
  get(accountId: string, id: string): Promise<Segment | null>;
  list(accountId: string): Promise<Segment[]>;
  /** Live (not erased) contacts matching the filter, evaluated in SQL, keyset by id. */
  evaluate(accountId: string, filter: SegmentFilter, options: { after?: string; limit: number }): Promise<ContactRecord[]>;
}
