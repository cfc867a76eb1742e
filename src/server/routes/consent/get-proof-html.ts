// GET /api/v1/contacts/:id/proof.html — the proof bundle as a readable page (CON-09).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { IdParams } from '../contacts/schemas.ts';
import { renderProofPage } from './proof-page.ts';

export function registerGetProofHtml(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/contacts/:id/proof.html',
    { schema: { tags: ['consent'], summary: 'Proof of opt-in (readable page)', params: IdParams } },
    async (request, reply) => {
      const auth = requireAccount(request, 'contacts:read');
      const bundle = await deps.services.consent.proofBundle(auth.accountId, request.params.id);
      return reply.type('text/html; charset=utf-8').send(renderProofPage(bundle));
    },
  );
}
