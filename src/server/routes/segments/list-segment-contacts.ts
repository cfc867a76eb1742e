// GET /api/v1/segments/:id/contacts — the segment's contacts now, keyset pages.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams, PageQuery } from '../contacts/schemas.ts';

export function registerListSegmentContacts(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/segments/:id/contacts',
    { schema: { tags: ['segments'], summary: 'Contacts in a segment', params: IdParams, querystring: PageQuery } },
    async (request) => {
      const auth = requireAccount(request, 'contacts:read');
      return deps.services.segments.contacts(auth.accountId, request.params.id, request.query);
    },
  );
}
