// Pure blocklist logic (BL-01, BL-02): the query name for a target under a zone, the RFC 5782
// test points that decide whether a zone is trusted, and how an answer is read.
import { isIP } from 'node:net';
import type { BlocklistZone, DnsAnswer, Interpretation, TargetKind } from './types.ts';

/** Longest TXT reason kept: the zones' reasons are a sentence and a lookup URL. */
export const MAX_REASON_LENGTH = 500;

/** A zone's TXT reason as we store it: control characters (NUL included) become spaces, bounded. */
export function cleanReason(txt: readonly string[]): string | null {
  const text = txt
    .join(' ')
    .toWellFormed()
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text.slice(0, MAX_REASON_LENGTH);
}

/** Longest domain name (RFC 1035 §2.3.4) and label. */
export const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;

/** True for a syntactically valid host name (letters, digits, hyphens; punycode already applied). */
export function isDomainName(value: string): boolean {
  const d = value.toLowerCase().replace(/\.$/, '');
  if (d.length === 0 || d.length > MAX_DOMAIN_LENGTH || !d.includes('.')) return false;
  return d.split('.').every((l) => l.length <= MAX_LABEL_LENGTH && LABEL.test(l));
}

/** The kind of a target value, or null when it is neither an IP address nor a domain name. */
export function targetKindOf(value: string): TargetKind | null {
  if (isIP(value) !== 0) return 'ip';
  return isDomainName(value) ? 'domain' : null;
}

/** RFC 5782 §2.1: an IPv4 address is asked as its octets in reverse, `2.0.0.127.zone`. */
function reversedIpv4(ip: string): string {
  return ip.split('.').reverse().join('.');
}

/** The 32 hex digits of an IPv6 address (`::` expanded, an embedded IPv4 tail converted). */
export function ipv6Nibbles(ip: string): string {
  let text = ip.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => g.padStart(4, '0')).join('');
}

/** RFC 5782 §2.4: an IPv6 address is asked as its 32 nibbles in reverse, dot-separated. */
function reversedIpv6(ip: string): string {
  return ipv6Nibbles(ip).split('').reverse().join('.');
}

/**
 * The name to ask for `target` under `zone`: reversed octets (IPv4), reversed nibbles (IPv6), the
 * domain itself (RFC 5782 §2.3, domain lists). Throws on a value of the wrong kind: the caller
 * validated targets where they entered.
 */
export function queryName(target: string, zone: Pick<BlocklistZone, 'name' | 'kind'>): string {
  const apex = zone.name.toLowerCase().replace(/\.$/, '');
  if (zone.kind === 'ip') {
    const family = isIP(target);
    if (family === 4) return `${reversedIpv4(target)}.${apex}`;
    if (family === 6) return `${reversedIpv6(target)}.${apex}`;
    throw new Error(`blocklists: ${target} is not an IP address`);
  }
  if (!isDomainName(target) && target !== 'TEST' && target !== 'INVALID')
    throw new Error(`blocklists: ${target} is not a domain name`);
  return `${target.replace(/\.$/, '')}.${apex}`;
}

/** RFC 5782 §5 test points: the first must be listed, the second must not. */
export function testPoints(zone: Pick<BlocklistZone, 'kind'>): { listed: string; notListed: string } {
  return zone.kind === 'ip' ? { listed: '127.0.0.2', notListed: '127.0.0.1' } : { listed: 'TEST', notListed: 'INVALID' };
}

/** RFC 5782 §5 for IPv6 lists: ::FFFF:7F00:2 must be listed, ::FFFF:7F00:1 must not. */
export const IPV6_TEST_POINTS = { listed: '::ffff:7f00:2', notListed: '::ffff:7f00:1' } as const;

/** 127.255.255.0/24: Spamhaus's (and others') error codes — .252 typo in the zone, .254 public resolver, .255 over the limit. */
export function isErrorCode(address: string): boolean {
  return address.startsWith('127.255.255.');
}

function inLoopback8(address: string): boolean {
  return isIP(address) === 4 && address.startsWith('127.');
}

/**
 * Reads one answer (BL-02). Listed: every A record is in 127.0.0.0/8 and none is an error code
 * (127.255.255.0/24 or the zone's own `errorAnswers`); the TXT strings are the reason. NXDOMAIN
 * or no A record: not listed. Anything else is an error — a DNS failure (timeout, SERVFAIL,
 * refused), an error code, an address outside 127/8 (a zone that has been taken over or
 * wildcarded) — and never counts as a listing.
 */
export function interpretAnswer(answer: DnsAnswer, zone: Pick<BlocklistZone, 'errorAnswers'>): Interpretation {
  if (answer.kind === 'nxdomain') return { outcome: 'not-listed' };
  if (answer.kind === 'failure') return { outcome: 'error', error: `dns-${answer.code.toLowerCase()}`, answer: null };
  const addresses = [...answer.addresses].sort();
  if (addresses.length === 0) return { outcome: 'not-listed' };
  const joined = addresses.join(',');
  const zoneErrors = new Set(zone.errorAnswers ?? []);
  if (addresses.some((a) => isErrorCode(a) || zoneErrors.has(a)))
    return { outcome: 'error', error: 'zone-error-code', answer: joined };
  if (!addresses.every(inLoopback8)) return { outcome: 'error', error: 'answer-outside-127/8', answer: joined };
  return { outcome: 'listed', answer: joined, reason: cleanReason(answer.txt) };
}

/** A zone is trusted when its listed test point is listed and its not-listed one is not (RFC 5782 §5). */
export function judgeTestPoints(listed: Interpretation, notListed: Interpretation): { trusted: boolean; problem: string | null } {
  const describe = (i: Interpretation) =>
    i.outcome === 'error' ? `error ${i.error}${i.answer ? ` (${i.answer})` : ''}` : i.outcome;
  if (listed.outcome !== 'listed') return { trusted: false, problem: `listed test point answered ${describe(listed)}` };
  if (notListed.outcome !== 'not-listed')
    return { trusted: false, problem: `not-listed test point answered ${describe(notListed)}` };
  return { trusted: true, problem: null };
}
