// Creating an account (ACC-01, ACC-02): two separate policy boxes, the declared-industry policy,
// then account + owner + both acceptances in one transaction and a verification mail. No session:
// an address that already has a user gets the same answer, in the same time, and its user a
// 'signup-attempt' mail instead (no account enumeration; see CONTEXT.md "Address taken").
import { randomUUID } from 'node:crypto';
import { invalid, unprocessable } from '../errors.ts';
import { assertEmailShape, assertPasswordRules, normalizeEmail } from './credentials.ts';
import type { AccountsDeps, RequestMeta } from './deps.ts';
import { classifyIndustry, type Industry } from './industries.ts';
import { ANTI_SPAM_VERSION, TERMS_VERSION } from './policy-versions.ts';
import type { AccountLanguage, AccountReview, PolicyAcceptance, UserRecord } from './types.ts';
import { userView, type UserView } from './views.ts';
import type { EmailTokenOps } from './email-tokens.ts';

export interface SignupInput {
  email: string;
  password: string;
  name?: string;
  companyName: string;
  postalAddress: string;
  industry: string;
  declaredSending: string;
  /** Each box must be ticked by the person: `true`, not merely present (ACC-01). */
  acceptTerms?: boolean;
  acceptAntiSpam?: boolean;
  language?: AccountLanguage;
}

/**
 * What happened, for the core's callers and tests. The HTTP answer must not tell the two apart
 * (routes/auth/signup.ts answers 202 'verify-email' for both).
 */
export type SignupResult =
  | {
      outcome: 'created';
      user: UserView;
      account: { id: string; name: string; review: AccountReview; reviewReason: string | null };
    }
  | { outcome: 'address-taken' };

export function createSignupOps(deps: AccountsDeps & { industries: Industry[] }, emailTokens: EmailTokenOps) {
  const { store, hasher, clock, logger, systemMail, publicUrl } = deps;

  /** Tells the existing user that someone tried to sign up with their address (critical mail). */
  async function sendSignupAttempt(existing: UserRecord): Promise<void> {
    await systemMail.enqueue({
      to: existing.email,
      template: 'signup-attempt',
      data: { name: existing.name, signInLink: `${publicUrl}/app/login`, resetLink: `${publicUrl}/app/reset-password` },
      language: existing.language,
      category: 'critical',
    });
  }

  /**
   * A mail failure must not change the answer (a 500 for one case only would tell the cases
   * apart); the person can ask again (verify-email/resend, password reset).
   */
  async function queueMail(send: () => Promise<void>, what: string): Promise<void> {
    try {
      await send();
    } catch (err) {
      logger.error({ err }, `signup: could not queue the ${what} mail`);
    }
  }

  async function addressTaken(existing: UserRecord | null): Promise<SignupResult> {
    if (existing) await queueMail(() => sendSignupAttempt(existing), 'signup-attempt');
    return { outcome: 'address-taken' };
  }

  return {
    async signup(input: SignupInput, meta: RequestMeta): Promise<SignupResult> {
      // ACC-01: two separate boxes; neither defaults to accepted.
      if (input.acceptTerms !== true) throw invalid('TERMS_NOT_ACCEPTED', 'Tick the box to accept the Terms of Service.');
      if (input.acceptAntiSpam !== true) throw invalid('ANTI_SPAM_NOT_ACCEPTED', 'Tick the box to accept the Anti-Spam Policy.');

      // ACC-02: the declared industry decides whether we take the account at all.
      const decision = classifyIndustry(deps.industries, input.industry);
      if (decision.policy === 'unknown') throw invalid('INDUSTRY_UNKNOWN', 'Choose your industry from the list.');
      if (decision.policy === 'refused') {
        throw unprocessable('INDUSTRY_NOT_ACCEPTED', `We cannot accept accounts in this industry. ${decision.clause}`, {
          industry: input.industry,
          clause: decision.clause,
        });
      }

      const email = normalizeEmail(input.email);
      assertEmailShape(email);
      assertPasswordRules(input.password);
      // Hashed before the lookup, whether or not the address is taken: argon2 is most of the
      // time of a signup, so both cases cost it (no account enumeration by timing).
      const passwordHash = await hasher.hash(input.password);
      const existing = await store.users.byEmail(email);
      if (existing) return addressTaken(existing);

      const now = clock.now().toISOString();
      const language = input.language ?? 'en';
      const review: AccountReview = decision.policy === 'review' ? 'pending' : 'none';
      const accountId = randomUUID();
      const userId = randomUUID();
      const user = {
        id: userId,
        email,
        passwordHash,
        name: (input.name ?? '').trim(),
        emailVerifiedAt: null,
        platformRole: null,
        language,
        createdAt: now,
      };
      const accept = (document: PolicyAcceptance['document'], version: string): PolicyAcceptance => ({
        id: randomUUID(),
        accountId,
        userId,
        document,
        version,
        acceptedAt: now,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      const created = await store.accounts.createWithOwner({
        account: {
          id: accountId,
          name: input.companyName.trim(),
          postalAddress: input.postalAddress.trim(),
          industry: input.industry,
          declaredSending: input.declaredSending.trim(),
          review,
          language,
          createdAt: now,
        },
        user,
        acceptances: [accept('terms', TERMS_VERSION), accept('anti-spam', ANTI_SPAM_VERSION)],
      });
      // A concurrent signup took the address between the lookup and the insert.
      if (created === 'email-taken') return addressTaken(await store.users.byEmail(email));

      // The owner signs in with the password (/auth/login) once they choose to; the mail's link
      // verifies the address.
      await queueMail(() => emailTokens.sendVerification(userId), 'verification');
      return {
        outcome: 'created',
        user: userView(user),
        account: {
          id: accountId,
          name: input.companyName.trim(),
          review,
          reviewReason: decision.policy === 'review' ? decision.clause : null,
        },
      };
    },
  };
}
