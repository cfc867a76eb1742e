// GET /api/v1/operator/outbox?status=&accountId= — system mail waiting, sent, failed or suppressed (ACC-07).
import { z } from 'zod';
import { MAX_OUTBOX_PAGE, SYSTEM_MAIL_STATUSES } from '../../../core/system-mail/types.ts';
import { requireOperator } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { OutboxEntrySchema, SECURITY, TAGS, toOutboxEntry, type ZodApp } from './shapes.ts';
import { accountNameLookup } from './account-names.ts';

export function registerListOutbox(app: ZodApp, deps: AppDeps) {
  const names = accountNameLookup(deps);
  app.get(
    '/api/v1/operator/outbox',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'The system mail outbox, newest first',
        querystring: z
          .object({
            status: z.enum(SYSTEM_MAIL_STATUSES).optional(),
            accountId: z.string().min(1).max(100).optional(),
            limit: z.coerce.number().int().min(1).max(MAX_OUTBOX_PAGE).optional(),
          })
          .strict(),
        response: { 200: z.array(OutboxEntrySchema) },
      },
    },
    async (request) => {
      requireOperator(request);
      const { status, accountId, limit } = request.query;
      const rows = await deps.services.systemMail.listOutbox({
        ...(status ? { status } : {}),
        ...(accountId ? { accountId } : {}),
        ...(limit ? { limit } : {}),
      });
      const known = await names(rows.map((r) => r.accountId));
      return rows.map((r) => toOutboxEntry(r, known));
    },
  );
}
