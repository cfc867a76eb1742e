// Single-use mailed tokens: email verification and password reset. Random 32 bytes, stored as a
// SHA-256 digest, expiring, consumed in the same transaction as their effect.
import { invalid } from '../errors.ts';
import { addMs, assertPasswordRules, normalizeEmail } from './credentials.ts';
import type { AccountsDeps } from './deps.ts';
import { PASSWORD_RESET_TTL_MS, TOKEN_BYTES, VERIFY_EMAIL_TTL_MS } from './limits.ts';
import type { UserTokenPurpose } from './types.ts';

const TOKEN_INVALID_MESSAGE = 'This link is invalid, was already used or has expired; ask for a new one.';

export function createEmailTokenOps(deps: AccountsDeps) {
  const { store, tokens, clock, systemMail, publicUrl } = deps;

  async function issue(userId: string, purpose: UserTokenPurpose, ttlMs: number): Promise<string> {
    const token = tokens.randomToken(TOKEN_BYTES);
    const now = clock.now();
    await store.userTokens.create({
      id: tokens.digest(token),
      userId,
      purpose,
      createdAt: now.toISOString(),
      expiresAt: addMs(now, ttlMs),
    });
    return token;
  }

  return {
    /** Queues the 'verify-email' system mail (critical: ignores the feature-news opt-out, ACC-07). */
    async sendVerification(userId: string): Promise<void> {
      const user = await store.users.byId(userId);
      if (!user || user.emailVerifiedAt) return;
      const token = await issue(userId, 'verify-email', VERIFY_EMAIL_TTL_MS);
      await systemMail.enqueue({
        to: user.email,
        template: 'verify-email',
        data: {
          name: user.name,
          link: `${publicUrl}/app/verify-email?token=${encodeURIComponent(token)}`,
          expiresInHours: VERIFY_EMAIL_TTL_MS / 3_600_000,
        },
        language: user.language,
        category: 'critical',
      });
    },

    async verifyEmail(token: string): Promise<void> {
      const userId = await store.userTokens.verifyEmail(tokens.digest(token), clock.now().toISOString());
      if (!userId) throw invalid('TOKEN_INVALID', TOKEN_INVALID_MESSAGE);
    },

    /** Always succeeds, whether or not the email is known (no account enumeration). */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await store.users.byEmail(normalizeEmail(email));
      if (!user) return;
      const token = await issue(user.id, 'password-reset', PASSWORD_RESET_TTL_MS);
      await systemMail.enqueue({
        to: user.email,
        template: 'password-reset',
        data: {
          name: user.name,
          link: `${publicUrl}/app/reset-password?token=${encodeURIComponent(token)}`,
          expiresInMinutes: PASSWORD_RESET_TTL_MS / 60_000,
        },
        language: user.language,
        category: 'critical',
      });
    },

    /** Sets the new password and ends every session of the user (a reset means "lock others out"). */
    async confirmPasswordReset(token: string, password: string): Promise<void> {
      assertPasswordRules(password);
      const hash = await deps.hasher.hash(password);
      const userId = await store.userTokens.resetPassword(tokens.digest(token), hash, clock.now().toISOString());
      if (!userId) throw invalid('TOKEN_INVALID', TOKEN_INVALID_MESSAGE);
    },
  };
}

export type EmailTokenOps = ReturnType<typeof createEmailTokenOps>;
