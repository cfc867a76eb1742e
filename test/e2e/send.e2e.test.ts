// One campaign end to end on both engines, over the HTTP API and real servers on loopback:
// sign up, set the postal address, add a sending domain, publish its records in a real dnsmasq
// and verify it; a list with contacts that consented; an HTML campaign with a Liquid field,
// submitted (the content screen approves it), sent by the real engine and worker through
// Postfix's smtp-sink (each message dumped to its own file). Every recipient gets exactly one
// message; each message's DKIM signature is checked by two independent verifiers — mailauth
// (resolving through dnsmasq) and Debian's opendkim-testmsg (libopendkim, system resolver pointed
// at dnsmasq: test/helpers/opendkim.ts) — and a message with one body byte changed fails both.
// The report counts every recipient as accepted.
import { Resolver } from 'node:dns/promises';
import { simpleParser } from 'mailparser';
import { authenticate } from 'mailauth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../helpers/accounts.ts';
import { manualClock } from '../helpers/clock.ts';
import { startDnsServer, type DnsRecordSpec, type DnsServer } from '../helpers/dns.ts';
import { describeEachEngine } from '../helpers/engines.ts';
import { opendkimVerify } from '../helpers/opendkim.ts';
import { createTestPlatform, type TestPlatform } from '../helpers/platform.ts';
import { startPostfixSink, type PostfixSink, type SinkMessage } from '../helpers/smtp-sink.ts';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp.ts';

const DOMAIN = 'e2e-shop-assent.ro';
const PUBLIC_URL = 'https://assent.test';
const POSTAL = 'Str. Memorandumului 28, 400114 Cluj-Napoca, Romania';
/** Three with a first name, one without (the Liquid default applies). */
const READERS = [
  { email: 'ana@example.com', firstName: 'Ana' },
  { email: 'bogdan@example.com', firstName: 'Bogdan' },
  { email: 'carmen@example.com', firstName: 'Carmen' },
  { email: 'dan@example.com', firstName: null },
];

interface DomainRecord extends DnsRecordSpec {
  purpose: string;
  found: boolean | null;
}

/** A loopback address for dnsmasq at port 53 (the system resolver takes no port), not 127.0.0.1. */
function loopbackAddress(): string {
  const b = () => 1 + Math.floor(Math.random() * 250);
  return `127.${100 + Math.floor(Math.random() * 100)}.${b()}.${b()}`;
}

