// GET /api/v1/operator/audit?accountId=&limit=&before= — the audit log, newest first (ACC-04).
import { z } from 'zod';
import { MAX_AUDIT_PAGE } from '../../../core/audit/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { AuditEntrySchema, SECURITY, TAGS, toAuditEntry, type ZodApp } from './shapes.ts';
import { accountNameLookup } from './account-names.ts';

export function registerListAudit(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/audit',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Read the append-only audit log; page with before=<seq of the last entry>',
        querystring: z
          .object({
            accountId: z.string().min(1).max(100).optional(),
            limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).optional(),
            before: z.coerce.number().int().min(1).optional(),
          })
          .strict(),
        response: { 200: z.array(AuditEntrySchema) },
      },
    },
    async (request) => {
      requireOperator(request);
      const { accountId, limit, before } = request.query;
      const entries = await deps.services.audit.list({
        ...(accountId ? { accountId } : {}),
        ...(limit ? { limit } : {}),
        ...(before ? { before } : {}),
      });
      const known = await names(entries.map((e) => e.accountId));
      return entries.map((e) => toAuditEntry(e, known));
    },
  );
}
