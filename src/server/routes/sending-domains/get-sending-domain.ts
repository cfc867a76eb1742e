// GET /api/v1/sending-domains/:id — one sending domain with its records and last check.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { DomainIdParams, SendingDomainSchema, TAGS } from './schemas.ts';

export function registerGetSendingDomain(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/sending-domains/:id',
    { schema: { tags: TAGS, summary: 'Get a sending domain', params: DomainIdParams, response: { 200: SendingDomainSchema } } },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:read');
      return deps.services.sendingDomains.get(auth.accountId, request.params.id);
    },
  );
}
