// Accounts, users, memberships and credentials (migration 0001).
import type { Generated } from 'kysely';

export type Standing = 'active' | 'warned' | 'restricted' | 'suspended' | 'blocked';
export type AccountReview = 'none' | 'pending' | 'refused';

export interface AccountsTable {
  id: string;
  name: string;
  postal_address: string;
  industry: string;
  declared_sending: string;
  /** Account standing (ACC-04). Changed only through the standing service, which audits it. */
  standing: Generated<Standing>;
  /** JSON array of restricted services while standing is 'restricted'. */
  restricted_services: Generated<string>;
  /** Signup review for declared industries the policy holds for review (ACC-02). */
  review: Generated<AccountReview>;
  /** 0 once the account was blocked for a policy violation (ACC-06 "No refunds"). */
  refund_eligible: Generated<number>;
  /** 1 when the owner turned off feature news (ACC-07); account-critical mail ignores it. */
  feature_news_opt_out: Generated<number>;
  language: Generated<string>;
  /** ISO 3166 alpha-2: the country of phone numbers typed without +country code (migration 0063). */
  default_country: string | null;
  /** http(s) link shown on the hosted form and the preference page (migration 0063). */
  privacy_policy_url: string | null;
  created_at: string;
  updated_at: string;
}

export type PlatformRole = 'admin' | 'reviewer';
export type AccountRole = 'owner' | 'member';

export interface UsersTable {
  id: string;
  /** Lower-cased, unique platform-wide. */
  email: string;
  password_hash: string;
  name: Generated<string>;
  email_verified_at: string | null;
  /** Platform operator role; null for customers. */
  platform_role: PlatformRole | null;
  language: Generated<string>;
  created_at: string;
}

export interface MembershipsTable {
  account_id: string;
  user_id: string;
  role: AccountRole;
  created_at: string;
}

export interface PolicyAcceptancesTable {
  id: string;
  account_id: string;
  user_id: string;
  /** 'terms' | 'anti-spam' */
  document: string;
  version: string;
  accepted_at: string;
  ip: string;
  user_agent: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself lives only in the browser's cookie. */
  id: string;
  user_id: string;
  account_id: string | null;
  created_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  name: string;
  /** First characters of the key, shown in lists so a person can tell keys apart. */
  prefix: string;
  /** SHA-256 of the full key. */
  key_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitationsTable {
  id: string;
  account_id: string;
  email: string;
  role: AccountRole;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface UserTokensTable {
  /** SHA-256 of the token. */
  id: string;
  user_id: string;
  purpose: 'verify-email' | 'password-reset';
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AccountTables {
  accounts: AccountsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  policy_acceptances: PolicyAcceptancesTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  invitations: InvitationsTable;
  user_tokens: UserTokensTable;
}
