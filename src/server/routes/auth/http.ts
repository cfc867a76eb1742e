// Shared pieces of the auth, account, team and api-keys route areas: the zod-typed app, the
// session cookie (SEC-01) and the request metadata stored with acceptances and sessions.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RequestMeta } from '../../../core/accounts/deps.ts';
import type { AppDeps } from '../../deps.ts';
import { clientIp, userAgent } from '../../auth.ts';

export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** SEC-01: the session cookie. httpOnly (no script reads it), SameSite=Lax, Secure per config. */
export const SESSION_COOKIE = 'assent_session';

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, session: { token: string; expiresAt: string }): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: deps.config.cookieSecure,
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: deps.config.cookieSecure });
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: clientIp(request), userAgent: userAgent(request) };
}
