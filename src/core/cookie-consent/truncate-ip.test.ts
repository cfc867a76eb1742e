import { describe, expect, it } from 'vitest';
import { truncateIp } from './truncate-ip.ts';

describe('truncateIp', () => {
  it('[CK-05] zeroes the last octet of an IPv4 address', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0');
    expect(truncateIp('10.1.2.255')).toBe('10.1.2.0');
  });

  it('[CK-05] keeps only the /48 prefix of an IPv6 address', () => {
    expect(truncateIp('2001:db8:abcd:12:3456:789a:bcde:f012')).toBe('2001:db8:abcd::');
    expect(truncateIp('2001:DB8:ABCD::1')).toBe('2001:db8:abcd::');
    expect(truncateIp('2001:db8::dead:beef')).toBe('2001:db8::');
    expect(truncateIp('::1')).toBe('::');
    expect(truncateIp('fe80::1%eth0')).toBe('fe80::');
    expect(truncateIp('64:ff9b::203.0.113.5')).toBe('64:ff9b::');
  });

  it('[CK-05] treats an IPv4-mapped IPv6 address as IPv4', () => {
    expect(truncateIp('::ffff:198.51.100.23')).toBe('198.51.100.0');
  });

  it('[CK-05] stores nothing for what is not an address', () => {
    expect(truncateIp('')).toBe('');
    expect(truncateIp('not-an-ip')).toBe('');
    expect(truncateIp('999.1.1.1')).toBe('');
  });
});
