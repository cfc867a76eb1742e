// The in-file duplicate set: exact membership over the whole 52-bit range, through growth.
import { describe, expect, it } from 'vitest';
import { KeySet52 } from './key-set.ts';

describe('imports: the duplicate key set', () => {
  it('[IMP-03] finds every duplicate among 200,000 52-bit keys and no false one, through growth', () => {
    const set = new KeySet52();
    const keys: number[] = [];
    let x = 123_456_789;
    for (let i = 0; i < 200_000; i++) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      keys.push((x * 2_097_152 + i) % 2 ** 52); // spread over the 52-bit range, all distinct
    }
    keys.push(0, 2 ** 52 - 1);
    for (const k of keys) expect(set.add(k)).toBe(true);
    expect(set.size).toBe(keys.length);
    for (const k of keys.slice(0, 1_000)) expect(set.add(k)).toBe(false);
    expect(set.has(2 ** 52 - 1)).toBe(true);
    expect(set.has(1)).toBe(false);
    expect(new Set(keys).size).toBe(keys.length);
    expect(set.size).toBe(keys.length);
  });
});
