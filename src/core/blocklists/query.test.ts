import { describe, expect, it } from 'vitest';
import { interpretAnswer, ipv6Nibbles, judgeTestPoints, queryName, testPoints } from './query.ts';
import { normaliseTargets } from './service.ts';

const ipZone = { name: 'zen.spamhaus.org', kind: 'ip' } as const;
const domainZone = { name: 'dbl.spamhaus.org', kind: 'domain' } as const;

describe('blocklist query names (RFC 5782 §2)', () => {
  it('[BL-01] asks an IPv4 address as its octets in reverse under the zone', () => {
    expect(queryName('192.0.2.99', ipZone)).toBe('99.2.0.192.zen.spamhaus.org');
    expect(queryName('127.0.0.2', { name: 'ZEN.spamhaus.org.', kind: 'ip' })).toBe('2.0.0.127.zen.spamhaus.org');
  });
  it('[BL-01] asks an IPv6 address as its 32 nibbles in reverse', () => {
    expect(queryName('2001:db8::99', ipZone)).toBe(
      '9.9.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org',
    );
    expect(ipv6Nibbles('::ffff:127.0.0.2')).toBe('00000000000000000000ffff7f000002');
    expect(ipv6Nibbles('2001:DB8:0:0:1::1')).toBe('20010db8000000000001000000000001');
    expect(ipv6Nibbles('::')).toHaveLength(32);
  });
  it('[BL-01] asks a domain as itself under a domain zone; refuses a value of the wrong kind', () => {
    expect(queryName('spammy.example', domainZone)).toBe('spammy.example.dbl.spamhaus.org');
    expect(queryName('TEST', domainZone)).toBe('TEST.dbl.spamhaus.org');
    expect(() => queryName('spammy.example', ipZone)).toThrow(/not an IP/);
    expect(() => queryName('bad name.example', domainZone)).toThrow(/not a domain/);
  });
  it('uses 127.0.0.2 / 127.0.0.1 for IP zones and TEST / INVALID for domain zones', () => {
    expect(testPoints(ipZone)).toEqual({ listed: '127.0.0.2', notListed: '127.0.0.1' });
    expect(testPoints(domainZone)).toEqual({ listed: 'TEST', notListed: 'INVALID' });
  });
});

describe('blocklist answers', () => {
  it('[BL-01] reads an A record in 127/8 as a listing, with the TXT reason', () => {
    expect(interpretAnswer({ kind: 'records', addresses: ['127.0.0.4', '127.0.0.2'], txt: ['https://x/', 'y'] }, {})).toEqual({
      outcome: 'listed',
      answer: '127.0.0.2,127.0.0.4',
      reason: 'https://x/ y',
    });
    expect(interpretAnswer({ kind: 'records', addresses: ['127.0.0.2'], txt: [] }, {})).toMatchObject({ reason: null });
    // The reason is remote text: control characters go, the length is bounded.
    expect(
      interpretAnswer({ kind: 'records', addresses: ['127.0.0.2'], txt: ['bad\u0000\r\nreason', 'x'.repeat(900)] }, {}),
    ).toMatchObject({
      reason: expect.stringMatching(/^bad reason x{489}$/),
    });
  });
  it('[BL-02] reads 127.255.255.x (Spamhaus: public resolver, over the limit) as an error, never a listing', () => {
    for (const code of ['127.255.255.252', '127.255.255.254', '127.255.255.255']) {
      expect(interpretAnswer({ kind: 'records', addresses: [code], txt: ['refused'] }, {})).toEqual({
        outcome: 'error',
        error: 'zone-error-code',
        answer: code,
      });
    }
    // A zone's own refusal code (URIBL: 127.0.0.1) is an error too.
    expect(interpretAnswer({ kind: 'records', addresses: ['127.0.0.1'], txt: [] }, { errorAnswers: ['127.0.0.1'] }).outcome).toBe(
      'error',
    );
  });
  it('[BL-02] reads an answer outside 127/8, a timeout or SERVFAIL as an error; NXDOMAIN as not listed', () => {
    expect(interpretAnswer({ kind: 'records', addresses: ['203.0.113.5'], txt: [] }, {})).toMatchObject({ outcome: 'error' });
    expect(interpretAnswer({ kind: 'failure', code: 'ETIMEOUT' }, {})).toEqual({
      outcome: 'error',
      error: 'dns-etimeout',
      answer: null,
    });
    expect(interpretAnswer({ kind: 'failure', code: 'ESERVFAIL' }, {}).outcome).toBe('error');
    expect(interpretAnswer({ kind: 'nxdomain' }, {})).toEqual({ outcome: 'not-listed' });
  });
  it('[BL-02] trusts a zone only when its listed test point is listed and its other test point is not', () => {
    const listed = { outcome: 'listed', answer: '127.0.0.2', reason: null } as const;
    const clean = { outcome: 'not-listed' } as const;
    const error = { outcome: 'error', error: 'zone-error-code', answer: '127.255.255.254' } as const;
    expect(judgeTestPoints(listed, clean)).toEqual({ trusted: true, problem: null });
    expect(judgeTestPoints(clean, clean).trusted).toBe(false);
    expect(judgeTestPoints(listed, listed)).toEqual({ trusted: false, problem: 'not-listed test point answered listed' });
    expect(judgeTestPoints(error, clean).problem).toMatch(/127\.255\.255\.254/);
  });
});

describe('blocklist targets', () => {
  it('keeps IPs and domains once, lower case, and drops anything else', () => {
    expect(
      normaliseTargets(['192.0.2.1', 'Mail.Example.COM.', 'mail.example.com', '2001:db8::1', 'not a host', 'localhost']),
    ).toEqual({
      targets: [
        { value: '192.0.2.1', kind: 'ip' },
        { value: 'mail.example.com', kind: 'domain' },
        { value: '2001:db8::1', kind: 'ip' },
      ],
      rejected: ['not a host', 'localhost'],
    });
  });
});
