// Creating an account (ACC-01, ACC-02): two separate policy boxes, the declared-industry policy,
// then account + owner + both acceptances in one transaction, a session, and a verification mail.
import { randomUUID } from 'node:crypto';
import { conflict, invalid, unprocessable } from '../errors.ts';
import { assertEmailShape, assertPasswordRules, normalizeEmail } from './credentials.ts';
import type { AccountsDeps, RequestMeta } from './deps.ts';
import { classifyIndustry, type Industry } from './industries.ts';
import { ANTI_SPAM_VERSION, TERMS_VERSION } from './policy-versions.ts';
import type { SessionOps, StartedSession } from './sessions.ts';
import type { AccountLanguage, AccountReview, PolicyAcceptance } from './types.ts';
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

export interface SignupResult {
  user: UserView;
  account: { id: string; name: string; review: AccountReview; reviewReason: string | null };
  session: StartedSession;
}

export function createSignupOps(
  deps: AccountsDeps & { industries: Industry[] },
  sessions: SessionOps,
  emailTokens: EmailTokenOps,
) {
  const { store, hasher, clock, logger } = deps;

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
      if (await store.users.byEmail(email))
        throw conflict('EMAIL_TAKEN', 'An account with this email already exists; sign in instead.');

      const now = clock.now().toISOString();
      const language = input.language ?? 'en';
      const review: AccountReview = decision.policy === 'review' ? 'pending' : 'none';
      const accountId = randomUUID();
      const userId = randomUUID();
      const user = {
        id: userId,
        email,
        passwordHash: await hasher.hash(input.password),
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
      if (created === 'email-taken') throw conflict('EMAIL_TAKEN', 'An account with this email already exists; sign in instead.');

      const session = await sessions.startSession(userId, accountId, meta);
      try {
        await emailTokens.sendVerification(userId);
      } catch (err) {
        // The account exists and works; the owner can ask for the mail again (verify-email/resend).
        logger.error({ err, accountId }, 'signup: could not queue the verification mail');
      }
      return {
        user: userView(user),
        account: {
          id: accountId,
          name: input.companyName.trim(),
          review,
          reviewReason: decision.policy === 'review' ? decision.clause : null,
        },
        session,
      };
    },
  };
}
