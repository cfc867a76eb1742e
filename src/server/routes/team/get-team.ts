// GET /api/v1/team — members and pending invitations of the current account (ACC-03).
import { z } from 'zod';
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

const Role = z.enum(['owner', 'member']);

export function registerGetTeam(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/team',
    {
      schema: {
        tags: ['team'],
        summary: 'Members and pending invitations',
        response: {
          200: z.object({
            members: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string(), role: Role })),
            invitations: z.array(z.object({ id: z.string(), email: z.string(), role: Role, expiresAt: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const auth = requireAccount(request, 'team:read');
      return deps.services.accounts.team(auth.accountId);
    },
  );
}