/** The tag list of a DKIM-Signature header value (whitespace removed, as RFC 6376 §3.2 allows). */
function dkimTags(raw: string): Map<string, string> {
  const m = /^DKIM-Signature:((?:.*)(?:\r\n[ \t].*)*)/im.exec(raw);
  const tags = new Map<string, string>();
  for (const part of (m?.[1] ?? '').replace(/\s+/g, '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) tags.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return tags;
}

/** The message with one byte of its body changed (a base64 letter of the first body line that has one). */
function tamperBody(raw: Buffer): Buffer {
  const copy = Buffer.from(raw);
  const bodyStart = copy.indexOf('\r\n\r\n') + 4;
  const partHead = copy.indexOf('Content-Transfer-Encoding: base64\r\n\r\n', bodyStart);
  let i = partHead + 'Content-Transfer-Encoding: base64\r\n\r\n'.length;
  while (!/[A-Za-z]/.test(String.fromCharCode(copy[i]!))) i++;
  copy[i] = copy[i] === 0x41 ? 0x42 : 0x41; // 'A' ↔ 'B'
  return copy;
}

describeEachEngine('a campaign sent end to end, DKIM checked by mailauth and opendkim', (_db, engine) => {
  let t: TestPlatform;
  let dns: DnsServer;
  let sink: PostfixSink;
  /** The platform's own mail (sign-up notices) goes elsewhere: the relay sees campaign mail only. */
  let systemMail: SmtpCapture;
  let owner: SignedIn;
  let domainId: string;
  let records: DomainRecord[];
  let campaignId: string;
  let received: SinkMessage[] = [];
  const nameserver = loopbackAddress();

  beforeAll(async () => {
    dns = await startDnsServer([], { address: nameserver, port: 53 });
    sink = await startPostfixSink({ messages: true });
    systemMail = await startSmtpCapture();
    t = await createTestPlatform(engine, {
      worker: true,
      // Near real time: DKIM t= comes from this clock and verifiers refuse signatures from the future.
      clock: manualClock(new Date(Date.now() - 10 * 60_000)),
      config: {
        publicUrl: PUBLIC_URL,
        smtpUrl: systemMail.url,
        delivery: {
          relays: [sink.url],
          maxAttempts: 3,
          relayConnections: 2,
          relayRatePerSecond: 1000,
          accountRatePerSecond: 1000,
        },
        dnsServers: [dns.server],
      },
    });
    owner = await signUp(t.app);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sink?.close();
    await systemMail?.close();
    await dns?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: owner.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** Moves the platform clock on while waiting, so queued jobs fall due. */
  async function until(done: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      t.clock.advance(1_000);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('[DEL-05] the account sets its postal address, adds a sending domain, publishes its records in DNS and the check verifies it', async () => {
    const account = await call('PATCH', '/api/v1/account', { postalAddress: POSTAL });
    expect(account.statusCode, account.body).toBe(200);
    expect(account.json().postalAddress).toBe(POSTAL);

    const added = await call('POST', '/api/v1/sending-domains', { domain: DOMAIN });
    expect(added.statusCode, added.body).toBe(201);
    domainId = added.json().id;
    records = added.json().records;
    expect(records.map((r) => r.purpose)).toEqual(expect.arrayContaining(['dkim-rsa', 'spf', 'dmarc', 'return-path']));

    // Nothing published yet: not verified.
    const before = await call('POST', `/api/v1/sending-domains/${domainId}/check`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().status).not.toBe('verified');

    // The customer publishes the records the API returned (dnsmasq restarted on the same address and port).
    await dns.close();
    dns = await startDnsServer(
      records.map((r) => ({ name: r.name, type: r.type, value: r.value })),
      { address: nameserver, port: 53 },
    );
    const checked = await call('POST', `/api/v1/sending-domains/${domainId}/check`);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().status).toBe('verified');
    expect(checked.json().records.filter((r: DomainRecord) => r.found !== true)).toEqual([]);
  });

  it('[DEL-02] a campaign to consenting contacts is approved, sent through the real relay (smtp-sink) and every recipient gets exactly one message', async () => {
    const list = await call('POST', '/api/v1/lists', {
      name: 'Shop news',
      purposeText: 'New products and offers of our shop.',
      channel: 'email',
      frequency: 'twice a month',
      senderName: 'E2E Shop',
      doubleOptIn: false,
    });
    expect(list.statusCode, list.body).toBe(201);
    const listId = list.json().id as string;
    // Consent is appended to the ledger as a form sign-up would (the forms' own tests cover that path).
    const s = t.platform.services;
    const ids: string[] = [];
    for (const r of READERS) {
      const attributes = r.firstName ? { first_name: r.firstName } : {};
      ids.push((await s.contacts.upsert(owner.accountId, { email: r.email, attributes })).contact.id);
    }
    await s.consent.record(
      owner.accountId,
      ids.map((contactId) => ({
        contactId,
        listId,
        channel: 'email' as const,
        kind: 'granted' as const,
        sourceType: 'form' as const,
        textShown: 'Yes, email me the shop news.',
      })),
    );

    const created = await call('POST', '/api/v1/campaigns', {
      name: 'December',
      listId,
      subject: 'Winter coats are in, {{ contact.first_name | default: "friend" }}',
      fromName: 'E2E Shop',
      fromEmail: `news@${DOMAIN}`,
      format: 'html',
      body: '<html><body><p>Hello {{ contact.first_name | default: "friend" }},</p><p>our winter coats are in the shop from Saturday.</p></body></html>',
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
    const submitted = await call('POST', `/api/v1/campaigns/${campaignId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('approved');

    const sent = await call('POST', `/api/v1/campaigns/${campaignId}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    let status = '';
    await until(async () => {
      status = (await call('GET', `/api/v1/campaigns/${campaignId}`)).json().status;
      return status === 'sent';
    }, 'the campaign to be sent');

    // smtp-sink writes each message to its own file; wait until each is whole (the closing MIME boundary).
    await until(async () => {
      received = sink.messages();
      return received.length >= READERS.length && received.every((m) => /--\r\n(\r\n)*$/.test(m.raw.toString('latin1')));
    }, 'the sink to write every message');
    const perRecipient = new Map<string, number>();
    for (const m of received) for (const rcpt of m.rcptTo) perRecipient.set(rcpt, (perRecipient.get(rcpt) ?? 0) + 1);
    expect(Object.fromEntries(perRecipient)).toEqual(Object.fromEntries(READERS.map((r) => [r.email, 1])));
    expect(received).toHaveLength(READERS.length);

    // What each recipient reads: their own name, or the Liquid default.
    for (const m of received) {
      const parsed = await simpleParser(m.raw);
      const reader = READERS.find((r) => r.email === m.rcptTo[0])!;
      const name = reader.firstName ?? 'friend';
      expect(parsed.subject).toBe(`Winter coats are in, ${name}`);
      expect(parsed.html || '').toContain(`Hello ${name},`);
      expect(parsed.html || '').toContain(POSTAL);
      expect(parsed.from?.value[0]?.address).toBe(`news@${DOMAIN}`);
      expect(m.mailFrom.endsWith(`@bounces.assent.test`)).toBe(true);
    }
  }, 120_000);

  it('[MSG-01] List-Unsubscribe has an https and a mailto URI, List-Unsubscribe-Post is One-Click, both in the DKIM h= list', async () => {
    expect(received).toHaveLength(READERS.length);
    for (const m of received) {
      const raw = m.raw.toString('latin1');
      const header = (name: string) => [...raw.matchAll(new RegExp(`^${name}: (.*)$`, 'gim'))].map((x) => x[1]);
      expect(header('List-Unsubscribe')).toHaveLength(1);
      expect(header('List-Unsubscribe')[0]).toMatch(
        /^<https:\/\/assent\.test\/[^>\s]+>, <mailto:[^>\s]+@bounces\.assent\.test>$/,
      );
      expect(header('List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
      const h = (dkimTags(raw).get('h') ?? '').toLowerCase().split(':');
      expect(h).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'subject']));
    }
  });

  it('[MSG-05] every message received passes DKIM in mailauth and in opendkim-testmsg; one body byte changed fails both', async () => {
    expect(received).toHaveLength(READERS.length);
    const resolver = new Resolver({ timeout: 2_000, tries: 2 });
    resolver.setServers([dns.server]);
    const resolve = (name: string, rrtype: string) => resolver.resolve(name, rrtype as 'TXT');
    const verifyBoth = async (raw: Buffer) => {
      const res = await authenticate(raw, {
        resolver: resolve,
        ip: '127.0.0.1',
        helo: 'relay.test',
        sender: `bounce@${DOMAIN}`,
        mta: 'mx.test',
        disableArc: true,
        disableBimi: true,
      });
      return { mailauth: res.dkim.results, opendkim: await opendkimVerify(raw, nameserver) };
    };
    for (const m of received) {
      const { mailauth, opendkim } = await verifyBoth(m.raw);
      expect(mailauth.map((r) => [r.signingDomain, r.selector, r.status.result])).toEqual([
        [DOMAIN, dkimTags(m.raw.toString('latin1')).get('s'), 'pass'],
      ]);
      expect(opendkim, opendkim.output).toEqual({ code: 0, output: '' });
    }

    const tampered = tamperBody(received[0]!.raw);
    expect(tampered.equals(received[0]!.raw)).toBe(false);
    const bad = await verifyBoth(tampered);
    // mailauth answers neutral for a body hash that does not match (RFC 6376 §6.3 leaves the word to the verifier).
    expect(bad.mailauth.map((r) => [r.status.result, r.status.comment])).toEqual([['neutral', 'body hash did not verify']]);
    expect(bad.opendkim.code).not.toBe(0);
    expect(bad.opendkim.output).toMatch(/Bad signature/i);
  }, 60_000);

  it('[DEL-02] the report counts every recipient as accepted', async () => {
    const report = await call('GET', `/api/v1/campaigns/${campaignId}/report`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({
      status: 'sent',
      audience: READERS.length,
      accepted: READERS.length,
      refusedTotal: 0,
      bounced: { hard: 0, soft: 0 },
    });
  });
});
