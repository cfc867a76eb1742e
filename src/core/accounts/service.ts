// The accounts service: signup, sessions, mailed tokens, team, API keys, profile, operators.
// Built once by the composition root (src/cli/services.ts) as `services.accounts`.
import type { AccountsDeps } from './deps.ts';
import { createApiKeyOps } from './api-keys.ts';
import { createEmailTokenOps } from './email-tokens.ts';
import { defaultIndustries } from './industries.ts';
import { createOperatorOps } from './operators.ts';
import { createProfileOps } from './profile.ts';
import { createSessionOps } from './sessions.ts';
import { createSignupOps } from './signup.ts';
import { createTeamOps } from './team.ts';

export function createAccountsService(deps: AccountsDeps) {
  const industries = deps.industries ?? defaultIndustries();
  const full = { ...deps, industries };
  const sessions = createSessionOps(full);
  const emailTokens = createEmailTokenOps(full);
  return {
    /** The declared-industry catalogue (ACC-02), for the signup form. */
    industries: () => industries,
    ...sessions,
    ...emailTokens,
    ...createSignupOps(full, emailTokens),
    ...createTeamOps(full, sessions),
    ...createApiKeyOps(full),
    ...createProfileOps(full),
    ...createOperatorOps(full),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
