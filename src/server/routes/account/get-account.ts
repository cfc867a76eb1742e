// GET /api/v1/account — the current account's settings (API keys need the scope account:read).
import { requireAccount } from '../../auth.ts';
import type { AppDeps } from '../../deps.ts';
import type { ZodApp } from '../auth/http.ts';
import { AccountSchema } from '../auth/schemas.ts';

export function registerGetAccount(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/account',
    { schema: { tags: ['account'], summary: 'The current account', response: { 200: AccountSchema } } },
    async (request) => {
      const auth = requireAccount(request, 'account:read');
      return deps.services.accounts.getAccount(auth.accountId);
    },
  );
}
