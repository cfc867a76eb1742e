// CON-11: public forms resist bots and third-party sign-ups without any JavaScript:
//   - a honeypot field, hidden from people, that bots fill in;
//   - a minimum fill time, measured from a signed start stamp the server puts in the page;
//   - the start stamp works once: a stored sign-up records it as used (until it would expire
//     anyway), so one page load cannot be replayed for a day of sign-ups;
//   - a per-IP rate limit on submissions, ONE count for the hosted page and the JSON endpoint
//     together (applied by the HTTP layer, src/server/routes/forms-public/http.ts).
// The numbers are settings so a benchmark (or an operator) can tune them through the service's
// dependencies; the defaults below are the policy.
import { signToken, verifyToken } from '../tokens/signed-token.ts';
import { conflict, invalid } from '../errors.ts';

/** Below this many ms between serving the page and the submission, a person cannot have read it. */
export const MIN_FILL_TIME_MS = 3_000;
/** A start stamp older than this is refused (reload the page). */
export const START_STAMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Submissions per minute from one IP address, the hosted page and the JSON endpoint together. */
export const FORM_SUBMISSIONS_PER_IP_PER_MINUTE = 20;
/** The honeypot's field name: plausible for a bot, never seen by a person. */
export const HONEYPOT_FIELD = 'website';

export interface BotDefenceSettings {
  minFillTimeMs: number;
  startStampMaxAgeMs: number;
  /** null = no per-IP limit (benchmarks only). */
  submissionsPerIpPerMinute: number | null;
  /** false = a start stamp may be replayed (benchmarks only, which send one body many times). */
  singleUseStartStamp: boolean;
}

/** Start stamps already spent on a stored sign-up (src/db/repositories/used-start-stamps.ts). */
export interface UsedStartStamps {
  /**
   * Records the stamp as used, inside the sign-up's unit of work; false when it was used before.
   * Rows past `expiresAt` are useless (the stamp is refused as expired) and may be deleted.
   */
  markUsed(stamp: { stamp: string; formId: string; expiresAt: string }, now: Date): Promise<boolean>;
}

export const DEFAULT_BOT_DEFENCE: BotDefenceSettings = {
  minFillTimeMs: MIN_FILL_TIME_MS,
  startStampMaxAgeMs: START_STAMP_MAX_AGE_MS,
  submissionsPerIpPerMinute: FORM_SUBMISSIONS_PER_IP_PER_MINUTE,
  singleUseStartStamp: true,
};

/** `nonce` makes each page load's stamp distinct: two visitors in one millisecond get two stamps. */
export function issueStartStamp(secret: string, formId: string, now: Date, nonce: string): string {
  return signToken(secret, 'form-start', [formId, now.getTime(), nonce]);
}

/**
 * Throws FORM_START_INVALID / FORM_START_EXPIRED / FORM_TOO_FAST (400). Returns when the stamp
 * stops being accepted anyway, which is how long its use must be remembered.
 */
export function checkStartStamp(
  secret: string,
  settings: BotDefenceSettings,
  formId: string,
  stamp: string | null | undefined,
  now: Date,
): { expiresAt: string } {
  const check = stamp ? verifyToken(secret, 'form-start', stamp) : null;
  if (!check || !check.ok || check.fields[0] !== formId || typeof check.fields[1] !== 'number') {
    throw invalid('FORM_START_INVALID', 'This form page is not valid any more; reload it and submit again.');
  }
  const elapsed = now.getTime() - check.fields[1];
  if (elapsed > settings.startStampMaxAgeMs)
    throw invalid('FORM_START_EXPIRED', 'This form page is too old; reload it and submit again.');
  if (elapsed < settings.minFillTimeMs) {
    throw invalid(
      'FORM_TOO_FAST',
      'The form was sent faster than a person can fill it in; wait a few seconds and send it again.',
    );
  }
  return { expiresAt: new Date(check.fields[1] + settings.startStampMaxAgeMs).toISOString() };
}

/** Throws 409 FORM_START_USED when this page load already produced a stored sign-up. */
export async function spendStartStamp(
  used: UsedStartStamps,
  settings: BotDefenceSettings,
  stamp: { stamp: string; formId: string; expiresAt: string },
  now: Date,
): Promise<void> {
  if (!settings.singleUseStartStamp) return;
  if (!(await used.markUsed(stamp, now))) {
    throw conflict('FORM_START_USED', 'This form page was already sent; reload it to sign up again.');
  }
}
