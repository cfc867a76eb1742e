import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './signed-token.ts';

const SECRET = 'a-secret-a-secret-a-secret-a-secret-0123';

describe('signed tokens', () => {
  it('[SEC-02] round-trips UUIDs, nulls, strings and numbers', () => {
    const fields = [randomUUID(), null, 'acc_x', 1_780_000_000, 2 ** 40];
    const token = signToken(SECRET, 'unsubscribe', fields);
    expect(token.length).toBeLessThan(200);
    expect(verifyToken(SECRET, 'unsubscribe', token)).toEqual({ ok: true, fields });
  });

  it('[SEC-02] refuses an altered payload, an altered signature, another purpose and another secret', () => {
    const token = signToken(SECRET, 'unsubscribe', [randomUUID(), randomUUID(), null, null, 1]);
    const [p, s] = token.split('.') as [string, string];
    const flip = (x: string, i: number) => x.slice(0, i) + (x[i] === 'A' ? 'B' : 'A') + x.slice(i + 1);
    expect(verifyToken(SECRET, 'unsubscribe', `${flip(p, 5)}.${s}`).ok).toBe(false);
    expect(verifyToken(SECRET, 'unsubscribe', `${p}.${flip(s, 3)}`).ok).toBe(false);
    expect(verifyToken(SECRET, 'preferences', token)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyToken(`${SECRET}x`, 'unsubscribe', token)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyToken(SECRET, 'unsubscribe', 'garbage')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyToken(SECRET, 'unsubscribe', `${p}.${s}.x`)).toEqual({ ok: false, reason: 'malformed' });
  });
});
