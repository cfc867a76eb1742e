// GET /api/v1/contacts/:id — with its consent per list and channel.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from './schemas.ts';

export function registerGetContact(app: ZodApp, deps: AppDeps): void {
  app.get('/contacts/:id', { schema: { tags: ['contacts'], summary: 'Get a contact', params: IdParams } }, async (request) => {
    const auth = requireAccount(request, 'contacts:read');
    const contact = await deps.services.contacts.get(auth.accountId, request.params.id);
    return { contact, consent: await deps.services.consent.stateFor(auth.accountId, contact.id) };
  });
}
