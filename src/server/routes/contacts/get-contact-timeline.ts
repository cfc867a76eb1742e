// GET /api/v1/contacts/:id/timeline — every consent ledger event of the contact (list, kind,
// source, the text shown, time) and the suppressions of its addresses (reason, source).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerGetContactTimeline(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/contacts/:id/timeline',
    { schema: { tags: ['contacts'], summary: "A contact's consent timeline and suppressions", params: IdParams } },
    async (request) => {
      const auth = requireAccount(request, 'contacts:read');
      return deps.services.contacts.timeline(auth.accountId, request.params.id);
    },
  );
}
