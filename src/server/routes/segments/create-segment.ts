// POST /api/v1/segments — a saved filter (zod-validated; evaluated in SQL when read).
import { z } from 'zod';
import { MAX_SEGMENT_NAME_LENGTH, SegmentFilterSchema } from '../../../core/segments/types.ts';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

const Body = z.object({ name: z.string().trim().min(1).max(MAX_SEGMENT_NAME_LENGTH), filter: SegmentFilterSchema }).strict();

export function registerCreateSegment(app: ZodApp, deps: AppDeps): void {
  app.post('/segments', { schema: { tags: ['segments'], summary: 'Create a segment', body: Body } }, async (request, reply) => {
    const auth = requireAccount(request, 'contacts:write');
    return reply.status(201).send(await deps.services.segments.create(auth.accountId, request.body));
  });
}
