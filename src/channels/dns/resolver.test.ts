import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../../test/helpers/dns.ts';
import { loadConfig } from '../../config/config.ts';
import { createDnsResolver } from './resolver.ts';

const long = 'p='.padEnd(420, 'A');

describe('DNS resolver over a real dnsmasq', () => {
  let dns: DnsServer;
  beforeAll(async () => {
    dns = await startDnsServer([
      { name: 'sel._domainkey.shop-example.com', type: 'TXT', value: `v=DKIM1; k=rsa; ${long}` },
      { name: 'bounces.shop-example.com', type: 'CNAME', value: 'bounces.assent.test' },
    ]);
  });
  afterAll(async () => dns?.close());

  it('[DEL-05] reads a TXT longer than 255 bytes (split in strings) and a CNAME', async () => {
    const r = createDnsResolver({ servers: [dns.server] });
    const txt = await r.resolveTxt('sel._domainkey.shop-example.com');
    expect(txt).toHaveLength(1);
    expect(txt[0]!.length).toBeGreaterThan(1);
    expect(txt[0]!.join('')).toBe(`v=DKIM1; k=rsa; ${long}`);
    expect(await r.resolveCname('bounces.shop-example.com')).toEqual(['bounces.assent.test']);
  });
});

describe('DNS_SERVERS', () => {
  it('[DEL-05] is read as a comma list of ip[:port]; unset means the system resolvers', () => {
    expect(loadConfig({ DNS_SERVERS: ' 127.0.0.1:5353, 10.0.0.2 ,', ASSENT_SECRET: 'x'.repeat(32) }).dnsServers).toEqual([
      '127.0.0.1:5353',
      '10.0.0.2',
    ]);
    expect(loadConfig({ ASSENT_SECRET: 'x'.repeat(32) }).dnsServers).toEqual([]);
    expect(loadConfig({ ASSENT_SECRET: 'x'.repeat(32), SPF_INCLUDE: 'spf.example.net' }).spfInclude).toBe('spf.example.net');
  });
});
