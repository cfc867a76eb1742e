// The standing area's ports that other areas consult: which services can be switched off one by
// one (ACC-04), and the two guards (a service, any write). The standing service implements them;
// the API, imports, forms, jobs and the send gate receive them.

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
