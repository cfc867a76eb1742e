// POST /api/v1/sending-domains/:id/check — look the records up in DNS now ("check now").
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { DomainIdParams, SendingDomainSchema, TAGS } from './schemas.ts';

export function registerCheckSendingDomain(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/sending-domains/:id/check',
    {
      config: { standing: { service: 'email' } },
      schema: {
        tags: TAGS,
        summary: 'Check a sending domain through DNS',
        params: DomainIdParams,
        response: { 200: SendingDomainSchema },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'campaigns:write');
      return deps.services.sendingDomains.check(auth.accountId, request.params.id);
    },
  );
}
