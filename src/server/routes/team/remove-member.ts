// DELETE /api/v1/team/members/:userId — owner only; another account's user is 404 (ACC-03).
import { z } from 'zod';
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

export function registerRemoveMember(app: ZodApp, deps: AppDeps): void {
  app.delete(
    '/team/members/:userId',
    { schema: { tags: ['team'], summary: 'Remove a member (owner)', params: z.object({ userId: z.string().max(100) }) } },
    async (request, reply) => {
      const auth = requireOwner(request);
      await deps.services.accounts.removeMember(auth.accountId, auth.userId ?? '', request.params.userId);
      return reply.status(204).send();
    },
  );
}
