// POST /api/v1/contacts/bulk/erase — data-subject erasure of up to MAX_CONTACTS_BULK contacts,
// each as DELETE /contacts/:id does it.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { actorSourceId, BulkEraseBody } from './schemas.ts';

export function registerBulkEraseContacts(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/contacts/bulk/erase',
    { schema: { tags: ['contacts'], summary: 'Erase contacts (data-subject requests)', body: BulkEraseBody } },
    async (request) => {
      const auth = requireAccount(request, 'contacts:write');
      return deps.services.contacts.eraseMany(auth.accountId, request.body.contactIds, { sourceId: actorSourceId(auth) });
    },
  );
}
