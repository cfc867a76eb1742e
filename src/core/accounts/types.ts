// The account area's own record types (the core does not import the db schema; the repositories
// in src/db/repositories map rows to these).
export const ACCOUNT_ROLES = ['owner', 'member'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const PLATFORM_ROLES = ['admin', 'reviewer'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export type Standing = 'active' | 'warned' | 'restricted' | 'suspended' | 'blocked';
export type AccountReview = 'none' | 'pending' | 'refused';
/** Languages of the interface and system mail (I18N-01). */
export const ACCOUNT_LANGUAGES = ['en', 'ro'] as const;
export type AccountLanguage = (typeof ACCOUNT_LANGUAGES)[number];

export interface AccountRecord {
  id: string;
  name: string;
  postalAddress: string;
  industry: string;
  declaredSending: string;
  standing: Standing;
  restrictedServices: string[];
  review: AccountReview;
  refundEligible: boolean;
  featureNewsOptOut: boolean;
  language: string;
  /** ISO 3166 alpha-2 country for phone numbers typed without +country code; null: none. */
  defaultCountry: string | null;
  /** The sender's privacy policy (http/https), named on the hosted form and preference page. */
  privacyPolicyUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  name: string;
  emailVerifiedAt: string | null;
  platformRole: PlatformRole | null;
  language: string;
  createdAt: string;
}

export interface MembershipSummary {
  accountId: string;
  accountName: string;
  role: AccountRole;
}

export interface TeamMember {
  userId: string;
  email: string;
  name: string;
  role: AccountRole;
}

/** The two policy documents a new account accepts, each with its own unchecked box (ACC-01). */
export type PolicyDocument = 'terms' | 'anti-spam';

export interface PolicyAcceptance {
  id: string;
  accountId: string;
  userId: string;
  document: PolicyDocument;
  version: string;
  acceptedAt: string;
  ip: string;
  userAgent: string;
}

export interface SessionRecord {
  /** SHA-256 of the cookie token. */
  id: string;
  userId: string;
  accountId: string | null;
  createdAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
}

/** Who a valid session belongs to, resolved on every request. */
export interface SessionPrincipal {
  sessionId: string;
  userId: string;
  accountId: string | null;
  accountRole: AccountRole | null;
  platformRole: PlatformRole | null;
}

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyPrincipal {
  apiKeyId: string;
  accountId: string;
  scopes: string[];
}

export interface InvitationRecord {
  id: string;
  accountId: string;
  email: string;
  role: AccountRole;
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export type UserTokenPurpose = 'verify-email' | 'password-reset';
