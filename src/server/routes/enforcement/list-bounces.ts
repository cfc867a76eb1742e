// GET /api/v1/operator/bounces?accountId=&kind=&limit= — asynchronous bounce events, newest first (REP-01).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { AccountFilter, BOUNCE_KINDS, BounceSchema, PageLimit, toBounce } from './shapes.ts';
import { accountNameLookup } from '../operator/account-names.ts';

export function registerListBounces(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/bounces',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'List bounce events (hard, soft, policy-block), newest first',
        querystring: z.object({ accountId: AccountFilter, kind: z.enum(BOUNCE_KINDS).optional(), limit: PageLimit }).strict(),
        response: { 200: z.array(BounceSchema) },
      },
    },
    async (request) => {
      requireOperator(request);
      const { accountId, kind, limit } = request.query;
      const rows = await deps.services.enforcement.listBounces({
        ...(accountId ? { accountId } : {}),
        ...(kind ? { kind } : {}),
        ...(limit ? { limit } : {}),
      });
      const known = await names(rows.map((r) => r.accountId));
      return rows.map((r) => toBounce(r, known));
    },
  );
}
