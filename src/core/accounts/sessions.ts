// Signing in and out, resolving a session cookie, /me and switching the current account (SEC-01).
import { invalid, notFound, unauthenticated } from '../errors.ts';
import { addMs, assertPasswordRules, dummyHashOnce, normalizeEmail } from './credentials.ts';
import type { AccountsDeps, RequestMeta } from './deps.ts';
import { PASSWORD_MAX_LENGTH, SESSION_TTL_MS, TOKEN_BYTES } from './limits.ts';
import type { SessionPrincipal } from './types.ts';
import { currentAccountView, membershipsView, userView, type MeView } from './views.ts';

export interface StartedSession {
  /** The cookie value; only its digest is stored. */
  token: string;
  expiresAt: string;
  principal: SessionPrincipal;
}

const INVALID_CREDENTIALS_MESSAGE = 'The email or the password is wrong.';

export function createSessionOps(deps: AccountsDeps) {
  const { store, tokens, clock, hasher } = deps;
  const dummyHash = dummyHashOnce(hasher);

  async function startSession(userId: string, accountId: string | null, meta: RequestMeta): Promise<StartedSession> {
    const token = tokens.randomToken(TOKEN_BYTES);
    const now = clock.now();
    const session = {
      id: tokens.digest(token),
      userId,
      accountId,
      createdAt: now.toISOString(),
      expiresAt: addMs(now, SESSION_TTL_MS),
      ip: meta.ip,
      userAgent: meta.userAgent,
    };
    await store.sessions.create(session);
    const principal = await store.sessions.resolve(session.id, session.createdAt);
    if (!principal) throw new Error('session vanished right after it was created');
    return { token, expiresAt: session.expiresAt, principal };
  }

  /** The first account the user belongs to (oldest membership), or null for operators without one. */
  async function defaultAccountId(userId: string): Promise<string | null> {
    const memberships = await store.users.memberships(userId);
    return memberships[0]?.accountId ?? null;
  }

  async function me(userId: string, accountId: string | null): Promise<MeView> {
    const user = await store.users.byId(userId);
    if (!user) throw unauthenticated('UNAUTHENTICATED', 'Sign in first.');
    const memberships = await store.users.memberships(userId);
    const current = accountId ? memberships.find((m) => m.accountId === accountId) : undefined;
    const account = current ? await store.accounts.get(current.accountId) : null;
    return {
      user: userView(user),
      account: account && current ? currentAccountView(account, current.role) : null,
      accounts: membershipsView(memberships),
    };
  }

  return {
    startSession,
    defaultAccountId,

    /**
     * SEC-01: the same error, with the same body, whether the email is unknown or the password is
     * wrong; an unknown email still costs one argon2 verification so timing does not tell either.
     */
    async login(email: string, password: string, meta: RequestMeta): Promise<StartedSession> {
      const user = await store.users.byEmail(normalizeEmail(email));
      const candidate = password.slice(0, PASSWORD_MAX_LENGTH + 1);
      const ok = user
        ? await hasher.verify(user.passwordHash, candidate)
        : (await hasher.verify(await dummyHash(), candidate), false);
      if (!user || !ok) throw unauthenticated('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
      return startSession(user.id, await defaultAccountId(user.id), meta);
    },

    /**
     * A signed-in user changes the password: the current one must be given (a left-open session
     * is not enough), and every other session of the user ends; this one stays signed in.
     */
    async changePassword(userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
      const user = await store.users.byId(userId);
      if (!user) throw unauthenticated('UNAUTHENTICATED', 'Sign in first.');
      if (!(await hasher.verify(user.passwordHash, currentPassword.slice(0, PASSWORD_MAX_LENGTH + 1)))) {
        throw invalid('CURRENT_PASSWORD_WRONG', 'The current password is wrong.');
      }
      assertPasswordRules(newPassword);
      await store.users.changePassword(userId, await hasher.hash(newPassword), sessionId);
    },

    async logout(sessionId: string): Promise<void> {
      await store.sessions.delete(sessionId);
    },

    /** The principal behind a session cookie, or null when it is unknown or expired. */
    async resolveSession(token: string): Promise<SessionPrincipal | null> {
      if (!token) return null;
      return store.sessions.resolve(tokens.digest(token), clock.now().toISOString());
    },

    me,

    /** ACC-03: only an account the user is a member of; any other id is "not found". */
    async switchAccount(sessionId: string, userId: string, accountId: string): Promise<MeView> {
      const memberships = await store.users.memberships(userId);
      if (!memberships.some((m) => m.accountId === accountId)) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
      await store.sessions.setAccount(sessionId, accountId);
      return me(userId, accountId);
    },
  };
}

export type SessionOps = ReturnType<typeof createSessionOps>;
