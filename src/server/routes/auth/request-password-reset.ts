// POST /api/v1/auth/password-reset/request {email} → 202 whether or not the email is known.
import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';

/** Reset mails per IP address per window (they cost a mail each). */
export const PASSWORD_RESET_RATE_LIMIT_MAX = 10;
export const PASSWORD_RESET_RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000;

export function registerRequestPasswordReset(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/auth/password-reset/request',
    {
      config: { csrf: false, rateLimit: { max: PASSWORD_RESET_RATE_LIMIT_MAX, timeWindow: PASSWORD_RESET_RATE_LIMIT_WINDOW_MS } },
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset link',
        body: z.object({ email: z.string().trim().max(EMAIL_MAX_LENGTH) }).strict(),
      },
    },
    async (request, reply) => {
      await deps.services.accounts.requestPasswordReset(request.body.email);
      return reply.status(202).send({});
    },
  );
}
