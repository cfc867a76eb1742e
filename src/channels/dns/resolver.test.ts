import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsServer } from '../../../test/helpers/dns.ts';
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
