// POST /api/v1/contacts/bulk/withdraw — unsubscribes up to MAX_CONTACTS_BULK contacts from one
// list: a 'withdrawn' event each (CON-08). There is deliberately no bulk subscribe (CON-10).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { actorSourceId, BulkWithdrawBody } from './schemas.ts';

export function registerBulkWithdrawContacts(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/contacts/bulk/withdraw',
    // Guarded by the account's standing like other bulk writes; a blocked account can still
    // withdraw one contact at a time (POST /contacts/:id/consent/withdraw is open).
    { schema: { tags: ['contacts'], summary: 'Unsubscribe contacts from one list', body: BulkWithdrawBody } },
    async (request) => {
      const auth = requireAccount(request, 'consent:write');
      const { contactIds, listId } = request.body;
      return deps.services.contacts.withdrawMany(auth.accountId, contactIds, listId, { sourceId: actorSourceId(auth) });
    },
  );
}
