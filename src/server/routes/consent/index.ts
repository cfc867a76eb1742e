// Consent routes: API consent with evidence, withdrawal, proof of opt-in (CON-07..CON-10).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerGetProof } from './get-proof.ts';
import { registerGetProofHtml } from './get-proof-html.ts';
import { registerRecordConsent } from './record-consent.ts';
import { registerWithdrawConsent } from './withdraw-consent.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function consentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerRecordConsent(app, deps);
    registerWithdrawConsent(app, deps);
    registerGetProof(app, deps);
    registerGetProofHtml(app, deps);
  };
}
