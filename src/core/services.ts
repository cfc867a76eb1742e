// The core services the composition root builds and the HTTP layer and worker call. Each area
// adds its service here (types only: no adapter is imported). The small interfaces below are the
// seams other areas code against; each area's own service may offer more.

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

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Services {}
