// SMS-03: no marketing SMS outside 08:00–21:00 in the recipient's local time; messages due in
// quiet hours wait for the window (deferred, never dropped). A number may map to several zones
// (a country or numbering plan spanning zones, e.g. +1 800): the window is open only when it is
// open in ALL of them, so no possible recipient is woken up.
import { addDays, isKnownTimeZone, localDateTime, zonedInstant, type MinuteOfDay } from './local-time.ts';

/** Local time the sending window opens (quiet hours end). */
export const QUIET_HOURS_END = '08:00';
/** Local time the sending window closes (quiet hours start); 21:00 itself is quiet. */
export const QUIET_HOURS_START = '21:00';
/**
 * How far ahead nextSendableAt looks for a moment open in every zone. A shared window exists
 * within one day if at all; three days cover any DST change on the way.
 */
export const QUIET_HOURS_SEARCH_DAYS = 3;

function minutes(hhmm: string): MinuteOfDay {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const OPENS = minutes(QUIET_HOURS_END);
const CLOSES = minutes(QUIET_HOURS_START);

/**
 * Why a text may not go now. 'quiet-hours': it waits until `sendableAt`. 'quiet-hours-unknown':
 * the number's zone is not known (or its zones share no open moment), so no local time can be
 * vouched for: fail closed, refused with a reason rather than guessed. The mapping already falls
 * back from a number's region to its whole country, so an empty answer means even the country is
 * unknown (e.g. +882 international networks): there is no "most restrictive zone" to choose.
 */
export type QuietHoursDecision =
  | { allowed: true }
  | { allowed: false; reason: 'quiet-hours'; sendableAt: Date }
  | { allowed: false; reason: 'quiet-hours-unknown' };

function quietIn(zone: string, now: Date): boolean {
  const { minuteOfDay } = localDateTime(zone, now);
  return minuteOfDay < OPENS || minuteOfDay >= CLOSES;
}

/** Fail closed: no zone, or a zone name the tz database does not know, vouches for no local time. */
function unknown(zones: readonly string[]): boolean {
  return zones.length === 0 || !zones.every(isKnownTimeZone);
}

/** True when it is quiet hours in at least one of the zones; unknown zones count as quiet. */
export function isQuiet(zones: readonly string[], now: Date): boolean {
  if (unknown(zones)) return true;
  return zones.some((zone) => quietIn(zone, now));
}

/**
 * The first instant at or after `now` when the window is open in every zone: `now` itself when it
 * already is, else the moment the last of them opens. Null when no (known) zone is given or the zones share
 * no open moment. The answer is always one of the zones' 08:00 (the start of an intersection of
 * windows is the start of one of them), worked out per local date by Intl, so DST days are right.
 */
export function nextSendableAt(zones: readonly string[], now: Date): Date | null {
  if (unknown(zones)) return null;
  if (!isQuiet(zones, now)) return now;
  const candidates: number[] = [];
  for (const zone of zones) {
    const today = localDateTime(zone, now);
    for (let d = 0; d <= QUIET_HOURS_SEARCH_DAYS; d++) {
      const opening = zonedInstant(zone, addDays(today, d), OPENS).getTime();
      if (opening > now.getTime()) candidates.push(opening);
    }
  }
  candidates.sort((a, b) => a - b);
  for (const t of candidates) {
    const at = new Date(t);
    if (!isQuiet(zones, at)) return at;
  }
  return null;
}

/** The quiet-hours answer the gate gives for one recipient. */
export function quietHoursDecision(zones: readonly string[], now: Date): QuietHoursDecision {
  const sendableAt = nextSendableAt(zones, now);
  if (!sendableAt) return { allowed: false, reason: 'quiet-hours-unknown' };
  if (sendableAt.getTime() === now.getTime()) return { allowed: true };
  return { allowed: false, reason: 'quiet-hours', sendableAt };
}
