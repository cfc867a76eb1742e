// POST /api/v1/auth/password-reset/request {email} → 202 whether or not the email is known, in the
// same time for both (no account enumeration by timing).
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
      // Answer first, work after: a known address costs a token and an outbox mail, an unknown one
      // nothing, so awaiting the work would tell by the answer's timing whether the address has
      // an account (6 ms against 2 ms). The work runs once the 202 is on its way; a failure is
      // logged (the person asks again).
      const email = request.body.email;
      await reply.status(202).send({});
      setImmediate(() => {
        deps.services.accounts.requestPasswordReset(email).catch((err: unknown) => {
          request.log.error({ err }, 'password reset: could not issue the token or queue the mail');
        });
      });
      return reply;
    },
  );
}
