// GET /api/v1/operator/complaints?status=&accountId=&limit= — the complaint review queue, newest first (REP-03).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { AccountFilter, COMPLAINT_REVIEWS, ComplaintSchema, PageLimit, toComplaint } from './shapes.ts';
import { accountNameLookup } from '../operator/account-names.ts';

export function registerListComplaints(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/complaints',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'List complaints (the review queue: status=open), newest first',
        querystring: z
          .object({ status: z.enum(COMPLAINT_REVIEWS).optional(), accountId: AccountFilter, limit: PageLimit })
          .strict(),
        response: { 200: z.array(ComplaintSchema) },
      },
    },
    async (request) => {
      requireOperator(request);
      const { status, accountId, limit } = request.query;
      const rows = await deps.services.enforcement.listComplaints({
        ...(status ? { reviewStatus: status } : {}),
        ...(accountId ? { accountId } : {}),
        ...(limit ? { limit } : {}),
      });
      const known = await names(rows.map((r) => r.accountId));
      return rows.map((r) => toComplaint(r, known));
    },
  );
}
