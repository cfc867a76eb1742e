// The sending-domain API through the Fastify app, on both engines, with a real dnsmasq as the
// configured DNS server (DNS_SERVERS): add, list, get, check, remove; bad input answers 4xx codes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { startDnsServer, type DnsServer } from '../../../../test/helpers/dns.ts';
import { describeEachEngine } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

describeEachEngine('sending-domain routes', (_db, engine) => {
  let t: TestPlatform;
  let owner: SignedIn;
  let other: SignedIn;
  let dns: DnsServer;
  beforeAll(async () => {
    dns = await startDnsServer([]);
    t = await createTestPlatform(engine, { config: { dnsServers: [dns.server] } });
    owner = await signUp(t.app);
    other = await signUp(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await dns?.close();
  });

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('[DEL-05] adds a domain (201, records, no private key), lists, gets, checks through DNS and verifies, removes (204)', async () => {
    const added = await call(owner, 'POST', '/api/v1/sending-domains', { domain: 'route-example.com', ed25519: true });
    expect(added.statusCode).toBe(201);
    const d = added.json();
    expect(d.status).toBe('pending');
    expect(d.records).toHaveLength(5);
    expect(added.body).not.toMatch(/PRIVATE KEY|privateKey|Sealed/i);

    const list = await call(owner, 'GET', '/api/v1/sending-domains');
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect((await call(other, 'GET', '/api/v1/sending-domains')).json().items).toEqual([]);
    expect((await call(other, 'GET', `/api/v1/sending-domains/${d.id}`)).json().error.code).toBe('SENDING_DOMAIN_NOT_FOUND');

    const pending = await call(owner, 'POST', `/api/v1/sending-domains/${d.id}/check`);
    expect(pending.statusCode).toBe(200);
    expect(pending.json().status).toBe('pending');
    expect(pending.json().records.every((r: { found: boolean }) => r.found === false)).toBe(true);

    await dns.close();
    dns = await startDnsServer(
      d.records.map((r: { name: string; type: 'TXT' | 'CNAME'; value: string }) => ({
        name: r.name,
        type: r.type,
        value: r.value,
      })),
      { port: dns.port },
    );
    const verified = await call(owner, 'POST', `/api/v1/sending-domains/${d.id}/check`);
    expect(verified.json().status).toBe('verified');
    expect((await call(owner, 'GET', `/api/v1/sending-domains/${d.id}`)).json().status).toBe('verified');
    // The gate other areas call (MSG-05).
    expect((await t.platform.services.sendingDomains.verifiedFor(owner.accountId, 'hi@route-example.com'))?.id).toBe(d.id);
    // One account per verified domain.
    const taken = await call(other, 'POST', '/api/v1/sending-domains', { domain: 'route-example.com' });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'DOMAIN_TAKEN']);

    const removed = await call(owner, 'DELETE', `/api/v1/sending-domains/${d.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(owner, 'GET', `/api/v1/sending-domains/${d.id}`)).statusCode).toBe(404);
    expect(await t.platform.services.sendingDomains.verifiedFor(owner.accountId, 'hi@route-example.com')).toBeNull();
  });

  it('[DEL-05] bad input: invalid name, IP, public suffix, platform host, duplicate, unknown field → 4xx with a stable code', async () => {
    for (const [domain, status, code] of [
      ['exa mple.com', 400, 'DOMAIN_INVALID'],
      ['203.0.113.7', 400, 'DOMAIN_INVALID'],
      ['co.uk', 400, 'DOMAIN_INVALID'],
      ['bounces.assent.test', 400, 'DOMAIN_INVALID'],
    ] as const) {
      const res = await call(owner, 'POST', '/api/v1/sending-domains', { domain });
      expect([domain, res.statusCode, res.json().error.code]).toEqual([domain, status, code]);
    }
    expect((await call(owner, 'POST', '/api/v1/sending-domains', { domain: 'twice-example.com' })).statusCode).toBe(201);
    const dupe = await call(owner, 'POST', '/api/v1/sending-domains', { domain: 'twice-example.com' });
    expect([dupe.statusCode, dupe.json().error.code]).toEqual([409, 'DOMAIN_TAKEN']);
    const extra = await call(owner, 'POST', '/api/v1/sending-domains', { domain: 'x-example.com', privateKey: 'mine' });
    expect(extra.statusCode).toBe(400);
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/sending-domains', '/api/v1/sending-domains/{id}/check']),
    );
  });
});
