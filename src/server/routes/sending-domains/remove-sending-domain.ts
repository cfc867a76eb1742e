// DELETE /api/v1/sending-domains/:id — remove a sending domain and its keys.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { DomainIdParams, TAGS } from './schemas.ts';

export function registerRemoveSendingDomain(app: ZodApp, deps: AppDeps): void {
  app.delete(
    '/sending-domains/:id',
    { schema: { tags: TAGS, summary: 'Remove a sending domain', params: DomainIdParams } },
    async (request, reply) => {
      const auth = requireAccount(request, 'campaigns:write');
      await deps.services.sendingDomains.remove(auth.accountId, request.params.id);
      return reply.status(204).send();
    },
  );
}
