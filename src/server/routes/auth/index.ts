// Auth routes under /api/v1: signup, login/logout, CSRF token, email verification, password
// reset, /me. The per-request resolver (installAuth) lives in resolve-auth.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { registerChangePassword } from './change-password.ts';
import { registerConfirmPasswordReset } from './confirm-password-reset.ts';
import { registerGetCsrfToken } from './get-csrf-token.ts';
import { registerGetMe } from './get-me.ts';
import { registerListIndustries } from './list-industries.ts';
import { registerLogin } from './login.ts';
import { registerLogout } from './logout.ts';
import { registerRequestPasswordReset } from './request-password-reset.ts';
import { registerResendVerification } from './resend-verification.ts';
import { registerSignup } from './signup.ts';
import { registerSwitchAccount } from './switch-account.ts';
import { registerUpdateMe } from './update-me.ts';
import { registerVerifyEmail } from './verify-email.ts';

/** Registered with `{ prefix: '/api/v1' }` in routes/index.ts. */
export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    registerSignup(app, deps);
    registerListIndustries(app, deps);
    registerLogin(app, deps);
    registerLogout(app, deps);
    registerGetCsrfToken(app);
    registerVerifyEmail(app, deps);
    registerResendVerification(app, deps);
    registerRequestPasswordReset(app, deps);
    registerConfirmPasswordReset(app, deps);
    registerChangePassword(app, deps);
    registerGetMe(app, deps);
    registerUpdateMe(app, deps);
    registerSwitchAccount(app, deps);
  };
}
