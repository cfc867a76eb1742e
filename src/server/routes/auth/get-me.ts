// GET /api/v1/me — the signed-in user, the current account and the accounts they can switch to.
import { requireUser } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from './http.ts';
import { MeSchema } from './schemas.ts';

export function registerGetMe(app: ZodApp, deps: AppDeps): void {
  app.get('/me', { schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: MeSchema } } }, async (request) => {
    const auth = requireUser(request);
    return deps.services.accounts.me(auth.userId, auth.accountId);
  });
}
