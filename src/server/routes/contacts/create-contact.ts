// POST /api/v1/contacts — stores a contact WITHOUT consent: not sendable until a consent event
// exists (CON-10). Invalid email or phone → 400 VALIDATION_FAILED with details.fields.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { CreateContactBody } from './schemas.ts';

export function registerCreateContact(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/contacts',
    { schema: { tags: ['contacts'], summary: 'Add a contact (no consent)', body: CreateContactBody } },
    async (request, reply) => {
      const auth = requireAccount(request, 'contacts:write');
      const { defaultRegion, ...input } = request.body;
      const { contact, created } = await deps.services.contacts.upsert(auth.accountId, input, { defaultRegion });
      return reply.status(created ? 201 : 200).send({ contact, created, sendable: false });
    },
  );
}
