// GET /api/v1/operator/incidents?open=&accountId=&limit= — policy blocks and blocklist listings (BL-03).
import { z } from 'zod';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { SECURITY, TAGS, type ZodApp } from '../operator/shapes.ts';
import { AccountFilter, IncidentSchema, PageLimit, toIncident } from './shapes.ts';
import { accountNameLookup } from '../operator/account-names.ts';

export function registerListIncidents(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/incidents',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'List incidents (open=true: still open; open=false: closed), most recently seen first',
        querystring: z
          .object({ open: z.enum(['true', 'false']).optional(), accountId: AccountFilter, limit: PageLimit })
          .strict(),
        response: { 200: z.array(IncidentSchema) },
      },
    },
    async (request) => {
      requireOperator(request);
      const { open, accountId, limit } = request.query;
      const rows = await deps.services.enforcement.listIncidents({
        ...(open ? { open: open === 'true' } : {}),
        ...(accountId ? { accountId } : {}),
        ...(limit ? { limit } : {}),
      });
      const known = await names(rows.map((r) => r.accountId));
      return rows.map((r) => toIncident(r, known));
    },
  );
}
