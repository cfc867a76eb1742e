// PATCH /api/v1/me {language} — the signed-in user's own language (issue 13 §8): the app's
// language switch saves it, the app starts in it after the next sign-in, and the user's own mail
// (verification, reset) is written in it. CSRF-checked like every cookie-authenticated change.
import { z } from 'zod';
import { ACCOUNT_LANGUAGES } from '../../../core/accounts/types.ts';
import { requireUser } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';
import { OkSchema } from './schemas.ts';

export function registerUpdateMe(app: ZodApp, deps: AppDeps): void {
  app.patch(
    '/me',
    {
      // The user's own preference, not one account's data: no account standing applies.
      config: { standing: 'not-account' },
      schema: {
        tags: ['auth'],
        summary: 'Set your own language',
        body: z.object({ language: z.enum(ACCOUNT_LANGUAGES) }).strict(),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      const auth = requireUser(request);
      await deps.services.accounts.setUserLanguage(auth.userId, request.body.language);
      return { ok: true as const };
    },
  );
}
