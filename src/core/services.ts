// The core services the composition root builds and the HTTP layer and worker call. Each area
// adds its service here (types only: no adapter is imported). The small interfaces below are the
// seams other areas code against; each area's own service may offer more.
import type { CookieConsentService } from './cookie-consent/service.ts';
import type { AuditLog } from './audit/types.ts';
import type { StandingService } from './standing/standing-service.ts';
import type { SystemMailDelivery } from './system-mail/delivery.ts';
import type { SystemMailService } from './system-mail/types.ts';

/** Services an operator can switch off one by one while an account is restricted (ACC-04). */
export const RESTRICTABLE_SERVICES = ['import', 'email', 'sms', 'api'] as const;
export type RestrictableService = (typeof RESTRICTABLE_SERVICES)[number];

export interface StandingGate {
  /**
   * Throws AppError forbidden with code ACCOUNT_BLOCKED, ACCOUNT_SUSPENDED or SERVICE_RESTRICTED
   * (details: { service, standing, reason }) when the account may not use this service now.
   */
  assertServiceAllowed(accountId: string, service: RestrictableService): Promise<void>;
}

/** The same standing check for any write an account makes (the HTTP guard, public forms, jobs). */
export interface AccountWriteGate {
  /**
   * Throws ACCOUNT_BLOCKED or ACCOUNT_SUSPENDED for every write of a blocked or suspended account,
   * SERVICE_RESTRICTED / ACCOUNT_UNDER_REVIEW when one of `services` is off (details as above).
   */
  assertWriteAllowed(accountId: string, services?: readonly RestrictableService[]): Promise<void>;
}

/** System mail from the platform to its customers (ACC-07): always through the outbox. */
export type SystemMailCategory = 'critical' | 'feature-news';
export interface SystemMailRequest {
  to: string;
  /** Template id, e.g. 'verify-email', 'password-reset', 'invitation', 'standing-changed', 'consent-confirm'. */
  template: string;
  data: Record<string, unknown>;
  language?: string;
  accountId?: string | null;
  /** 'critical' mail (verification, standing, review outcomes) ignores the feature-news opt-out. */
  category?: SystemMailCategory;
}
export interface SystemMailSender {
  /** Stores the mail in the outbox and queues its delivery; returns the outbox id. */
  enqueue(mail: SystemMailRequest): Promise<string>;
}

// Permission core (issue 3, part A): lists, contacts, consent ledger, suppression, send gate.
import type { ConsentService } from './consent/ledger.ts';
import type { ContactService } from './contacts/service.ts';
import type { GateService } from './gate/service.ts';
import type { ListService } from './lists/service.ts';
import type { SegmentService } from './segments/service.ts';
import type { SuppressionService } from './suppression/service.ts';
import type { FormsService } from './forms/service.ts';
import type { UnsubscribeService } from './unsubscribe/service.ts';

import type { AccountsService } from './accounts/service.ts';
import type { ImportService } from './imports/service.ts';

export interface Services {
  /** Signup, sessions, team, API keys, operators (ACC-01..03, SEC-01). */
  accounts: AccountsService;
  consent: ConsentService;
  contacts: ContactService;
  lists: ListService;
  suppression: SuppressionService;
  gate: GateService;
  segments: SegmentService;
  /** Imports: provenance, per-row checks, forensics, review (IMP-01..06). */
  imports: ImportService;
  /** Sign-up forms, their versions, submissions and double opt-in (CON-02…CON-06, CON-11). */
  forms: FormsService;
  /** Signed unsubscribe links and the preference centre (MSG-02, MSG-04, MSG-06). */
  unsubscribe: UnsubscribeService;
  /** The append-only audit log (ACC-04). */
  audit: AuditLog;
  /** Account standing, its gate and the signup review (ACC-02, ACC-04..06). */
  standing: StandingService;
  /** System mail to customers and contacts, through the outbox (ACC-07). */
  systemMail: SystemMailService;
  /** Delivers outbox rows through the SMTP relay (worker). */
  systemMailDelivery: SystemMailDelivery;
  cookieConsent: CookieConsentService;
}
