// GET /api/v1/imports/:id/report.csv — every row with its outcome and reason (IMP-06), streamed.
import { Readable } from 'node:stream';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import { ImportIdParams, SECURITY, TAGS, type ZodApp } from './shapes.ts';

export function registerGetImportReport(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/v1/imports/:id/report.csv',
    {
      schema: {
        tags: TAGS,
        security: SECURITY,
        summary: 'Download the row report (row, email, outcome, reason) as CSV',
        params: ImportIdParams,
      },
    },
    async (request, reply) => {
      const auth = requireAccount(request, 'imports:read');
      const rec = await deps.services.imports.get(auth.accountId, request.params.id);
      const lines = deps.services.imports.reportCsv(auth.accountId, rec.id);
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${rec.id}-report.csv"`);
      return reply.send(Readable.from(lines));
    },
  );
}
