// POST /api/v1/auth/verify-email {token} — the mailed link's token is the only credential.
import { z } from 'zod';
import { TOKEN_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';
import { OkSchema } from './schemas.ts';

export function registerVerifyEmail(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/auth/verify-email',
    {
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Confirm an email address with the mailed token',
        body: z.object({ token: z.string().min(1).max(TOKEN_MAX_LENGTH) }).strict(),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await deps.services.accounts.verifyEmail(request.body.token);
      return { ok: true as const };
    },
  );
}
