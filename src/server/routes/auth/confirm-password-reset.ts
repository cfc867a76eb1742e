// POST /api/v1/auth/password-reset/confirm {token, password} — sets the password, ends all sessions.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, TOKEN_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';
import { OkSchema } from './schemas.ts';

export function registerConfirmPasswordReset(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/auth/password-reset/confirm',
    {
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the mailed token',
        body: z
          .object({ token: z.string().min(1).max(TOKEN_MAX_LENGTH), password: z.string().max(PASSWORD_MAX_LENGTH) })
          .strict(),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deps.services.accounts.confirmPasswordReset(request.body.token, request.body.password);
      return { ok: true as const };
    },
  );
}
