import { describe, expect, it } from 'vitest';
import { importProgress, rowsPerSecond } from './progress.ts';

const at = '2026-03-01T10:00:00.000Z';

describe('import progress', () => {
  it('names the stage from status and phase and gives a percent once the total is known', () => {
    expect(importProgress({ status: 'uploaded', phase: 'analyse', rowsRead: 0, totalRows: null, updatedAt: at })).toEqual({
      stage: 'waiting',
      rowsProcessed: 0,
      totalRows: null,
      percent: null,
      at,
    });
    expect(importProgress({ status: 'processing', phase: 'analyse', rowsRead: 0, totalRows: null, updatedAt: at }).stage).toBe(
      'checking',
    );
    expect(
      importProgress({ status: 'processing', phase: 'apply', rowsRead: 5_000, totalRows: 12_000, updatedAt: at }),
    ).toMatchObject({
      stage: 'importing',
      percent: 41,
    });
    expect(importProgress({ status: 'held', phase: 'done', rowsRead: 12_000, totalRows: 12_000, updatedAt: at })).toMatchObject({
      stage: 'finished',
      percent: 100,
    });
  });

  it('the rate is the rows committed between two readings over the time between their stamps', () => {
    const first = { rowsProcessed: 5_000, at };
    expect(rowsPerSecond(first, { rowsProcessed: 15_000, at: '2026-03-01T10:00:04.000Z' })).toBe(2_500);
    expect(rowsPerSecond(first, { rowsProcessed: 5_000, at: '2026-03-01T10:00:04.000Z' })).toBeNull();
    expect(rowsPerSecond(first, { rowsProcessed: 10_000, at })).toBeNull();
  });
});
