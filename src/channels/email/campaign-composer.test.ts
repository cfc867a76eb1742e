import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import type { Campaign } from '../../core/campaigns/types.ts';
import { compileStats } from '../../core/templates/compile.ts';
import { readVerp } from '../../core/tokens/verp.ts';
import { readLinkToken } from '../../core/unsubscribe/links.ts';
import { createCampaignComposer } from './campaign-composer.ts';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const keys = {
  domain: 'shop.example',
  rsa: { selector: 'a1', privateKeyPem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string },
  ed25519: { selector: 'e1', privateKeyPem: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string },
};
const txt: Record<string, string> = {
  'a1._domainkey.shop.example': `v=DKIM1; k=rsa; p=${rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`,
  'e1._domainkey.shop.example': `v=DKIM1; k=ed25519; p=${ed.publicKey.export({ type: 'spki', format: 'der' }).subarray(12).toString('base64')}`,
};
const resolver = async (name: string, type: string) => {
  if (type === 'TXT' && txt[name]) return [[txt[name]]];
  const e = new Error('not found') as Error & { code: string };
  e.code = 'ENOTFOUND';
  throw e;
};

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: '0190b7a0-1111-7000-8000-000000000001',
  accountId: '0190b7a0-3333-7000-8000-000000000001',
  listId: '0190b7a0-4444-7000-8000-000000000001',
  segmentId: null,
  name: 'c',
  status: 'sending',
  subject: 'Bună {{ contact.first_name | default: "prieten" }}',
  preheader: 'pre',
  fromName: 'Magazin Ăă',
  fromEmail: 'news@shop.example',
  replyTo: 'help@shop.example',
  format: 'mjml',
  body: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ contact.first_name }} <a href="https://shop.example/sale?a=1&amp;b=2">sale</a></mj-text></mj-column></mj-section></mj-body></mjml>',
  clickTracking: true,
  version: 1,
  verdict: null,
  scheduledAt: null,
  timeZone: null,
  pauseReason: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...over,
});
const sender = {
  accountId: campaign().accountId,
  accountName: 'Shop SRL',
  postalAddress: 'Str. Lungă 1, Cluj',
  listId: campaign().listId,
};
const now = new Date('2026-12-02T10:00:00Z');
const recipients = [0, 1, 2].map((i) => ({
  contactId: `0190b7a0-2222-7000-8000-00000000000${i}`,
  email: `r${i}@example.org`,
  language: null,
  attributes: i === 0 ? {} : { first_name: `Ana${i}` },
}));
const composer = createCampaignComposer({ secret: SECRET, publicUrl: 'https://assent.test', bounceDomain: 'bounce.assent.test' });

