// POST /api/v1/operator/complaints/:id/review — confirm or dismiss a complaint (audited; a
// dismissed complaint leaves the rates) (REP-03).
import { z } from 'zod';
import { MAX_AUDIT_REASON_LENGTH } from '../../../core/audit/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, operatorActor, type ZodApp } from '../operator/shapes.ts';
import { ComplaintSchema, IdParams, toComplaint } from './shapes.ts';
import { accountNameLookup } from '../operator/account-names.ts';

export function registerReviewComplaint(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.post(
    '/api/v1/operator/complaints/:id/review',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Confirm or dismiss an open complaint (409 COMPLAINT_ALREADY_REVIEWED when decided before)',
        params: IdParams,
        body: z.object({ decision: z.enum(['confirm', 'dismiss']), note: z.string().max(MAX_AUDIT_REASON_LENGTH) }).strict(),
        response: { 200: ComplaintSchema },
      },
    },
    async (request) => {
      // Any operator (reviewer or admin) decides complaints.
      const auth = requireOperator(request, 'reviewer');
      const row = await deps.services.enforcement.reviewComplaint(
        request.params.id,
        request.body.decision,
        request.body.note,
        operatorActor(auth),
      );
      return toComplaint(row, await names([row.accountId]));
    },
  );
}
