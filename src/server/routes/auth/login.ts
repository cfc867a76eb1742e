// POST /api/v1/auth/login (SEC-01). Wrong password and unknown email give the same 401 body.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '../../../core/accounts/limits.ts';
import type { AppDeps } from '../../deps.ts';
import { requestMeta, setSessionCookie, type ZodApp } from './http.ts';
import { MeSchema } from './schemas.ts';

/** Attempts per IP address and email per window (password guessing on one user). */
export const LOGIN_RATE_LIMIT_MAX = 10;
export const LOGIN_RATE_LIMIT_WINDOW_MS = 60 * 1000;
/** Attempts per IP address per window, whatever the email (credential stuffing). */
export const LOGIN_RATE_LIMIT_PER_IP_MAX = 100;

const LoginBody = z.object({ email: z.string().max(EMAIL_MAX_LENGTH), password: z.string().max(PASSWORD_MAX_LENGTH) }).strict();

function ipAndEmail(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `${request.ip}|${email}`;
}

export function registerLogin(app: ZodApp, deps: AppDeps): void {
  const perIp = app.createRateLimit({
    max: LOGIN_RATE_LIMIT_PER_IP_MAX,
    timeWindow: LOGIN_RATE_LIMIT_WINDOW_MS,
    keyGenerator: (r) => `login-ip|${r.ip}`,
  });
  app.post(
    '/auth/login',
    {
      // The body is parsed by preHandler time, so the key can include the email.
      config: {
        csrf: false,
        rateLimit: {
          max: LOGIN_RATE_LIMIT_MAX,
          timeWindow: LOGIN_RATE_LIMIT_WINDOW_MS,
          hook: 'preHandler',
          keyGenerator: ipAndEmail,
        },
      },
      onRequest: async (request) => {
        // A second, looser limit per IP; @fastify/rate-limit runs one route limit per request,
        // so this one is checked by hand.
        const result = await perIp(request);
        if (!result.isAllowed && result.isExceeded)
          throw new AppError('RATE_LIMITED', 'Too many sign-in attempts from this address; wait a minute.');
      },
      schema: { tags: ['auth'], summary: 'Sign in with email and password', body: LoginBody, response: { 200: MeSchema } },
    },
    async (request, reply) => {
      const session = await deps.services.accounts.login(request.body.email, request.body.password, requestMeta(request));
      setSessionCookie(reply, deps, session);
      return deps.services.accounts.me(session.principal.userId, session.principal.accountId);
    },
  );
}