function headerOf(raw: string, name: string): string {
  const m = new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw);
  return m ? m[1]!.replace(/\r\n[ \t]/g, ' ') : '';
}
function decodedParts(raw: string): string {
  return [...raw.matchAll(/Content-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8'))
    .join('\n');
}

describe('campaign composer', () => {
  it('[DEL-04] compiles the MJML once per prepare, not per recipient', async () => {
    const before = compileStats.mjml;
    const p = await composer.prepare({ campaign: campaign(), sender, keys });
    await composer.compose(p, recipients, now);
    await composer.compose(p, recipients, now);
    expect(compileStats.mjml - before).toBe(1);
  });

  it('[MSG-01, MSG-05] List-Unsubscribe + Post point at a working signed token; DKIM rsa and ed25519 verify with the headers in h=', async () => {
    const p = await composer.prepare({ campaign: campaign(), sender, keys });
    const msgs = await composer.compose(p, recipients, now);
    expect(new Set(msgs.map((m) => m.messageId)).size).toBe(3);
    for (const m of msgs) {
      const raw = m.raw.toString();
      const lu = headerOf(raw, 'List-Unsubscribe');
      const url = /<(https:\/\/assent\.test\/u\/([^>]+))>/.exec(lu)!;
      expect(lu).toMatch(/<mailto:unsubscribe\+[^>]+@bounce\.assent\.test>/);
      expect(readLinkToken(SECRET, 'unsubscribe', url[2]!, now)).toMatchObject({
        contactId: m.contactId,
        campaignId: campaign().id,
      });
      expect(headerOf(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(headerOf(raw, 'Feedback-ID')).toBe(`${campaign().id}:${sender.accountId}:campaign:assent`);
      expect(readVerp(SECRET, m.envelopeFrom.split('@')[0]!)).toEqual({ campaignId: campaign().id, contactId: m.contactId });
      const res = await dkimVerify(m.raw, { resolver });
      expect(res.results).toHaveLength(2);
      for (const r of res.results) {
        expect(r.status.result).toBe('pass');
        expect(r.signingHeaders?.keys).toMatch(/list-unsubscribe: ?list-unsubscribe-post/i);
      }
    }
  });

  it('[MSG-05] an altered header fails DKIM verification', async () => {
    const p = await composer.prepare({ campaign: campaign(), sender, keys });
    const [m] = await composer.compose(p, recipients.slice(0, 1), now);
    const altered = Buffer.from(
      m!.raw
        .toString()
        .replace('List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: List-Unsubscribe=Two-Click'),
    );
    const res = await dkimVerify(altered, { resolver });
    for (const r of res.results) expect(r.status.result).toBe('fail');
  });

  it('[MSG-03] adds the footer with postal address and unsubscribe link when missing', async () => {
    const p = await composer.prepare({ campaign: campaign(), sender, keys });
    const [m] = await composer.compose(p, recipients.slice(1, 2), now);
    const body = decodedParts(m!.raw.toString());
    expect(body).toContain('Str. Lungă 1, Cluj');
    expect(body).toMatch(/href="https:\/\/assent\.test\/u\//);
    expect(body).toContain('Hi Ana1');
  });

  it('[MSG-03] does not duplicate the footer when the template has both', async () => {
    const c = campaign({
      format: 'html',
      body: '<p>Shop SRL, Str. Lungă 1, Cluj — <a href="{{ unsubscribe_url }}">leave</a></p>',
    });
    const p = await composer.prepare({ campaign: c, sender, keys });
    const [m] = await composer.compose(p, recipients.slice(1, 2), now);
    const body = decodedParts(m!.raw.toString());
    expect(body).not.toContain('data-assent-footer');
    expect(body.split('Str. Lungă 1, Cluj').length - 1).toBe(2); // once in html, once in text
  });

  it('[SEC-04] rewrites http(s) links to signed /c/ tokens and keeps the originals by index', async () => {
    const p = await composer.prepare({ campaign: campaign(), sender, keys });
    expect(p.links).toEqual(['https://shop.example/sale?a=1&b=2']);
    const [m] = await composer.compose(p, recipients.slice(0, 1), now);
    const body = decodedParts(m!.raw.toString());
    expect(body).toMatch(/href="https:\/\/assent\.test\/c\/[A-Za-z0-9_-]+"/);
    expect(body).not.toContain('https://shop.example/sale');
  });

  it('[MSG-05] the sign pool (2 worker threads) and in-thread signing both make signatures mailauth verifies', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      contactId: `0190b7a0-2222-7000-8000-${String(i).padStart(12, '0')}`,
      email: `p${i}@example.org`,
      language: null,
      attributes: { first_name: `P${i}` },
    }));
    for (const signWorkers of [2, 0]) {
      const c = createCampaignComposer({
        secret: SECRET,
        publicUrl: 'https://assent.test',
        bounceDomain: 'bounce.assent.test',
        signWorkers,
      });
      try {
        const p = await c.prepare({ campaign: campaign(), sender, keys });
        // Two batches at once, as the engine's concurrent loops do; then a second batch on the same key set.
        const [a, b] = await Promise.all([c.compose(p, many.slice(0, 100), now), c.compose(p, many.slice(100), now)]);
        const again = await c.compose(p, many.slice(0, 3), now);
        const msgs = [...a!, ...b!, ...again];
        expect(msgs.map((m) => m.contactId)).toEqual([...many, ...many.slice(0, 3)].map((r) => r.contactId));
        for (const m of msgs) {
          expect(m.raw.toString()).toContain(`To: ${many.find((r) => r.contactId === m.contactId)!.email}\r\n`);
          const res = await dkimVerify(m.raw, { resolver });
          expect(res.results.map((r) => r.status.result)).toEqual(['pass', 'pass']);
        }
      } finally {
        await c.close();
      }
    }
  });

  it('[MSG-05] after close() the composer still signs (in this thread) and the signatures verify', async () => {
    const c = createCampaignComposer({ secret: SECRET, publicUrl: 'https://assent.test', bounceDomain: 'bounce.assent.test' });
    const p = await c.prepare({ campaign: campaign(), sender, keys });
    await c.close();
    const msgs = await c.compose(p, recipients, now);
    for (const m of msgs) {
      const res = await dkimVerify(m.raw, { resolver });
      expect(res.results.map((r) => r.status.result)).toEqual(['pass', 'pass']);
    }
  });

  it('[MSG-05] a signing worker that dies does not fail the batch: it is signed in this thread and verifies', async () => {
    const c = createCampaignComposer({
      secret: SECRET,
      publicUrl: 'https://assent.test',
      bounceDomain: 'bounce.assent.test',
      signWorkers: 2,
    });
    try {
      const p = await c.prepare({ campaign: campaign(), sender, keys });
      // A key the workers cannot load: each worker throws on it and exits.
      (p as unknown as { keySet: { rsaPem: string } }).keySet.rsaPem = 'not a key';
      const msgs = await c.compose(p, recipients, now);
      expect(msgs).toHaveLength(3);
      for (const m of msgs) {
        const res = await dkimVerify(m.raw, { resolver });
        expect(res.results.map((r) => r.status.result)).toEqual(['pass', 'pass']);
      }
    } finally {
      await c.close();
    }
  });

  it('refuses header values with CR/LF', async () => {
    await expect(composer.prepare({ campaign: campaign({ subject: 'a\r\nBcc: x@y' }), sender, keys })).rejects.toMatchObject({
      code: 'HEADER_INVALID',
    });
  });
});
