// PATCH /api/v1/contacts/:id — attributes (a null value removes a key), language, time zone.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams, UpdateContactBody } from './schemas.ts';

export function registerUpdateContact(app: ZodApp, deps: AppDeps): void {
  app.patch(
    '/contacts/:id',
    { schema: { tags: ['contacts'], summary: 'Update contact attributes', params: IdParams, body: UpdateContactBody } },
    async (request) => {
      const auth = requireAccount(request, 'contacts:write');
      return deps.services.contacts.update(auth.accountId, request.params.id, request.body);
    },
  );
}
