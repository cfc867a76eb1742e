// The SQLite queue's cron matcher (5 fields, UTC; optional leading seconds field).
import { describe, expect, it } from 'vitest';
import { CronSyntaxError, cronMatches, parseCron, tickOf } from './cron.ts';

const at = (iso: string) => new Date(iso);

describe('cron matcher', () => {
  it('matches every minute at second 0 only', () => {
    const cron = parseCron('* * * * *');
    expect(cronMatches(cron, at('2026-11-22T10:07:00Z'))).toBe(true);
    expect(tickOf(cron, at('2026-11-22T10:07:42.5Z')).toISOString()).toBe('2026-11-22T10:07:00.000Z');
  });

  it('reads lists, ranges, steps and names in UTC', () => {
    const cron = parseCron('*/15 9-17 * jan,jul mon-fri');
    expect(cronMatches(cron, at('2026-01-05T09:45:00Z'))).toBe(true); // Monday
    expect(cronMatches(cron, at('2026-01-05T09:50:00Z'))).toBe(false);
    expect(cronMatches(cron, at('2026-01-05T18:00:00Z'))).toBe(false);
    expect(cronMatches(cron, at('2026-01-04T10:00:00Z'))).toBe(false); // Sunday
    expect(cronMatches(cron, at('2026-02-02T10:00:00Z'))).toBe(false); // February
  });

  it('fires on either day field when both are restricted (crontab(5)), and 7 is Sunday', () => {
    const cron = parseCron('0 3 1 * 7');
    expect(cronMatches(cron, at('2026-12-01T03:00:00Z'))).toBe(true); // the 1st, a Tuesday
    expect(cronMatches(cron, at('2026-11-22T03:00:00Z'))).toBe(true); // a Sunday
    expect(cronMatches(cron, at('2026-11-24T03:00:00Z'))).toBe(false);
  });

  it('accepts a leading seconds field', () => {
    const cron = parseCron('*/10 * * * * *');
    expect(tickOf(cron, at('2026-11-22T10:07:42.5Z')).toISOString()).toBe('2026-11-22T10:07:42.000Z');
    expect(cronMatches(cron, at('2026-11-22T10:07:40Z'))).toBe(true);
    expect(cronMatches(cron, at('2026-11-22T10:07:42Z'))).toBe(false);
  });

  it('refuses malformed expressions', () => {
    for (const bad of ['* * * *', '60 * * * *', '* * * * mon-xyz', '*/0 * * * *', '5-1 * * * *']) {
      expect(() => parseCron(bad), bad).toThrow(CronSyntaxError);
    }
  });
});
