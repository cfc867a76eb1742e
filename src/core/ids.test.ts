import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/helpers/clock.ts';
import { newId } from './ids.ts';

/** The Unix milliseconds in a UUIDv7's first 48 bits. */
const timeOf = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('ids', () => {
  it('stamps a UUIDv7 with the time of the clock passed in, not the machine time', () => {
    const clock = manualClock('2020-01-02T03:04:05.678Z');
    const first = newId(clock);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timeOf(first)).toBe(Date.parse('2020-01-02T03:04:05.678Z'));
    clock.advance(1);
    const later = newId(clock);
    expect(timeOf(later)).toBe(timeOf(first) + 1);
    expect(later > first).toBe(true);
  });
});
