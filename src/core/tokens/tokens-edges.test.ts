// Edges of the packed tokens (VERP, click) that the round-trip tests leave open: purposes are
// separated, only canonical base64url of the exact size reads, link indexes are bounded, a click
// resolves only to an http(s) URL, and a HEAD-style resolve records nothing.
import { describe, expect, it } from 'vitest';
import { clickToken, createClickService, MAX_TRACKED_LINKS, readClickToken, resolveClick } from './click.ts';
import { openPacked, packUuid, sealPacked } from './packed.ts';
import { readVerp, verpLocalPart, VERP_PREFIX } from './verp.ts';

const S = 'platform-secret-for-tests-0123456789';
const C = '0190b7a0-1111-7000-8000-000000000001';
const K = '0190b7a0-2222-7000-8000-0000000000ff';
const NOW = new Date('2026-12-01T00:00:00Z');

describe('packed token edges', () => {
  it('[SEC-04] a token sealed for one purpose never reads as another (click vs VERP vs a bare purpose)', () => {
    const idx = Buffer.from([0, 1]);
    const payload = Buffer.concat([packUuid(C), packUuid(K), idx]);
    // The same bytes and secret under another purpose: not a click.
    expect(readClickToken(S, sealPacked(S, 'verp', payload, 16))).toBeNull();
    expect(readClickToken(S, sealPacked(S, '', payload, 16))).toBeNull();
    expect(readClickToken(S, sealPacked(S, 'click', payload, 16))).toEqual({ campaignId: C, contactId: K, index: 1 });
    const verpPayload = Buffer.concat([packUuid(C), packUuid(K)]);
    expect(readVerp(S, VERP_PREFIX + sealPacked(S, 'click', verpPayload, 10))).toBeNull();
    expect(readVerp(S, VERP_PREFIX + sealPacked(S, '', verpPayload, 10))).toBeNull();
  });

  it('only canonical base64url of the exact size opens: no padding, no other alphabet, no extra byte', () => {
    const payload = Buffer.alloc(4, 7);
    const t = sealPacked(S, 'p', payload, 4);
    expect(openPacked(S, 'p', t, 4, 4)).toEqual(payload);
    expect(openPacked(S, 'p', `${t}=`, 4, 4)).toBeNull();
    expect(openPacked(S, 'p', `.${t}`, 4, 4)).toBeNull();
    expect(openPacked(S, 'p', `${t}.`, 4, 4)).toBeNull();
    expect(openPacked(S, 'p', t.replace(/-/g, '+').replace(/_/g, '/') + '+', 4, 4)).toBeNull();
    expect(openPacked(S, 'p', t, 4, 3)).toBeNull();
    expect(openPacked(S, 'p', t + 'AA', 4, 4)).toBeNull();
    expect(openPacked(S, 'p', 42 as unknown as string, 4, 4)).toBeNull();
    expect(() => packUuid(`x${C}`)).toThrow();
    expect(() => packUuid(`${C}0`)).toThrow();
  });

  it('VERP: the prefix is required and a local part over 64 characters is refused before any MAC', () => {
    const lp = verpLocalPart(S, C, K);
    expect(readVerp(S, lp)).not.toBeNull();
    expect(readVerp(S, `x${lp.slice(1)}`)).toBeNull();
    expect(readVerp(S, lp.slice(VERP_PREFIX.length))).toBeNull();
    expect(readVerp(S, 7 as unknown as string)).toBeNull();
    expect(readVerp(S, `${lp}${'A'.repeat(65 - lp.length)}`)).toBeNull();
  });

  it('[SEC-04] link indexes are whole numbers 0…MAX_TRACKED_LINKS', () => {
    const at = (index: number) => () => clickToken(S, { campaignId: C, contactId: K, index });
    expect(readClickToken(S, at(0)())!.index).toBe(0);
    expect(readClickToken(S, at(MAX_TRACKED_LINKS)())!.index).toBe(MAX_TRACKED_LINKS);
    expect(at(-1)).toThrow();
    expect(at(MAX_TRACKED_LINKS + 1)).toThrow();
    expect(at(1.5)).toThrow();
    expect(readClickToken(S, 'A'.repeat(101))).toBeNull();
    expect(readClickToken(S, null as unknown as string)).toBeNull();
  });

  it('[SEC-04] a click resolves only to an http(s) URL, and with record: false it counts nothing', async () => {
    const recorded: number[] = [];
    const links = [
      'javascript:alert(1)',
      'http://example.com/plain',
      'ftp://example.com/f',
      'xhttps://example.com/',
      'HTTPS://EXAMPLE.COM/',
    ];
    const deps = {
      secret: S,
      links: { links: async (id: string) => (id === C ? links : null) },
      recorder: { recordClick: async (_c: string, _k: string, index: number) => void recorded.push(index) },
    };
    const go = (index: number, options?: { record?: boolean }) =>
      resolveClick(deps, clickToken(S, { campaignId: C, contactId: K, index }), NOW, options);
    expect(await go(0)).toBeNull();
    expect(await go(1)).toBe('http://example.com/plain');
    expect(await go(2)).toBeNull();
    expect(await go(3)).toBeNull();
    expect(await go(4)).toBe('HTTPS://EXAMPLE.COM/');
    expect(recorded).toEqual([1, 4]);
    expect(await go(1, { record: false })).toBe('http://example.com/plain');
    expect(recorded).toEqual([1, 4]);
    const service = createClickService({ ...deps, clock: { now: () => NOW } });
    expect(await service.resolve(clickToken(S, { campaignId: C, contactId: K, index: 1 }))).toBe('http://example.com/plain');
    expect(await service.resolve(clickToken(S, { campaignId: C, contactId: K, index: 1 }), { record: false })).toBe(
      'http://example.com/plain',
    );
    expect(recorded).toEqual([1, 4, 1]);
  });
});
