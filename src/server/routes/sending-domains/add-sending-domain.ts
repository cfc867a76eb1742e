// POST /api/v1/sending-domains — add a From domain: generates its DKIM keys and the records to publish.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { AddSendingDomainBody, SendingDomainSchema, TAGS } from './schemas.ts';

export function registerAddSendingDomain(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/sending-domains',
    {
      config: { standing: { service: 'email' } },
      schema: { tags: TAGS, summary: 'Add a sending domain', body: AddSendingDomainBody, response: { 201: SendingDomainSchema } },
    },
    async (request, reply) => {
      const auth = requireAccount(request, 'campaigns:write');
      return reply.status(201).send(await deps.services.sendingDomains.add(auth.accountId, request.body));
    },
  );
}
