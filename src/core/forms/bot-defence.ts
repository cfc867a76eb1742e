// CON-11: public forms resist bots and third-party sign-ups without any JavaScript:
//   - a honeypot field, hidden from people, that bots fill in;
//   - a minimum fill time, measured from a signed start stamp the server puts in the page;
//   - a per-IP rate limit on submissions (applied by the HTTP layer, @fastify/rate-limit).
// The numbers are settings so a benchmark (or an operator) can tune them through the service's
// dependencies; the defaults below are the policy.
import { signToken, verifyToken } from '../tokens/signed-token.ts';
import { invalid } from '../errors.ts';

/** Below this many ms between serving the page and the submission, a person cannot have read it. */
export const MIN_FILL_TIME_MS = 3_000;
/** A start stamp older than this is refused (reload the page). */
export const START_STAMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Submissions per minute from one IP address, per endpoint. */
export const FORM_SUBMISSIONS_PER_IP_PER_MINUTE = 20;
/** The honeypot's field name: plausible for a bot, never seen by a person. */
export const HONEYPOT_FIELD = 'website';

export interface BotDefenceSettings {
  minFillTimeMs: number;
  startStampMaxAgeMs: number;
  /** null = no per-IP limit (benchmarks only). */
  submissionsPerIpPerMinute: number | null;
}

export const DEFAULT_BOT_DEFENCE: BotDefenceSettings = {
  minFillTimeMs: MIN_FILL_TIME_MS,
  startStampMaxAgeMs: START_STAMP_MAX_AGE_MS,
  submissionsPerIpPerMinute: FORM_SUBMISSIONS_PER_IP_PER_MINUTE,
};

export function issueStartStamp(secret: string, formId: string, now: Date): string {
  return signToken(secret, 'form-start', [formId, now.getTime()]);
}

/** Throws FORM_START_INVALID / FORM_START_EXPIRED / FORM_TOO_FAST (400). */
export function checkStartStamp(
  secret: string,
  settings: BotDefenceSettings,
  formId: string,
  stamp: string | null | undefined,
  now: Date,
): void {
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
}
