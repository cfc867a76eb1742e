import { describe, expect, it } from 'vitest';
import { localDateTime, recipientTimeZones } from './local-time.ts';
import { QUIET_HOURS_END, QUIET_HOURS_START, isQuiet, nextSendableAt, quietHoursDecision } from './quiet-hours.ts';

const at = (iso: string) => new Date(iso);
const BUCHAREST = ['Europe/Bucharest'];
const NEW_YORK = ['America/New_York'];

describe('quiet hours', () => {
  it('[SMS-03] the window is 08:00 to 21:00 local: 08:00 opens it, 21:00 closes it', () => {
    expect([QUIET_HOURS_END, QUIET_HOURS_START]).toEqual(['08:00', '21:00']);
    // Bucharest in January is UTC+2.
    expect(isQuiet(BUCHAREST, at('2026-01-15T05:59:59Z'))).toBe(true);
    expect(isQuiet(BUCHAREST, at('2026-01-15T06:00:00Z'))).toBe(false);
    expect(isQuiet(BUCHAREST, at('2026-01-15T18:59:59Z'))).toBe(false);
    expect(isQuiet(BUCHAREST, at('2026-01-15T19:00:00Z'))).toBe(true);
    expect(isQuiet(BUCHAREST, at('2026-01-15T23:30:00Z'))).toBe(true);
  });

  it('[SMS-03] a message due in the window goes now', () => {
    const now = at('2026-01-15T10:00:00Z');
    expect(nextSendableAt(BUCHAREST, now)).toEqual(now);
    expect(quietHoursDecision(BUCHAREST, now)).toEqual({ allowed: true });
  });

  it('[SMS-03] a message due in quiet hours waits for 08:00 local the same morning or the next', () => {
    expect(quietHoursDecision(BUCHAREST, at('2026-01-15T04:00:00Z'))).toEqual({
      allowed: false,
      reason: 'quiet-hours',
      sendableAt: at('2026-01-15T06:00:00Z'),
    });
    expect(nextSendableAt(BUCHAREST, at('2026-01-15T20:00:00Z'))).toEqual(at('2026-01-16T06:00:00Z'));
  });

  it('[SMS-03] Europe/Bucharest on the spring DST day: 08:00 EEST is 05:00 UTC, not 06:00', () => {
    // 2026-03-29 03:00 EET → 04:00 EEST. 07:30 local that morning is 04:30 UTC.
    expect(nextSendableAt(BUCHAREST, at('2026-03-29T04:30:00Z'))).toEqual(at('2026-03-29T05:00:00Z'));
    // The evening before (21:30 EET, UTC+2) waits across the change.
    expect(nextSendableAt(BUCHAREST, at('2026-03-28T19:30:00Z'))).toEqual(at('2026-03-29T05:00:00Z'));
    expect(isQuiet(BUCHAREST, at('2026-03-29T05:00:00Z'))).toBe(false);
    // Closes at 21:00 EEST = 18:00 UTC.
    expect(isQuiet(BUCHAREST, at('2026-03-29T17:59:00Z'))).toBe(false);
    expect(isQuiet(BUCHAREST, at('2026-03-29T18:00:00Z'))).toBe(true);
  });

  it('[SMS-03] Europe/Bucharest on the autumn DST day: the night of the change waits until 08:00 EET', () => {
    // 2026-10-25 04:00 EEST → 03:00 EET. 21:00 EEST on the 24th is 18:00 UTC; 08:00 EET is 06:00 UTC.
    expect(isQuiet(BUCHAREST, at('2026-10-24T17:59:00Z'))).toBe(false);
    expect(nextSendableAt(BUCHAREST, at('2026-10-24T18:00:00Z'))).toEqual(at('2026-10-25T06:00:00Z'));
    expect(nextSendableAt(BUCHAREST, at('2026-10-25T05:30:00Z'))).toEqual(at('2026-10-25T06:00:00Z'));
  });

  it('[SMS-03] America/New_York on both DST days', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT: 21:00 EST on the 7th (02:00 UTC) waits until 08:00 EDT (12:00 UTC).
    expect(nextSendableAt(NEW_YORK, at('2026-03-08T02:00:00Z'))).toEqual(at('2026-03-08T12:00:00Z'));
    expect(isQuiet(NEW_YORK, at('2026-03-08T11:59:00Z'))).toBe(true);
    expect(isQuiet(NEW_YORK, at('2026-03-08T12:00:00Z'))).toBe(false);
    // 2026-11-01 02:00 EDT → 01:00 EST: 21:00 EDT on Oct 31 (01:00 UTC) waits until 08:00 EST (13:00 UTC).
    expect(nextSendableAt(NEW_YORK, at('2026-11-01T01:00:00Z'))).toEqual(at('2026-11-01T13:00:00Z'));
    expect(isQuiet(NEW_YORK, at('2026-11-01T12:59:00Z'))).toBe(true);
  });

  it('[SMS-03] with several zones the window must be open in all of them', () => {
    const zones = ['Europe/Bucharest', 'America/New_York'];
    // January: Bucharest 06:00–19:00 UTC, New York 13:00–02:00 UTC: open together 13:00–19:00 UTC.
    expect(isQuiet(zones, at('2026-01-15T10:00:00Z'))).toBe(true);
    expect(nextSendableAt(zones, at('2026-01-15T10:00:00Z'))).toEqual(at('2026-01-15T13:00:00Z'));
    expect(nextSendableAt(zones, at('2026-01-15T15:00:00Z'))).toEqual(at('2026-01-15T15:00:00Z'));
    expect(nextSendableAt(zones, at('2026-01-15T19:30:00Z'))).toEqual(at('2026-01-16T13:00:00Z'));
  });

  it('[SMS-03] a +1 800 number waits until it is daytime in every North American zone', async () => {
    const zones = await recipientTimeZones('+18005551234');
    const noonInNewYork = at('2026-07-01T16:00:00Z'); // 06:00 in Honolulu
    expect(isQuiet(NEW_YORK, noonInNewYork)).toBe(false);
    expect(isQuiet(zones, noonInNewYork)).toBe(true);
    const sendable = nextSendableAt(zones, noonInNewYork);
    expect(sendable).not.toBeNull();
    for (const zone of zones) {
      const { minuteOfDay } = localDateTime(zone, sendable!);
      expect(minuteOfDay, zone).toBeGreaterThanOrEqual(8 * 60);
      expect(minuteOfDay, zone).toBeLessThan(21 * 60);
    }
  });

  it('[SMS-03] fails closed when the zone is unknown: refused with quiet-hours-unknown, never sent', async () => {
    const none = await recipientTimeZones('+882345678901');
    expect(isQuiet(none, at('2026-01-15T12:00:00Z'))).toBe(true);
    expect(quietHoursDecision(none, at('2026-01-15T12:00:00Z'))).toEqual({ allowed: false, reason: 'quiet-hours-unknown' });
    expect(quietHoursDecision(['Mars/Olympus_Mons'], at('2026-01-15T12:00:00Z'))).toEqual({
      allowed: false,
      reason: 'quiet-hours-unknown',
    });
    expect(quietHoursDecision(['Europe/Bucharest', 'Mars/Olympus_Mons'], at('2026-01-15T12:00:00Z'))).toMatchObject({
      reason: 'quiet-hours-unknown',
    });
  });

  it('refuses zones that share no open moment (UTC, UTC+8, UTC−8) rather than waiting forever', () => {
    const zones = ['Etc/UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
    expect(nextSendableAt(zones, at('2026-01-15T12:00:00Z'))).toBeNull();
    expect(quietHoursDecision(zones, at('2026-01-15T12:00:00Z'))).toEqual({ allowed: false, reason: 'quiet-hours-unknown' });
  });
});
