// POST /api/v1/team/invitations/accept {token, password?, name?} — the mailed token is the
// credential (no CSRF token: the invitee may have no session yet). Signs the invitee in.
import { z } from 'zod';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, TOKEN_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import type { AppDeps } from '../../deps.ts';
import { requestMeta, setSessionCookie, type ZodApp } from '../auth/http.ts';
import { MeSchema } from '../auth/schemas.ts';

/** Attempts per IP address per window (an existing user's password may be checked here). */
export const ACCEPT_INVITATION_RATE_LIMIT_MAX = 20;
export const ACCEPT_INVITATION_RATE_LIMIT_WINDOW_MS = 60 * 1000;

export function registerAcceptInvitation(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/team/invitations/accept',
    {
      config: {
        csrf: false,
        // The invited user joins another account; the current one is not acted on (standing-guard.ts).
        standing: 'not-account',
        rateLimit: { max: ACCEPT_INVITATION_RATE_LIMIT_MAX, timeWindow: ACCEPT_INVITATION_RATE_LIMIT_WINDOW_MS },
      },
      schema: {
        tags: ['team'],
        summary: 'Accept an invitation and sign in',
        body: z
          .object({
            token: z.string().min(1).max(TOKEN_MAX_LENGTH),
            password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
            name: z.string().trim().max(NAME_MAX_LENGTH).optional(),
          })
          .strict(),
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const signedInUserId = request.auth?.via === 'session' ? request.auth.userId : null;
      const session = await deps.services.accounts.acceptInvitation({ ...request.body, signedInUserId }, requestMeta(request));
      setSessionCookie(reply, deps, session);
      return deps.services.accounts.me(session.principal.userId, session.principal.accountId);
    },
  );
}
