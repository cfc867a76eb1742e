import type { Clock } from '../../src/core/ports.ts';

export interface ManualClock extends Clock {
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string = '2026-11-22T10:00:00.000Z'): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
