// POST /api/v1/contacts/bulk/withdraw — unsubscribes up to MAX_CONTACTS_BULK contacts from one
// list: a 'withdrawn' event each (CON-08). There is deliberately no bulk subscribe (CON-10).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { actorSourceId, BulkWithdrawBody } from './schemas.ts';

export function registerBulkWithdrawContacts(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/contacts/bulk/withdraw',
    // Open whatever the standing, like the single withdraw (OPEN_WRITES_RATIONALE): an opt-out
    // never waits for the account to be reinstated.
    {
      config: { standing: 'open' },
      schema: { tags: ['contacts'], summary: 'Unsubscribe contacts from one list', body: BulkWithdrawBody },
    },
    async (request) => {
      const auth = requireAccount(request, 'consent:write');
      const { contactIds, listId } = request.body;
      return deps.services.contacts.withdrawMany(auth.accountId, contactIds, listId, { sourceId: actorSourceId(auth) });
    },
  );
}
