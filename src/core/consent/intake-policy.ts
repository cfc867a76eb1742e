// CON-13: the intake policy's pure rules, shared by every path that records consent (form,
// import, API, operator, SMS keyword). The ledger applies the time rule to every event it
// appends; the intake service (intake.ts) applies the rest to consent given outside a form.
import { invalid } from '../errors.ts';

/**
 * A consent time up to this far ahead of the platform clock is the caller's clock running fast:
 * it is recorded as now. Anything later is refused (CONSENT_TIME_IN_FUTURE): consent cannot
 * have been given at a time that has not happened.
 */
export const CONSENT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The time rule: 'future' beyond the skew allowance, else the time to record (ISO, clamped to now). */
export function consentTimeAt(claimedIso: string, now: Date): { ok: true; at: string } | { ok: false; reason: 'future' } {
  const t = Date.parse(claimedIso);
  if (t > now.getTime() + CONSENT_CLOCK_SKEW_MS) return { ok: false, reason: 'future' };
  return { ok: true, at: new Date(Math.min(t, now.getTime())).toISOString() };
}

/** Like consentTimeAt, refusing a future time with 400 CONSENT_TIME_IN_FUTURE naming the field. */
export function checkConsentTime(field: string, claimedIso: string, now: Date): string {
  const r = consentTimeAt(claimedIso, now);
  if (!r.ok)
    throw invalid(
      'CONSENT_TIME_IN_FUTURE',
      `${field} (${claimedIso}) is in the future; consent can only be recorded for a time that has passed (CON-13).`,
      { field, claimed: claimedIso, now: now.toISOString() },
    );
  return r.at;
}
