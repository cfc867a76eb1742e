// GET /api/v1/auth/csrf — the token to send as `x-csrf-token` on cookie-authenticated
// POST/PUT/PATCH/DELETE (SEC-01). Sets the secret cookie when missing.
import { z } from 'zod';
import type { ZodApp } from './http.ts';

export function registerGetCsrfToken(app: ZodApp): void {
  app.get(
    '/auth/csrf',
    { schema: { tags: ['auth'], summary: 'Get a CSRF token', response: { 200: z.object({ token: z.string() }) } } },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return { token: reply.generateCsrf() };
    },
  );
}
