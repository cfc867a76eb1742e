// POST /api/v1/auth/signup (ACC-01, ACC-02). The two acceptance booleans are optional in the
// schema so that a missing box answers its own code (TERMS_NOT_ACCEPTED / ANTI_SPAM_NOT_ACCEPTED)
// from the core, not a generic validation error.
// No account enumeration: a new address and one that already has a user get the same 202
// { status: 'verify-email' }, without a session cookie, after the same work (an argon2 hash and
// one outbox mail each: the verification mail, or the 'signup-attempt' mail to the existing
// user). The new owner signs in with /auth/login. Checks that depend only on the form (boxes,
// industry, email syntax, password rules) still answer their own codes.
import { z } from 'zod';
import {
  DECLARED_SENDING_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  POSTAL_ADDRESS_MAX_LENGTH,
} from '../../../core/accounts/limits.ts';
import { ACCOUNT_LANGUAGES } from '../../../core/accounts/types.ts';
import type { AppDeps } from '../../deps.ts';
import { requestMeta, type ZodApp } from './http.ts';
import { SignupAnswerSchema } from './schemas.ts';

/** Signups per IP address per window: slows scripted account creation. */
export const SIGNUP_RATE_LIMIT_MAX = 30;
export const SIGNUP_RATE_LIMIT_WINDOW_MS = 60 * 60 * 1000;

export const SignupBody = z
  .object({
    email: z.string().trim().max(EMAIL_MAX_LENGTH).email(),
    password: z.string().max(PASSWORD_MAX_LENGTH),
    name: z.string().trim().max(NAME_MAX_LENGTH).optional(),
    companyName: z.string().trim().min(1).max(NAME_MAX_LENGTH),
    postalAddress: z.string().trim().min(1).max(POSTAL_ADDRESS_MAX_LENGTH),
    industry: z.string().max(64),
    declaredSending: z.string().trim().min(1).max(DECLARED_SENDING_MAX_LENGTH),
    acceptTerms: z.boolean().optional(),
    acceptAntiSpam: z.boolean().optional(),
    language: z.enum(ACCOUNT_LANGUAGES).optional(),
  })
  .strict();

export function registerSignup(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/auth/signup',
    {
      config: { csrf: false, rateLimit: { max: SIGNUP_RATE_LIMIT_MAX, timeWindow: SIGNUP_RATE_LIMIT_WINDOW_MS } },
      schema: {
        tags: ['auth'],
        summary: 'Create an account (accepting the Terms and the Anti-Spam Policy); a mail confirms the address',
        body: SignupBody,
        response: { 202: SignupAnswerSchema },
      },
    },
    async (request, reply) => {
      // The outcome (created or address-taken) stays in the core: the answer is the same.
      await deps.services.accounts.signup(request.body, requestMeta(request));
      return reply.status(202).send({ status: 'verify-email' as const });
    },
  );
}
