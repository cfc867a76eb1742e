import { describe, expect, it } from 'vitest';
import { localDateTime, recipientTimeZones, zonedInstant } from './local-time.ts';

const at = (iso: string) => new Date(iso);

describe('recipient time zones from the number', () => {
  it('[SMS-03] answers the country zone, and the region zone where the number tells it', async () => {
    expect(await recipientTimeZones('+40722123456')).toEqual(['Europe/Bucharest']);
    expect(await recipientTimeZones('+12125551234')).toEqual(['America/New_York']);
    expect(await recipientTimeZones('+13105551234')).toEqual(['America/Los_Angeles']);
  });

  it('[SMS-03] answers every zone of a number that does not tell its region', async () => {
    const zones = await recipientTimeZones('+18005551234');
    expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu']));
    expect(zones.length).toBeGreaterThan(10);
  });

  it('answers no zone for a number of no country, or no number at all', async () => {
    expect(await recipientTimeZones('+882345678901')).toEqual([]);
    expect(await recipientTimeZones('not a number')).toEqual([]);
  });
});

describe('zoned instants', () => {
  it('finds the UTC instant of a local wall time across DST, and moves a skipped time on by the jump', () => {
    expect(zonedInstant('Europe/Bucharest', { year: 2026, month: 3, day: 28 }, 8 * 60)).toEqual(at('2026-03-28T06:00:00Z'));
    expect(zonedInstant('Europe/Bucharest', { year: 2026, month: 3, day: 29 }, 8 * 60)).toEqual(at('2026-03-29T05:00:00Z'));
    expect(zonedInstant('America/New_York', { year: 2026, month: 11, day: 1 }, 8 * 60)).toEqual(at('2026-11-01T13:00:00Z'));
    // 03:30 does not exist in Bucharest on 2026-03-29: 04:30 EEST (01:30 UTC).
    expect(zonedInstant('Europe/Bucharest', { year: 2026, month: 3, day: 29 }, 3 * 60 + 30)).toEqual(at('2026-03-29T01:30:00Z'));
    // 02:30 does not exist in New York on 2026-03-08: 03:30 EDT (07:30 UTC).
    expect(zonedInstant('America/New_York', { year: 2026, month: 3, day: 8 }, 2 * 60 + 30)).toEqual(at('2026-03-08T07:30:00Z'));
  });

  it('reads the wall clock of a zone at an instant', () => {
    expect(localDateTime('Europe/Bucharest', at('2026-03-29T05:00:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      minuteOfDay: 8 * 60,
    });
    expect(localDateTime('America/New_York', at('2026-01-01T03:30:00Z'))).toEqual({
      year: 2025,
      month: 12,
      day: 31,
      minuteOfDay: 22 * 60 + 30,
    });
  });
});
