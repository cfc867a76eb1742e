import { describe, expect, it } from 'vitest';
import { equalPublicDigest, safeEqual } from './constant-time.ts';

describe('constant-time comparison', () => {
  it('[SEC-02] compares strings and bytes; different lengths or one different byte are unequal', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual(Buffer.from([1, 2, 3]), Buffer.from([1, 2, 3]))).toBe(true);
    expect(safeEqual(Buffer.from([1, 2, 3]), Buffer.from([1, 2, 4]))).toBe(false);
    expect(safeEqual(Buffer.from([1, 2]), Buffer.from([1, 2, 3]))).toBe(false);
    // Strings are compared as UTF-8 bytes: the same text in two normal forms is not equal.
    expect(safeEqual('é', 'e\u0301')).toBe(false);
    expect(safeEqual('ț', Buffer.from('ț', 'utf8'))).toBe(true);
  });

  it('public digests compare as text', () => {
    expect(equalPublicDigest('ab12', 'ab12')).toBe(true);
    expect(equalPublicDigest('ab12', 'ab13')).toBe(false);
    expect(equalPublicDigest('ab12', 'AB12')).toBe(false);
  });
});
