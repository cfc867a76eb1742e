// POST /api/v1/contacts/:id/consent/withdraw — a new 'withdrawn' event per list (CON-08).
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { actorSourceId, IdParams } from '../contacts/schemas.ts';

const Body = z
  .object({
    /** List ids, or 'all'. */
    lists: z.union([z.literal('all'), z.array(z.string().min(1).max(100)).min(1).max(1000)]),
    reason: z.string().max(500).optional(),
  })
  .strict();

export function registerWithdrawConsent(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/contacts/:id/consent/withdraw',
    {
      // Open whatever the standing: an opt-out must always be recordable (standing-guard.ts).
      config: { standing: 'open' },
      schema: { tags: ['consent'], summary: 'Withdraw consent (recorded as new events)', params: IdParams, body: Body },
    },
    async (request) => {
      const auth = requireAccount(request, 'consent:write');
      await deps.services.contacts.get(auth.accountId, request.params.id);
      const events = await deps.services.consent.withdraw(auth.accountId, request.params.id, request.body.lists, {
        sourceType: 'api',
        sourceId: actorSourceId(auth),
        textShown: '',
        evidence: request.body.reason ? { reason: request.body.reason } : undefined,
      });
      return { events };
    },
  );
}
