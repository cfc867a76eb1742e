// CK-05: a cookie choice is logged with a TRUNCATED address only: IPv4 keeps its /24 (last octet
// zeroed), IPv6 its /48 (the site prefix an ISP assigns, RFC 6177). An IPv4-mapped IPv6 address
// (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) is treated as the IPv4 address it carries.
import { isIPv4, isIPv6 } from 'node:net';

/** Returns '' for anything that is not an IP address. */
export function truncateIp(ip: string): string {
  const value = ip.trim();
  if (isIPv4(value)) return truncateIpv4(value);
  const bare = value.replace(/%.*$/, ''); // drop a zone id (fe80::1%eth0)
  if (!isIPv6(bare)) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1] && isIPv4(mapped[1])) return truncateIpv4(mapped[1]);
  const groups = expandIpv6(bare);
  const prefix = groups.slice(0, 3).map((g) => Number.parseInt(g, 16).toString(16));
  // Trailing zero groups of the prefix fold into the '::' as well, like any canonical form (RFC 5952).
  while (prefix.length > 0 && prefix[prefix.length - 1] === '0') prefix.pop();
  return `${prefix.join(':')}::`;
}

function truncateIpv4(ip: string): string {
  const parts = ip.split('.');
  return `${parts[0]}.${parts[1]}.${parts[2]}.0`;
}

/** Eight 16-bit groups (hex strings) of a valid IPv6 address, embedded IPv4 tails included. */
function expandIpv6(ip: string): string[] {
  let text = ip.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a, b, c, d] = v4[1].split('.').map((n) => Number.parseInt(n, 10)) as [number, number, number, number];
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => '0'), ...right];
}
