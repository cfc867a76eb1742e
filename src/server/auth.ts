// Who is calling. `request.auth` is set once per request by the resolver in
// routes/auth/resolve-auth.ts (session cookie or API key); handlers only read it through these
// guards, so a route cannot forget whose data it touches.
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../core/errors.ts';
import type { AccountRole, PlatformRole } from '../db/schema/accounts.ts';

export interface AuthContext {
  via: 'session' | 'api-key';
  /** null for API keys */
  userId: string | null;
  /** The account acted on: the session's current account, or the API key's account. */
  accountId: string | null;
  accountRole: AccountRole | null;
  platformRole: PlatformRole | null;
  /** API key scopes; sessions carry ['*']. */
  scopes: string[];
  sessionId: string | null;
  /** The API key's id for API-key requests (recorded as the source of what the key does). */
  apiKeyId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export interface AccountAuth extends AuthContext {
  accountId: string;
}

/** The caller acting for a customer account; 401 when nobody is signed in. */
export function requireAccount(request: FastifyRequest, scope?: string): AccountAuth {
  const auth = request.auth;
  if (!auth) throw unauthenticated('UNAUTHENTICATED', 'Sign in or send an API key.');
  if (!auth.accountId) throw forbidden('NO_ACCOUNT', 'This user has no customer account selected.');
  if (scope && auth.via === 'api-key' && !auth.scopes.includes(scope) && !auth.scopes.includes('*')) {
    throw forbidden('API_KEY_SCOPE', `This API key lacks the scope "${scope}".`);
  }
  return auth as AccountAuth;
}

export function requireOwner(request: FastifyRequest): AccountAuth {
  const auth = requireAccount(request);
  if (auth.via !== 'session' || auth.accountRole !== 'owner') {
    throw forbidden('OWNER_ONLY', 'Only the account owner can do this.');
  }
  return auth;
}

export function requireUser(request: FastifyRequest): AuthContext & { userId: string } {
  const auth = request.auth;
  if (!auth || !auth.userId) throw unauthenticated('UNAUTHENTICATED', 'Sign in first.');
  return auth as AuthContext & { userId: string };
}

/** Platform operators. Admins can do everything a reviewer can. */
export function requireOperator(request: FastifyRequest, role: PlatformRole = 'reviewer'): AuthContext & { userId: string } {
  const auth = requireUser(request);
  if (!auth.platformRole || (role === 'admin' && auth.platformRole !== 'admin')) {
    throw forbidden(
      'OPERATOR_ONLY',
      role === 'admin' ? 'Only a platform admin can do this.' : 'Only platform operators can do this.',
    );
  }
  return auth;
}

export function clientIp(request: FastifyRequest): string {
  return request.ip ?? '';
}

export const MAX_USER_AGENT_LENGTH = 512;
export function userAgent(request: FastifyRequest): string {
  return String(request.headers['user-agent'] ?? '').slice(0, MAX_USER_AGENT_LENGTH);
}
