// POST /api/v1/team/invitations {email, role} — owner only; mails a single-use invitation link.
import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import { ACCOUNT_ROLES } from '../../../core/accounts/types.ts';
import { requireOwner } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';

/** Invitations per account owner per window (each one is a mail). */
export const INVITE_RATE_LIMIT_MAX = 50;
export const INVITE_RATE_LIMIT_WINDOW_MS = 60 * 60 * 1000;

export function registerInviteMember(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/team/invitations',
    {
      config: {
        rateLimit: {
          max: INVITE_RATE_LIMIT_MAX,
          timeWindow: INVITE_RATE_LIMIT_WINDOW_MS,
          keyGenerator: (r) => r.auth?.accountId ?? r.ip,
        },
      },
      schema: {
        tags: ['team'],
        summary: 'Invite a person to the account (owner)',
        body: z.object({ email: z.string().trim().max(EMAIL_MAX_LENGTH).email(), role: z.enum(ACCOUNT_ROLES) }).strict(),
        response: { 201: z.object({ id: z.string(), email: z.string(), role: z.enum(ACCOUNT_ROLES), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const auth = requireOwner(request);
      const invitation = await deps.services.accounts.invite(auth.accountId, auth.userId ?? '', request.body);
      return reply.status(201).send(invitation);
    },
  );
}
