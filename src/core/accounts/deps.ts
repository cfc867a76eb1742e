// What createAccountsService needs; wired in src/cli/services.ts.
import type { Clock, Logger } from '../ports.ts';
import type { SystemMailSender } from '../system-mail/ports.ts';
import type { StandingGate } from '../standing/ports.ts';
import type { Industry } from './industries.ts';
import type { AccountsStore, PasswordHasher, TokenKit } from './ports.ts';

export interface AccountsDeps {
  store: AccountsStore;
  hasher: PasswordHasher;
  tokens: TokenKit;
  clock: Clock;
  logger: Logger;
  systemMail: SystemMailSender;
  standing: StandingGate;
  /** Base of links in system mail, e.g. `${publicUrl}/app/verify-email?token=…`. */
  publicUrl: string;
  /** The declared-industry catalogue; defaults to policy/industries.json. */
  industries?: Industry[];
}

/** Where a request came from, stored with acceptances and sessions (ACC-01). */
export interface RequestMeta {
  ip: string;
  userAgent: string;
}
