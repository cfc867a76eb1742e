// POST /api/v1/operator/imports/:id/review — approve or reject a held import with a reason
// (IMP-05): audited, the customer is told by system mail and in the import's status.
import { z } from 'zod';
import { MAX_REVIEW_REASON_LENGTH, REVIEW_DECISIONS } from '../../../core/imports/review.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { ImportIdParams, ImportSchema, TAGS, toImportView, type ZodApp } from './shapes.ts';

export function registerReviewImport(app: ZodApp, deps: AppDeps) {
  app.post(
    '/api/v1/operator/imports/:id/review',
    {
      schema: {
        tags: [...TAGS, 'operator'],
        security: [{ session: [] }],
        summary: 'Approve or reject a held import',
        params: ImportIdParams,
        body: z.object({ decision: z.enum(REVIEW_DECISIONS), reason: z.string().max(MAX_REVIEW_REASON_LENGTH) }).strict(),
        response: { 200: ImportSchema },
      },
    },
    async (request) => {
      const auth = requireOperator(request);
      const rec = await deps.services.imports.review(
        request.params.id,
        { userId: auth.userId },
        request.body.decision,
        request.body.reason,
      );
      return toImportView(rec);
    },
  );
}
