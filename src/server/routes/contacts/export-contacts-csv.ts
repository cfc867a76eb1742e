// GET /api/v1/contacts/export.csv?q=&listId=&status=&source= — the contacts of the listing's filter as
// CSV (email, phone, name, status, per-list statuses, added), streamed page by page.
import { Readable } from 'node:stream';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { ExportQuery } from './schemas.ts';

export function registerExportContactsCsv(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/contacts/export.csv',
    { schema: { tags: ['contacts'], summary: 'Export the filtered contacts as CSV', querystring: ExportQuery } },
    async (request, reply) => {
      const auth = requireAccount(request, 'contacts:read');
      const lines = await deps.services.contacts.exportCsv(auth.accountId, request.query);
      void reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="contacts.csv"');
      return reply.send(Readable.from(lines));
    },
  );
}
