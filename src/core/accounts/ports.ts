// What the account area needs from the outside: password hashing and token primitives
// (src/security) and storage (src/db/repositories). The core never imports those adapters.
import type {
  AccountRecord,
  ApiKeyRecord,
  InvitationRecord,
  MembershipSummary,
  PlatformRole,
  PolicyAcceptance,
  SessionPrincipal,
  SessionRecord,
  TeamMember,
  UserRecord,
  UserTokenPurpose,
} from './types.ts';

/** SEC-01: argon2id in production (src/security/argon2-hasher.ts). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False (never throws) when the password does not match or the hash is malformed. */
  verify(hash: string, password: string): Promise<boolean>;
}

/** Random tokens and their stored digests (src/security/tokens.ts). */
export interface TokenKit {
  /** `bytes` random bytes, base64url (no padding). */
  randomToken(bytes?: number): string;
  /** Hex SHA-256: what the database stores instead of a token. */
  digest(token: string): string;
  /** Constant-time string comparison (STYLE 6). */
  equals(a: string, b: string): boolean;
}

export type NewAccount = Pick<
  AccountRecord,
  'id' | 'name' | 'postalAddress' | 'industry' | 'declaredSending' | 'review' | 'language' | 'createdAt'
>;
export type NewUser = Pick<
  UserRecord,
  'id' | 'email' | 'passwordHash' | 'name' | 'emailVerifiedAt' | 'platformRole' | 'language' | 'createdAt'
>;

export interface AccountProfilePatch {
  name?: string;
  postalAddress?: string;
  language?: string;
  featureNewsOptOut?: boolean;
  /** null clears it. */
  defaultCountry?: string | null;
  privacyPolicyUrl?: string | null;
}

export interface AccountRowsStore {
  /** Account, owner user, owner membership and both acceptances in ONE transaction (ACC-01). */
  createWithOwner(input: {
    account: NewAccount;
    user: NewUser;
    acceptances: PolicyAcceptance[];
  }): Promise<'created' | 'email-taken'>;
  get(accountId: string): Promise<AccountRecord | null>;
  update(accountId: string, patch: AccountProfilePatch, updatedAt: string): Promise<AccountRecord | null>;
  acceptances(accountId: string): Promise<PolicyAcceptance[]>;
}

export interface UsersStore {
  byEmail(email: string): Promise<UserRecord | null>;
  byId(userId: string): Promise<UserRecord | null>;
  create(user: NewUser): Promise<'created' | 'email-taken'>;
  setPassword(userId: string, passwordHash: string): Promise<void>;
  /** Sets the password and ends the user's other sessions, in one transaction. */
  changePassword(userId: string, passwordHash: string, keepSessionId: string): Promise<void>;
  setPlatformRole(userId: string, role: PlatformRole | null): Promise<void>;
  /** The language the user reads the app and their own mail in (I18N). */
  setLanguage(userId: string, language: string): Promise<void>;
  anyOperator(): Promise<boolean>;
  /** The user's accounts, oldest membership first. */
  memberships(userId: string): Promise<MembershipSummary[]>;
}

export interface SessionsStore {
  create(session: SessionRecord): Promise<void>;
  /** The principal of a session that exists and has not expired at `now`. */
  resolve(sessionId: string, now: string): Promise<SessionPrincipal | null>;
  setAccount(sessionId: string, accountId: string | null): Promise<void>;
  delete(sessionId: string): Promise<void>;
}

/** Account-scoped API key queries: every one filters by the account (ACC-03). */
export interface AccountApiKeys {
  list(): Promise<ApiKeyRecord[]>;
  countActive(): Promise<number>;
  create(key: Omit<ApiKeyRecord, 'accountId'>): Promise<void>;
  /** True when a key of this account was revoked now or earlier; false when it is not ours. */
  revoke(apiKeyId: string, at: string): Promise<boolean>;
}

export interface ApiKeysStore {
  forAccount(accountId: string): AccountApiKeys;
  /** Unscoped on purpose: authentication looks a key up by its digest before any account is known. */
  byHash(keyHash: string): Promise<ApiKeyRecord | null>;
  /** Sets last_used_at = now unless it was set less than `minIntervalMs` ago. */
  touch(apiKeyId: string, now: Date, minIntervalMs: number): Promise<void>;
}

/** Account-scoped team queries (ACC-03). */
export interface AccountTeam {
  members(): Promise<TeamMember[]>;
  member(userId: string): Promise<TeamMember | null>;
  /** Deletes the membership and the user's sessions in this account; false when not a member. */
  removeMember(userId: string): Promise<boolean>;
  pendingInvitations(now: string): Promise<InvitationRecord[]>;
  /** Replaces any pending invitation for the same email. */
  invite(invitation: Omit<InvitationRecord, 'accountId'>): Promise<void>;
  deleteInvitation(invitationId: string): Promise<boolean>;
}

export interface TeamStore {
  forAccount(accountId: string): AccountTeam;
  invitationByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  /**
   * One transaction: marks the invitation accepted (only if still pending), creates the user when
   * `newUser` is given, adds the membership. 'gone' when it was accepted meanwhile; 'email-taken'
   * when a new user's email appeared meanwhile.
   */
  acceptInvitation(input: {
    invitation: InvitationRecord;
    userId: string;
    newUser: NewUser | null;
    at: string;
  }): Promise<'accepted' | 'gone' | 'email-taken'>;
}

export interface UserTokensStore {
  create(token: { id: string; userId: string; purpose: UserTokenPurpose; createdAt: string; expiresAt: string }): Promise<void>;
  /** One transaction: consumes a valid verify-email token and marks the user verified; the user id or null. */
  verifyEmail(tokenHash: string, now: string): Promise<string | null>;
  /** One transaction: consumes a valid reset token, sets the password, ends every session of the user. */
  resetPassword(tokenHash: string, passwordHash: string, now: string): Promise<string | null>;
}

export interface AccountsStore {
  accounts: AccountRowsStore;
  users: UsersStore;
  sessions: SessionsStore;
  apiKeys: ApiKeysStore;
  team: TeamStore;
  userTokens: UserTokensStore;
}
