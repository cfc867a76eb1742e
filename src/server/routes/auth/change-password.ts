// POST /api/v1/auth/password {currentPassword, newPassword} — a signed-in user changes the
// password; the user's other sessions end. Session only (an API key has no password), and
// CSRF-checked like every cookie-authenticated change.
import { z } from 'zod';
import { forbidden } from '../../../core/errors.ts';
import { PASSWORD_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import { requireUser } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';
import { OkSchema } from './schemas.ts';

export function registerChangePassword(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your password (ends your other sessions)',
        body: z
          .object({ currentPassword: z.string().max(PASSWORD_MAX_LENGTH), newPassword: z.string().max(PASSWORD_MAX_LENGTH) })
          .strict(),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      const auth = requireUser(request);
      if (auth.via !== 'session' || !auth.sessionId)
        throw forbidden('SESSION_ONLY', 'Change the password from a signed-in session.');
      await deps.services.accounts.changePassword(
        auth.userId,
        auth.sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );
}
