// POST /api/v1/auth/logout — ends this session (needs the CSRF token like every cookie state change).
import type { AppDeps } from '../../deps.ts';
import { clearSessionCookie, type ZodApp } from './http.ts';

export function registerLogout(app: ZodApp, deps: AppDeps): void {
  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (request, reply) => {
    if (request.auth?.sessionId) await deps.services.accounts.logout(request.auth.sessionId);
    clearSessionCookie(reply, deps);
    return reply.status(204).send();
  });
}
