import { describe, expect, it } from 'vitest';
import { readVerp, verpAddress, verpLocalPart } from './verp.ts';
import { clickToken, readClickToken, resolveClick } from './click.ts';

const S = 'platform-secret-for-tests-0123456789';
const C = '0190b7a0-1111-7000-8000-000000000001';
const K = '0190b7a0-2222-7000-8000-0000000000ff';

describe('VERP and click tokens', () => {
  it('round-trips (campaign, contact) through a local part of at most 64 chars', () => {
    const lp = verpLocalPart(S, C, K);
    expect(lp.length).toBeLessThanOrEqual(64);
    expect(verpAddress(S, 'bounce.example.net', C, K)).toBe(`${lp}@bounce.example.net`);
    expect(readVerp(S, lp)).toEqual({ campaignId: C, contactId: K });
  });

  it('refuses forged, altered or foreign-secret local parts', () => {
    const lp = verpLocalPart(S, C, K);
    const i = 10;
    const altered = lp.slice(0, i) + (lp[i] === 'A' ? 'B' : 'A') + lp.slice(i + 1);
    expect(readVerp(S, altered)).toBeNull();
    expect(readVerp('other-secret', lp)).toBeNull();
    expect(readVerp(S, 'b-' + 'A'.repeat(56))).toBeNull();
    expect(readVerp(S, lp.slice(2))).toBeNull();
  });

  it('[SEC-04] click tokens round-trip and a forged one does not read', () => {
    const t = clickToken(S, { campaignId: C, contactId: K, index: 3 });
    expect(readClickToken(S, t)).toEqual({ campaignId: C, contactId: K, index: 3 });
    expect(readClickToken('x', t)).toBeNull();
    expect(readClickToken(S, t.slice(0, -2) + (t.endsWith('AA') ? 'BB' : 'AA'))).toBeNull();
  });

  it('[SEC-04] resolves only to a URL at that index of that campaign', async () => {
    const clicks: unknown[] = [];
    const deps = {
      secret: S,
      links: { links: async (id: string) => (id === C ? ['https://example.com/a', 'https://example.com/b'] : null) },
      recorder: { recordClick: async (...a: unknown[]) => void clicks.push(a) },
    };
    const now = new Date('2026-12-01T00:00:00Z');
    expect(await resolveClick(deps, clickToken(S, { campaignId: C, contactId: K, index: 1 }), now)).toBe('https://example.com/b');
    expect(await resolveClick(deps, clickToken(S, { campaignId: C, contactId: K, index: 2 }), now)).toBeNull();
    expect(await resolveClick(deps, clickToken(S, { campaignId: K, contactId: K, index: 0 }), now)).toBeNull();
    expect(clicks).toHaveLength(1);
  });
});
