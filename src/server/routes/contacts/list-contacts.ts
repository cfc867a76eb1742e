// GET /api/v1/contacts?after=&limit=&q=&listId=&status=&source= — keyset pages (by id) of the account's
// contacts with search, list, status and source filters; each row has its name, status and per-list
// statuses; `total` counts the whole filter and `totals` counts per status (for the totals line).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { PageQuery } from './schemas.ts';

export function registerListContacts(app: ZodApp, deps: AppDeps): void {
  app.get('/contacts', { schema: { tags: ['contacts'], summary: 'List contacts', querystring: PageQuery } }, async (request) => {
    const auth = requireAccount(request, 'contacts:read');
    return deps.services.contacts.list(auth.accountId, request.query);
  });
}
