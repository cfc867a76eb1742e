// DELETE /api/v1/team/invitations/:id — owner only; withdraws a pending invitation (ACC-03: 404
// for another account's invitation).
import { z } from 'zod';
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export function registerDeleteInvitation(app: ZodApp, deps: AppDeps): void {
  app.delete(
    '/team/invitations/:id',
    {
      schema: { tags: ['team'], summary: 'Withdraw a pending invitation (owner)', params: z.object({ id: z.string().max(100) }) },
    },
    async (request, reply) => {
      const auth = requireOwner(request);
      await deps.services.accounts.deleteInvitation(auth.accountId, request.params.id);
      return reply.status(204).send();
    },
  );
}
