// GET /api/v1/contacts/:id/export — everything held about the contact (GDPR Art. 15).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerExportContact(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/contacts/:id/export',
    { schema: { tags: ['contacts'], summary: 'Export everything held about a contact', params: IdParams } },
    async (request, reply) => {
      const auth = requireAccount(request, 'contacts:read');
      const data = await deps.services.contacts.exportAll(auth.accountId, request.params.id);
      return reply.header('content-disposition', `attachment; filename="contact-${data.contact.id}.json"`).send(data);
    },
  );
}
