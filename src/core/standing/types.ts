// Account standing's data shapes and its store port (src/db/repositories/standing.ts).
import { z } from 'zod';
import type { Actor, AuditRow } from '../audit/types.ts';
import { RESTRICTABLE_SERVICES, type RestrictableService } from './ports.ts';
import type { Standing, StandingAction } from './machine.ts';

export const ACCOUNT_REVIEWS = ['none', 'pending', 'refused'] as const;
export type AccountReview = (typeof ACCOUNT_REVIEWS)[number];

/** accounts.restricted_services, a JSON array, checked when read back. */
export const RestrictedServicesSchema = z.array(z.enum(RESTRICTABLE_SERVICES));

/** ACC-06: the note a block writes on the billing record. */
export const BLOCK_REFUND_NOTE = 'blocked for violation of the Anti-Spam Policy: no refund';

export interface AccountStandingRecord {
  id: string;
  name: string;
  standing: Standing;
  restrictedServices: RestrictableService[];
  review: AccountReview;
  refundEligible: boolean;
  createdAt: string;
}

export interface OperatorAccountRow extends AccountStandingRecord {
  ownerEmail: string | null;
  postalAddress: string;
  industry: string;
  declaredSending: string;
  language: string;
}

export interface BillingRecord {
  accountId: string;
  plan: string;
  paidTotalCents: number;
  refundEligible: boolean;
  refundNote: string | null;
  updatedAt: string;
}

export interface StandingChange {
  accountId: string;
  /** Compare-and-set: the change applies only while the account still has this standing. */
  expectedFrom: Standing;
  to: Standing;
  restrictedServices: RestrictableService[];
  at: string;
  audit: AuditRow;
  /** Set by a block (ACC-06): refund eligibility goes to 0 with this note. */
  noRefundNote?: string;
}

export interface ReviewChange {
  accountId: string;
  to: AccountReview;
  at: string;
  audit: AuditRow;
}

export interface AccountListFilter {
  standing?: Standing;
  review?: AccountReview;
  /** Matches the account name or the owner's email, case-insensitively. */
  q?: string;
  limit: number;
}

export interface StandingStore {
  getAccount(accountId: string): Promise<AccountStandingRecord | null>;
  getOperatorAccount(accountId: string): Promise<OperatorAccountRow | null>;
  listAccounts(filter: AccountListFilter): Promise<OperatorAccountRow[]>;
  /** One transaction: the standing, refund eligibility and the audit entry. False when the standing moved meanwhile. */
  applyChange(change: StandingChange): Promise<boolean>;
  /** One transaction: review 'pending' → `to`, plus the audit entry. False when the review was not pending. */
  applyReview(change: ReviewChange): Promise<boolean>;
  getBilling(accountId: string): Promise<BillingRecord | null>;
}

export interface TransitionInput {
  accountId: string;
  action: StandingAction;
  reason: string;
  rule?: string | null;
  services?: RestrictableService[];
  actor: Actor;
  /** What a rule measured (values, thresholds), kept in the audit entry beside from/to. */
  details?: Record<string, unknown>;
}

export interface StandingEvent {
  accountId: string;
  from: Standing;
  to: Standing;
  action: StandingAction;
  restrictedServices: RestrictableService[];
  reason: string;
  rule: string | null;
  actor: Actor;
  at: string;
  auditId: string;
}

export type StandingListener = (event: StandingEvent) => Promise<void> | void;

export interface StandingView {
  standing: Standing;
  restrictedServices: RestrictableService[];
  /** The reason given for the latest standing change; null when it never changed. */
  reason: string | null;
  /** When the account entered this standing (its creation time when it never changed). */
  since: string;
  refundEligible: boolean;
}

export type SignupDecision = 'approve' | 'refuse';
