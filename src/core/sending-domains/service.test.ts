// Sending domains on both engines against a real DNS server (dnsmasq on 127.0.0.1).
import { createPrivateKey, createPublicKey, randomUUID, sign, verify } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDnsResolver } from '../../channels/dns/resolver.ts';
import { createSendingDomainStore } from '../../db/repositories/sending-domains.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { startDnsServer, type DnsRecordSpec, type DnsServer } from '../../../test/helpers/dns.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { AppError } from '../errors.ts';
import { generateRsaKey } from './dkim-keys.ts';
import { createKeyBox } from './key-box.ts';
import { platformHosts } from './records.ts';
import { createSendingDomainService } from './service.ts';
import type { SendingDomain } from './types.ts';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

const served = (d: SendingDomain): DnsRecordSpec[] =>
  d.records.map((r) => ({ name: r.name, type: r.type as 'TXT' | 'CNAME', value: r.value }));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'none';
}

describeEachEngine('sending domains', (db) => {
  let dns: DnsServer;
  const clock = manualClock();
  const build = () =>
    createSendingDomainService({
      store: createSendingDomainStore(db()),
      resolver: createDnsResolver({ servers: [dns.server], timeoutMs: 500 }),
      clock,
      secret: SECRET,
      hosts: platformHosts('http://assent.test'),
      platformDomains: ['assent.test', 'assent-platform.com'],
    });
  beforeAll(async () => {
    dns = await startDnsServer([]);
  });
  afterAll(async () => dns?.close());

  it('[DEL-05, MSG-05] pending until DNS serves the records, verified when it does, failing when the DKIM key changes', async () => {
    const s = build();
    const account = randomUUID();
    const d = await s.add(account, { domain: 'Shop-Example.com', ed25519: true });
    expect(d.domain).toBe('shop-example.com');
    expect(d.status).toBe('pending');
    expect(d.records.map((r) => [r.purpose, r.type, r.name, r.required])).toEqual([
      ['dkim-rsa', 'TXT', `${d.dkimSelector}._domainkey.shop-example.com`, true],
      ['dkim-ed25519', 'TXT', `${d.ed25519Selector}._domainkey.shop-example.com`, true],
      ['spf', 'TXT', 'shop-example.com', true],
      ['return-path', 'CNAME', 'bounces.shop-example.com', true],
      ['dmarc', 'TXT', '_dmarc.shop-example.com', false],
    ]);
    expect(d.records[0]!.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{380,}$/);
    // RFC 8463: the raw 32-byte Ed25519 key.
    expect(Buffer.from(d.records[1]!.value.split('p=')[1]!, 'base64')).toHaveLength(32);
    expect(d.records[2]!.value).toContain('include:_spf.assent.test');
    expect(d.records[3]!.value).toBe('bounces.assent.test');
    expect(JSON.stringify(d)).not.toContain('PRIVATE KEY');

    const first = await s.check(account, d.id);
    expect(first.status).toBe('pending');
    expect(first.records.every((r) => r.found === false)).toBe(true);
    expect(first.lastCheckedAt).toBe(clock.now().toISOString());
    expect(await s.verifiedFor(account, 'news@shop-example.com')).toBeNull();
    expect(await s.signingKeys(account, d.id)).toBeNull();

    await dns.close();
    dns = await startDnsServer(
      served(d).filter((r) => r.name !== '_dmarc.shop-example.com'),
      { port: dns.port },
    );
    const ok = await s.check(account, d.id);
    expect(ok.status).toBe('verified');
    expect(ok.verifiedAt).not.toBeNull();
    expect(ok.records.find((r) => r.purpose === 'dmarc')!.found).toBe(false);
    expect(ok.records.filter((r) => r.required).every((r) => r.found === true)).toBe(true);
    expect((await s.verifiedFor(account, 'News@Shop-Example.com'))?.id).toBe(d.id);
    // MSG-05: exactly the From domain — not a subdomain, not another account.
    expect(await s.verifiedFor(account, 'news@mail.shop-example.com')).toBeNull();
    expect(await s.verifiedFor(randomUUID(), 'news@shop-example.com')).toBeNull();

    // The keys handed to the signer match the published records.
    const keys = (await s.signingKeys(account, d.id))!;
    expect(keys.rsa.selector).toBe(d.dkimSelector);
    // MSG-05: RSA-2048 by default.
    expect(createPrivateKey(keys.rsa.privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    const rsaPub = createPublicKey(createPrivateKey(keys.rsa.privateKeyPem))
      .export({ type: 'spki', format: 'der' })
      .toString('base64');
    expect(d.records[0]!.value).toContain(`p=${rsaPub}`);
    const edPriv = createPrivateKey(keys.ed25519!.privateKeyPem);
    const edPub = Buffer.from(d.records[1]!.value.split('p=')[1]!, 'base64');
    const edKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), edPub]),
      format: 'der',
      type: 'spki',
    });
    expect(verify(null, Buffer.from('m'), edKey, sign(null, Buffer.from('m'), edPriv))).toBe(true);

    // Another account may not take a domain this one has verified.
    expect(await codeOf(s.add(randomUUID(), { domain: 'shop-example.com' }))).toBe('DOMAIN_TAKEN');

    await dns.close();
    const other = generateRsaKey().dnsValue;
    dns = await startDnsServer(
      served(d).map((r) => (r.name === d.records[0]!.name ? { ...r, value: other } : r)),
      { port: dns.port },
    );
    const failing = await s.check(account, d.id);
    expect(failing.status).toBe('failing');
    expect(failing.records[0]!.found).toBe(false);
    expect(await s.verifiedFor(account, 'news@shop-example.com')).toBeNull();
    expect(await s.signingKeys(account, d.id)).toBeNull();
    expect((await s.list(account)).map((x) => x.status)).toEqual(['failing']);
  });

  it('[DEL-05] two accounts add the same domain: the first to verify holds it, the second check answers DOMAIN_TAKEN', async () => {
    const s = build();
    const [a, b] = [randomUUID(), randomUUID()];
    const da = await s.add(a, { domain: 'contested-example.com' });
    const db2 = await s.add(b, { domain: 'contested-example.com' });
    await dns.close();
    // Both accounts' records are published (the same DKIM name holds two keys).
    dns = await startDnsServer([...served(da), ...served(db2).filter((r) => r.name.includes('._domainkey.'))], {
      port: dns.port,
    });
    expect((await s.check(a, da.id)).status).toBe('verified');
    expect(await codeOf(s.check(b, db2.id))).toBe('DOMAIN_TAKEN');
    expect((await s.get(b, db2.id)).status).toBe('pending');
    expect(await s.verifiedFor(b, 'x@contested-example.com')).toBeNull();
    expect((await s.verifiedFor(a, 'x@contested-example.com'))?.id).toBe(da.id);
  });

  it('[DEL-05] private keys are sealed at rest: no PEM in the row, another secret cannot open them', async () => {
    const s = build();
    const account = randomUUID();
    const d = await s.add(account, { domain: 'sealed-example.com', ed25519: true });
    const row = await db().db.selectFrom('sending_domains').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('PRIVATE KEY');
    expect(row.rsa_private_key_sealed.startsWith('v1.')).toBe(true);
    expect(createKeyBox(SECRET).open(row.rsa_private_key_sealed)).toContain('BEGIN PRIVATE KEY');
    expect(() => createKeyBox('another-secret-another-secret-0123456789').open(row.rsa_private_key_sealed)).toThrow();
    expect(() => createKeyBox('another-secret-another-secret-0123456789').open(row.ed25519_private_key_sealed!)).toThrow();
  });

  it('[DEL-05] refuses bad domains with DOMAIN_INVALID and a duplicate with DOMAIN_TAKEN', async () => {
    const s = build();
    const account = randomUUID();
    for (const bad of [
      'not a domain',
      '192.0.2.1',
      '[::1]',
      'co.uk',
      'com',
      'localhost',
      'mail.assent.test',
      'a..b.com',
      '-x.com',
      `${'a'.repeat(64)}.com`,
    ])
      expect(await codeOf(s.add(account, { domain: bad })), bad).toBe('DOMAIN_INVALID');
    await s.add(account, { domain: 'dupe-example.com' });
    expect(await codeOf(s.add(account, { domain: 'DUPE-example.com' }))).toBe('DOMAIN_TAKEN');
    expect(await codeOf(s.get(randomUUID(), (await s.list(account))[0]!.id))).toBe('SENDING_DOMAIN_NOT_FOUND');
    const [one] = await s.list(account);
    await s.remove(account, one!.id);
    expect(await s.list(account)).toEqual([]);
    expect(await codeOf(s.remove(account, one!.id))).toBe('SENDING_DOMAIN_NOT_FOUND');
  });
});
