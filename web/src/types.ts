// Shapes of the API answers the web app reads (mirrors /work/briefs/api-contract.md).
export type Standing = 'active' | 'warned' | 'restricted' | 'suspended' | 'blocked';
export type Service = 'import' | 'email' | 'sms' | 'api';
export const SERVICES: Service[] = ['import', 'email', 'sms', 'api'];
export type Language = 'en' | 'ro';

export interface Me {
  user: {
    id: string;
    email: string;
    name: string;
    platformRole: null | 'admin' | 'reviewer';
    emailVerified: boolean;
    language: string;
  };
  account: null | {
    id: string;
    name: string;
    role: 'owner' | 'member';
    standing: Standing;
    restrictedServices: string[];
    review: string;
    refundEligible: boolean;
    featureNews: boolean;
  };
  accounts: Array<{ id: string; name: string; role: string }>;
}

export interface Industry {
  id: string;
  label: { en: string; ro: string };
  policy: 'accepted' | 'review' | 'refused';
  clause?: string;
}

/** GET /api/v1/account answers the core's account view as is. */
export type { AccountView as AccountDetails } from '../../src/core/accounts/views.ts';

export interface StandingInfo {
  standing: Standing;
  restrictedServices: string[];
  reason: string | null;
  since: string | null;
  refundEligible: boolean;
}

export interface TeamInfo {
  members: Array<{ userId: string; email: string; name: string; role: string }>;
  invitations: Array<{ id: string; email: string; role: string; expiresAt: string }>;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface OperatorAccount {
  id: string;
  name: string;
  standing: Standing;
  review: string;
  restrictedServices: string[];
  createdAt: string;
  ownerEmail: string | null;
}

export interface AuditEntry {
  id: string;
  /** Position in the log; `before=<seq>` pages back. */
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  accountId: string | null;
  action: string;
  reason: string | null;
  rule: string | null;
  details: unknown;
}

export interface OutboxItem {
  id: string;
  to: string;
  template: string;
  subject: string;
  category: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface CookieConsentRow {
  id: string;
  consentId: string;
  at: string;
  revision: number;
  categories: string[];
  services: string[];
  action: string;
  language: string;
  source: string;
  userAgent: string;
  ip: string;
}
