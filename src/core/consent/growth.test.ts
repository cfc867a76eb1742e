// The growth series (issue 13 §2, §9) over a store's daily changes: the window's days end today
// (UTC), every day is there (zeros included), totals add up, and the list and window reach the store.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../test/helpers/clock.ts';
import { GROWTH_DAYS, createGrowthService, growthDays, type DailyChange, type GrowthStore } from './growth.ts';

function store(rows: DailyChange[]) {
  const calls: Array<{ accountId: string; since: string; listId: string | undefined }> = [];
  const s: GrowthStore = {
    async consentChangesByDay(accountId, since, listId) {
      calls.push({ accountId, since, listId });
      return rows;
    },
  };
  return { s, calls };
}

describe('growth series', () => {
  it('gives the last 30 UTC days ending today by default, oldest first', () => {
    const days = growthDays(new Date('2026-03-10T23:59:59.999Z'));
    expect(days).toHaveLength(GROWTH_DAYS);
    expect([days[0], days.at(-1)]).toEqual(['2026-02-09', '2026-03-10']);
    expect(growthDays(new Date('2026-03-01T00:00:00.000Z'), 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('fills the days without events with zeros, sums the totals and asks the store from the first day', async () => {
    const { s, calls } = store([
      { day: '2026-03-08', gained: 2, lost: 0 },
      { day: '2026-03-10', gained: 1, lost: 3 },
      { day: '2026-01-01', gained: 9, lost: 9 }, // outside the window: ignored
    ]);
    const g = await createGrowthService({ store: s, clock: manualClock('2026-03-10T12:00:00.000Z') }).growth('acct-1');
    expect(calls).toEqual([{ accountId: 'acct-1', since: '2026-02-09T00:00:00.000Z', listId: undefined }]);
    expect(g.days).toHaveLength(30);
    expect(g.gained.slice(-3)).toEqual([2, 0, 1]);
    expect(g.lost.slice(-3)).toEqual([0, 0, 3]);
    expect(g.gained.slice(0, 27).every((n) => n === 0)).toBe(true);
    expect([g.totalGained, g.totalLost]).toEqual([3, 3]);
  });

  it('passes one list and a 90-day window to the store', async () => {
    const { s, calls } = store([]);
    const g = await createGrowthService({ store: s, clock: manualClock('2026-03-10T12:00:00.000Z') }).growth('acct-1', {
      listId: 'list-7',
      days: 90,
    });
    expect(calls).toEqual([{ accountId: 'acct-1', since: '2025-12-11T00:00:00.000Z', listId: 'list-7' }]);
    expect([g.days.length, g.totalGained, g.totalLost]).toEqual([90, 0, 0]);
  });
});
