// The shapes the account area answers with (the HTTP contract's bodies).
import { classifyIndustry, type Industry } from './industries.ts';
import type {
  AccountRecord,
  AccountRole,
  MembershipSummary,
  PlatformRole,
  Standing,
  UserRecord,
  AccountReview,
} from './types.ts';

export interface UserView {
  id: string;
  email: string;
  name: string;
  platformRole: PlatformRole | null;
  emailVerified: boolean;
  language: string;
}

export interface CurrentAccountView {
  id: string;
  name: string;
  role: AccountRole;
  standing: Standing;
  restrictedServices: string[];
  review: AccountReview;
  refundEligible: boolean;
  featureNews: boolean;
}

export interface MeView {
  user: UserView;
  account: CurrentAccountView | null;
  accounts: Array<{ id: string; name: string; role: AccountRole }>;
}

export interface AccountView {
  id: string;
  name: string;
  postalAddress: string;
  industry: string;
  declaredSending: string;
  language: string;
  featureNews: boolean;
  /** ISO 3166 alpha-2 country of phone numbers typed without +country code, or null. */
  defaultCountry: string | null;
  /** The sender's privacy policy link shown on its public pages, or null. */
  privacyPolicyUrl: string | null;
  standing: Standing;
  restrictedServices: string[];
  review: AccountReview;
  /** The policy clause that holds or held the account for review (ACC-02), else null. */
  reviewReason: string | null;
  refundEligible: boolean;
  createdAt: string;
}

export function userView(u: UserRecord): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    platformRole: u.platformRole,
    emailVerified: u.emailVerifiedAt !== null,
    language: u.language,
  };
}

export function currentAccountView(a: AccountRecord, role: AccountRole): CurrentAccountView {
  return {
    id: a.id,
    name: a.name,
    role,
    standing: a.standing,
    restrictedServices: a.restrictedServices,
    review: a.review,
    refundEligible: a.refundEligible,
    featureNews: !a.featureNewsOptOut,
  };
}

export function accountView(a: AccountRecord, industries: readonly Industry[]): AccountView {
  const decision = classifyIndustry(industries, a.industry);
  const reviewReason =
    a.review !== 'none' && (decision.policy === 'review' || decision.policy === 'refused') ? decision.clause : null;
  return {
    id: a.id,
    name: a.name,
    postalAddress: a.postalAddress,
    industry: a.industry,
    declaredSending: a.declaredSending,
    language: a.language,
    featureNews: !a.featureNewsOptOut,
    defaultCountry: a.defaultCountry,
    privacyPolicyUrl: a.privacyPolicyUrl,
    standing: a.standing,
    restrictedServices: a.restrictedServices,
    review: a.review,
    reviewReason,
    refundEligible: a.refundEligible,
    createdAt: a.createdAt,
  };
}

export function membershipsView(ms: MembershipSummary[]): MeView['accounts'] {
  return ms.map((m) => ({ id: m.accountId, name: m.accountName, role: m.role }));
}
