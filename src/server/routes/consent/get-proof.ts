// GET /api/v1/contacts/:id/proof — the proof-of-opt-in bundle (CON-09) as a JSON download that
// `assent proof verify FILE` checks offline.
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from '../contacts/schemas.ts';

export function registerGetProof(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/contacts/:id/proof',
    { schema: { tags: ['consent'], summary: 'Proof of opt-in bundle (JSON)', params: IdParams } },
    async (request, reply) => {
      const auth = requireAccount(request, 'contacts:read');
      const bundle = await deps.services.consent.proofBundle(auth.accountId, request.params.id);
      // Serialised here, not by a schema, so the bytes are exactly the bundle the verifier hashes.
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="proof-${bundle.contactId}.json"`)
        .send(JSON.stringify(bundle, null, 2));
    },
  );
}
