// DELETE /api/v1/contacts/:id — data-subject erasure (GDPR Art. 17): personal fields removed,
// consent withdrawn by 'erasure' events, hashed tombstone in suppression; the ledger's chain
// still verifies (see core/consent/CONTEXT.md).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { actorSourceId, IdParams } from './schemas.ts';

export function registerEraseContact(app: ZodApp, deps: AppDeps): void {
  app.delete(
    '/contacts/:id',
    { schema: { tags: ['contacts'], summary: 'Erase a contact (data-subject request)', params: IdParams } },
    async (request, reply) => {
      const auth = requireAccount(request, 'contacts:write');
      await deps.services.contacts.erase(auth.accountId, request.params.id, { sourceId: actorSourceId(auth) });
      return reply.status(204).send();
    },
  );
}
