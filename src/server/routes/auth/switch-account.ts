// POST /api/v1/me/account {accountId} — switch the session's current account (ACC-03: only one
// the user is a member of; any other id is 404).
import { z } from 'zod';
import { unauthenticated } from '../../../core/errors.ts';
import { requireUser } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';
import { MeSchema } from './schemas.ts';

export function registerSwitchAccount(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/me/account',
    {
      // Moving to another account is about the user, not the account left (standing-guard.ts).
      config: { standing: 'not-account' },
      schema: {
        tags: ['auth'],
        summary: 'Switch the current account',
        body: z.object({ accountId: z.string().max(100) }).strict(),
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const auth = requireUser(request);
      if (!auth.sessionId) throw unauthenticated('SESSION_REQUIRED', 'Switching accounts needs a signed-in session.');
      return deps.services.accounts.switchAccount(auth.sessionId, auth.userId, request.body.accountId);
    },
  );
}
