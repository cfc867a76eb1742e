// Sending-domain routes (DEL-05, MSG-05). Registered with `{ prefix: '/api/v1' }` in routes/index.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerAddSendingDomain } from './add-sending-domain.ts';
import { registerCheckSendingDomain } from './check-sending-domain.ts';
import { registerGetSendingDomain } from './get-sending-domain.ts';
import { registerListSendingDomains } from './list-sending-domains.ts';
import { registerRemoveSendingDomain } from './remove-sending-domain.ts';

export function sendingDomainRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerAddSendingDomain(app, deps);
    registerListSendingDomains(app, deps);
    registerGetSendingDomain(app, deps);
    registerCheckSendingDomain(app, deps);
    registerRemoveSendingDomain(app, deps);
  };
}
