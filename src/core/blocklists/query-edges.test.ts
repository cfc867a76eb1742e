// Edges of the pure blocklist rules the main tests leave open: name syntax limits, every IPv6
// spelling, mixed answers, zone refusal codes, what a reason keeps, and the test-point wording.
import { describe, expect, it } from 'vitest';
import {
  cleanReason,
  ipv6Nibbles,
  interpretAnswer,
  isDomainName,
  judgeTestPoints,
  MAX_DOMAIN_LENGTH,
  MAX_REASON_LENGTH,
  queryName,
  targetKindOf,
} from './query.ts';

const label = (n: number) => 'a'.repeat(n);

describe('blocklist query edges', () => {
  it('domain names: RFC 1035 lengths, labels, a trailing dot, at least two labels', () => {
    expect(isDomainName('shop.example')).toBe(true);
    expect(isDomainName('shop.example.')).toBe(true);
    expect(isDomainName('SHOP.Example')).toBe(true);
    expect(isDomainName('')).toBe(false);
    expect(isDomainName('.')).toBe(false);
    expect(isDomainName('localhost')).toBe(false);
    expect(isDomainName(`${label(63)}.example`)).toBe(true);
    expect(isDomainName(`${label(64)}.example`)).toBe(false);
    const at = (n: number) => `${label(n - 8)}.example`;
    expect(at(MAX_DOMAIN_LENGTH).length).toBe(MAX_DOMAIN_LENGTH);
    expect(isDomainName([label(63), label(63), label(63), label(61)].join('.'))).toBe(true);
    expect(isDomainName([label(63), label(63), label(63), label(62)].join('.'))).toBe(false);
    expect(isDomainName('-shop.example')).toBe(false);
    expect(isDomainName('shop-.example')).toBe(false);
    expect(isDomainName('s.example')).toBe(true);
    expect(isDomainName('sh op.example')).toBe(false);
    expect(targetKindOf('192.0.2.1')).toBe('ip');
    expect(targetKindOf('2001:db8::1')).toBe('ip');
    expect(targetKindOf('shop.example')).toBe('domain');
    expect(targetKindOf('not a name')).toBeNull();
  });

  it('[BL-01] IPv6 nibbles for every spelling: ::, leading and trailing ::, full form, an IPv4 tail with multi-digit octets', () => {
    expect(ipv6Nibbles('::')).toBe('0'.repeat(32));
    expect(ipv6Nibbles('::1')).toBe(`${'0'.repeat(31)}1`);
    expect(ipv6Nibbles('1::')).toBe(`0001${'0'.repeat(28)}`);
    expect(ipv6Nibbles('1:2:3:4:5:6:7:8')).toBe('00010002000300040005000600070008');
    expect(ipv6Nibbles('2001:DB8::FF00:42:8329')).toBe('20010db8000000000000ff0000428329');
    expect(ipv6Nibbles('::ffff:10.20.30.40')).toBe(`${'0'.repeat(20)}ffff0a141e28`);
    expect(ipv6Nibbles('::ffff:127.0.0.2')).toBe(`${'0'.repeat(20)}ffff7f000002`);
    expect(queryName('2001:db8::1', { name: 'zen.example.', kind: 'ip' })).toBe(
      `1.${'0.'.repeat(23)}8.b.d.0.1.0.0.2.zen.example`,
    );
    expect(() => queryName('shop.example', { name: 'zen.example', kind: 'ip' })).toThrow();
    expect(queryName('TEST', { name: 'dbl.example', kind: 'domain' })).toBe('TEST.dbl.example');
    expect(queryName('shop.example.', { name: 'DBL.example', kind: 'domain' })).toBe('shop.example.dbl.example');
  });

  it('[BL-02] a mixed answer is an error: one error code among listings, one address outside 127/8; a zone refusal code too', () => {
    const rec = (addresses: string[], txt: string[] = []) => ({ kind: 'records' as const, addresses, txt });
    expect(interpretAnswer(rec(['127.0.0.2', '127.255.255.254']), {})).toMatchObject({
      outcome: 'error',
      error: 'zone-error-code',
    });
    expect(interpretAnswer(rec(['127.0.0.2', '192.0.2.1']), {})).toMatchObject({
      outcome: 'error',
      error: 'answer-outside-127/8',
    });
    expect(interpretAnswer(rec(['127.0.0.1']), { errorAnswers: ['127.0.0.1'] })).toMatchObject({ outcome: 'error' });
    expect(interpretAnswer(rec(['127.0.0.1']), {})).toMatchObject({ outcome: 'listed' });
    expect(interpretAnswer(rec(['2001:db8::1']), {})).toMatchObject({ outcome: 'error' });
    expect(interpretAnswer(rec(['127.0.0.10', '127.0.0.4'], ['a', 'b']), {})).toEqual({
      outcome: 'listed',
      answer: '127.0.0.10,127.0.0.4',
      reason: 'a b',
    });
    expect(interpretAnswer(rec([]), {})).toEqual({ outcome: 'not-listed' });
  });

  it('a reason keeps text only: control characters and runs of space become one space, bounded; empty is null', () => {
    expect(cleanReason(['Listed\u0000 by\tus', ' see\nhttps://x.example '])).toBe('Listed by us see https://x.example');
    expect(cleanReason(['  ', '\u0007'])).toBeNull();
    expect(cleanReason([])).toBeNull();
    expect(cleanReason(['x'.repeat(MAX_REASON_LENGTH + 50)])!.length).toBe(MAX_REASON_LENGTH);
    expect(cleanReason(['a\ud800b'])).toBe('a\ufffdb');
  });

  it('[BL-02] the test-point judgement names what went wrong', () => {
    const listed = { outcome: 'listed' as const, answer: '127.0.0.2', reason: null };
    const notListed = { outcome: 'not-listed' as const };
    const error = { outcome: 'error' as const, error: 'dns-etimeout', answer: null };
    expect(judgeTestPoints(listed, notListed)).toEqual({ trusted: true, problem: null });
    expect(judgeTestPoints(notListed, notListed)).toEqual({ trusted: false, problem: 'listed test point answered not-listed' });
    expect(judgeTestPoints(error, notListed)).toEqual({
      trusted: false,
      problem: 'listed test point answered error dns-etimeout',
    });
    expect(judgeTestPoints(listed, listed)).toEqual({ trusted: false, problem: 'not-listed test point answered listed' });
    expect(judgeTestPoints(listed, { outcome: 'error', error: 'zone-error-code', answer: '127.255.255.254' })).toEqual({
      trusted: false,
      problem: 'not-listed test point answered error zone-error-code (127.255.255.254)',
    });
  });
});
