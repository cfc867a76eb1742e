// POST /api/v1/auth/verify-email/resend — queues a new verification mail for the signed-in user.
import { requireUser } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';

/** Resends per user per window. */
export const RESEND_VERIFICATION_RATE_LIMIT_MAX = 5;
export const RESEND_VERIFICATION_RATE_LIMIT_WINDOW_MS = 60 * 60 * 1000;

export function registerResendVerification(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/auth/verify-email/resend',
    {
      config: {
        rateLimit: {
          max: RESEND_VERIFICATION_RATE_LIMIT_MAX,
          timeWindow: RESEND_VERIFICATION_RATE_LIMIT_WINDOW_MS,
          keyGenerator: (r) => r.auth?.userId ?? r.ip,
        },
      },
      schema: { tags: ['auth'], summary: 'Send the verification mail again' },
    },
    async (request, reply) => {
      const auth = requireUser(request);
      await deps.services.accounts.sendVerification(auth.userId);
      return reply.status(202).send();
    },
  );
}
