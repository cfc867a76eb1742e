import { createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, MAX_TOKEN_STRING_BYTES, signToken, verifyToken, type TokenPurpose } from './signed-token.ts';

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

  /** A token over raw payload bytes, signed as the format says: HMAC(secret, purpose || 0x00 || payload). */
  const signRaw = (payload: Buffer, purpose: TokenPurpose = 'confirm', secret = SECRET) =>
    `${payload.toString('base64url')}.${createHmac('sha256', secret)
      .update(purpose)
      .update(Buffer.from([0]))
      .update(payload)
      .digest('base64url')}`;
  const payloadBytes = (token: string) => Buffer.from(token.split('.')[0]!, 'base64url');

  it('[SEC-02] signs purpose || 0x00 || payload with HMAC-SHA256, in the documented binary layout', () => {
    const id = randomUUID();
    const token = signToken(SECRET, 'preferences', [id, null, 'ab', 7, 2 ** 40]);
    const payload = payloadBytes(token);
    expect(token).toBe(signRaw(payload, 'preferences'));
    // version 1; UUID tag 1 + 16 bytes; null tag 0; string tag 2, length, bytes; uint32 tag 3; uint48 tag 4.
    expect(payload.toString('hex')).toBe(
      `01` + `01${id.replaceAll('-', '')}` + `00` + `0202${Buffer.from('ab').toString('hex')}` + `0300000007` + `04010000000000`,
    );
  });

  it('[SEC-02] packs canonical UUIDs only; other strings stay strings, byte for byte', () => {
    const id = randomUUID();
    for (const s of [
      `x${id}`,
      `${id}x`,
      id.toUpperCase(),
      id.replaceAll('-', ''),
      `${id.slice(0, 7)}-${id.slice(9)}`,
      id.slice(7),
      `${id}0`.slice(1),
      'a-b-c-d-e',
    ]) {
      const token = signToken(SECRET, 'confirm', [s]);
      expect(verifyToken(SECRET, 'confirm', token)).toEqual({ ok: true, fields: [s] });
      expect(payloadBytes(token)[1]).toBe(2);
    }
    for (const s of ['0', 'g'].map((c) => `${c.repeat(8)}-0000-0000-0000-000000000000`)) {
      expect(payloadBytes(signToken(SECRET, 'confirm', [s]))[1]).toBe(s.startsWith('0') ? 1 : 2);
    }
  });

  it('[SEC-02] integers: 0 … 2^32-1 in 4 bytes, up to 2^48-1 in 6; negative, fractional or larger ones are refused', () => {
    expect(payloadBytes(signToken(SECRET, 'confirm', [0xffffffff]))).toHaveLength(1 + 5);
    expect(payloadBytes(signToken(SECRET, 'confirm', [0x100000000]))).toHaveLength(1 + 7);
    for (const n of [0, 1, 0xffffffff, 0x100000000, 2 ** 48 - 1]) {
      expect(verifyToken(SECRET, 'confirm', signToken(SECRET, 'confirm', [n]))).toEqual({ ok: true, fields: [n] });
    }
    for (const n of [-1, 1.5, 2 ** 48, Number.MAX_SAFE_INTEGER + 2]) {
      expect(() => signToken(SECRET, 'confirm', [n])).toThrow('token field: integer out of range');
    }
  });

  it(`[SEC-02] strings up to ${MAX_TOKEN_STRING_BYTES} UTF-8 bytes`, () => {
    const longest = 'ț'.repeat(MAX_TOKEN_STRING_BYTES / 2);
    expect(verifyToken(SECRET, 'confirm', signToken(SECRET, 'confirm', [longest]))).toEqual({ ok: true, fields: [longest] });
    expect(() => signToken(SECRET, 'confirm', [`${longest}x`])).toThrow('token field: string too long');
    expect(() => signToken(SECRET, 'confirm', ['x'.repeat(MAX_TOKEN_STRING_BYTES + 1)])).toThrow('token field: string too long');
  });

  it('[SEC-02] a correctly signed payload that does not decode is malformed, never a partial result', () => {
    const uuid = Buffer.alloc(16, 0xab);
    const ok = (hex: string) => verifyToken(SECRET, 'confirm', signRaw(Buffer.from(hex, 'hex')));
    expect(ok('01')).toEqual({ ok: true, fields: [] });
    expect(ok(`0101${uuid.toString('hex')}`)).toMatchObject({ ok: true });
    expect(ok('01020161')).toEqual({ ok: true, fields: ['a'] });
    expect(ok('010300000001')).toEqual({ ok: true, fields: [1] });
    expect(ok('0104000000000001')).toEqual({ ok: true, fields: [1] });
    for (const bad of [
      '', // no version
      '02', // another format version
      `0101${uuid.toString('hex').slice(2)}`, // UUID one byte short
      '0102', // string without its length
      '01020261', // string shorter than its length
      '0103000000', // uint32 one byte short
      '01040000000000', // uint48 one byte short
      '0109', // unknown tag
      '0109000000000000', // unknown tag, followed by enough bytes for any field
    ]) {
      expect(ok(bad), bad).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it(`[SEC-02] refuses anything that is not one token of at most ${MAX_TOKEN_LENGTH} characters in base64url without padding`, () => {
    // 267 payload bytes = 356 base64url characters; with the dot and the 43 of the signature: 400.
    const fields = (extra: number) =>
      Buffer.concat([
        Buffer.from([1]),
        ...Array.from({ length: 4 }, () => Buffer.from([2, 64, ...Buffer.alloc(64, 0x61)])),
        Buffer.alloc(2 + extra, 0),
      ]);
    const longest = signRaw(fields(0));
    expect(longest).toHaveLength(MAX_TOKEN_LENGTH);
    expect(verifyToken(SECRET, 'confirm', longest).ok).toBe(true);
    const tooLong = signRaw(fields(1));
    expect(tooLong.length).toBeGreaterThan(MAX_TOKEN_LENGTH);
    expect(verifyToken(SECRET, 'confirm', tooLong)).toEqual({ ok: false, reason: 'malformed' });

    const token = signToken(SECRET, 'confirm', [randomUUID(), 1]);
    const [p, s] = token.split('.') as [string, string];
    for (const bad of [
      p, // no signature
      `.${s}`,
      `${p}.`,
      `${p}.${s}.`,
      `${p}..${s}`,
      `${p}=.${s}`, // padding
      `${p}.${s}=`,
      `${p.slice(0, -1)}+.${s}`, // base64, not base64url
      ` ${p}.${s}`,
      `${p}.${s} `,
      123 as unknown as string,
    ]) {
      expect(verifyToken(SECRET, 'confirm', bad), String(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(verifyToken(SECRET, 'confirm', token).ok).toBe(true);
  });

  it('[SEC-02] one token has one spelling: base64url with different unused trailing bits is refused', () => {
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    /** The same bytes spelled differently: the lowest (unused) bit of the last character flipped. */
    const respell = (b64: string) => `${b64.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(b64.at(-1)!) ^ 1]}`;
    const token = signToken(SECRET, 'confirm', [randomUUID(), 'x']); // its 32-byte signature: 43 characters, 2 unused bits
    const [p, s] = token.split('.') as [string, string];
    const token2 = signToken(SECRET, 'confirm', [randomUUID(), 'xy']); // a 22-byte payload: 2 unused bits
    const [p2, s2] = token2.split('.') as [string, string];
    expect(Buffer.from(p2, 'base64url').length % 3).not.toBe(0);
    expect(Buffer.from(respell(p2), 'base64url')).toEqual(Buffer.from(p2, 'base64url'));
    expect(Buffer.from(respell(s), 'base64url')).toEqual(Buffer.from(s, 'base64url'));
    expect(verifyToken(SECRET, 'confirm', `${respell(p2)}.${s2}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyToken(SECRET, 'confirm', `${p}.${respell(s)}`)).toEqual({ ok: false, reason: 'malformed' });
  });
});
