// The HTTP gateway adapters against a loopback HTTP stub (node:http) at the network edge: the
// generic JSON shape and Twilio's Messages API, their outcome classes, and their webhooks' signatures.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { silentLogger } from '../../../core/ports.ts';
import type { InboundSms, SmsMessage, SmsReceipt } from '../../../core/sms/ports.ts';
import { createGenericHttpProvider } from './generic.ts';
import {
  genericSignature,
  MAX_WEBHOOK_BODY_BYTES,
  twilioSignature,
  verifyGenericSignature,
  verifyTwilioSignature,
} from './signatures.ts';
import { createTwilioProvider } from './twilio.ts';

const NOW = new Date('2026-11-22T14:49:51.000Z');
const clock = { now: () => NOW };

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A gateway stub on 127.0.0.1 answering each request with `reply`; records what it got. */
async function stub(reply: (seen: Seen, res: ServerResponse) => void): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      reply(s, res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  if (!a || typeof a === 'string') throw new Error('no port');
  return { base: `http://127.0.0.1:${a.port}`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const msg: SmsMessage = { id: 'd-42', from: 'Assent', to: '+40722123456', text: 'Reducere 20% azi', encoding: 'gsm7' };

function expectAppError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('generic JSON gateway', () => {
  const generic = (url: string, timeoutMs?: number) =>
    createGenericHttpProvider({
      config: { url, token: 'tok-1', webhookSecret: 'whsec-1', timeoutMs },
      clock,
      logger: silentLogger,
    });

  it('[SMS-04] posts {from,to,text,reference} with the bearer token and takes the id', async () => {
    const { base, seen } = await stub((_s, res) => json(res, 200, { id: 'gw-9' }));
    const out = await generic(`${base}/sms`).submit(msg);
    expect(out).toEqual({ outcome: 'accepted', providerMessageIds: ['gw-9'], segments: 1 });
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/sms');
    expect(seen[0]!.headers.authorization).toBe('Bearer tok-1');
    expect(JSON.parse(seen[0]!.body)).toEqual({
      from: 'Assent',
      to: '+40722123456',
      text: 'Reducere 20% azi',
      reference: 'd-42',
    });
  });

  it('classifies answers: 4xx rejected (with the gateway code), 429/503/401 unavailable, 500 and no id unknown', async () => {
    const replies: [number, unknown][] = [
      [422, { code: 'number_invalid' }],
      [400, {}],
      [408, {}],
      [429, {}],
      [503, {}],
      [401, {}],
      [500, {}],
      [200, {}],
    ];
    let i = 0;
    const { base } = await stub((_s, res) => {
      const [status, body] = replies[i++]!;
      json(res, status, body);
    });
    const p = generic(base);
    const outs = [];
    for (let k = 0; k < replies.length; k++) outs.push(await p.submit(msg));
    expect(outs).toEqual([
      { outcome: 'rejected', code: 'number_invalid', permanent: true },
      { outcome: 'rejected', code: 'http-400', permanent: true },
      { outcome: 'rejected', code: 'http-408', permanent: false },
      { outcome: 'unavailable', reason: 'HTTP 429' },
      { outcome: 'unavailable', reason: 'HTTP 503' },
      { outcome: 'unavailable', reason: 'HTTP 401' },
      { outcome: 'unknown', reason: 'HTTP 500' },
      { outcome: 'unknown', reason: 'HTTP 200 without an id' },
    ]);
  });

  it('a refused connection is unavailable (never reached); a gateway that never answers is unknown', async () => {
    const { base } = await stub(() => {
      /* never answers */
    });
    const closed = await stub(() => {});
    const closedBase = closed.base;
    const s = servers.pop()!;
    await new Promise((r) => s.close(r));
    expect(await generic(closedBase).submit(msg)).toMatchObject({
      outcome: 'unavailable',
      reason: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(await generic(base, 200).submit(msg)).toEqual({ outcome: 'unknown', reason: 'no answer within 200 ms' });
  });

  it('[SMS-04] takes signed status and inbound webhooks, and refuses a bad, stale or oversized one', () => {
    const p = generic('http://127.0.0.1:1/sms');
    const receipts: SmsReceipt[] = [];
    const inbound: InboundSms[] = [];
    p.onReceipt((r) => receipts.push(r));
    p.onInbound((m) => inbound.push(m));
    const ts = String(NOW.getTime() / 1000);
    const signed = (rawBody: string, timestamp = ts, secret = 'whsec-1') => ({
      url: 'https://assent.example/webhooks/sms/status',
      headers: { 'x-signature': `sha256=${genericSignature(secret, timestamp, rawBody)}`, 'x-signature-timestamp': timestamp },
      rawBody,
    });
    expect(p.receiveStatus(signed('{"id":"gw-9","status":"delivered"}'))).toEqual({ receipts: 1 });
    expect(p.receiveStatus(signed('{"id":"gw-9","status":"sent"}'))).toEqual({ receipts: 0 });
    expect(p.receiveInbound(signed('{"from":"+40722123456","to":"1878","text":"STOP"}'))).toEqual({ messages: 1 });
    expect(receipts).toEqual([{ provider: p.name, providerMessageId: 'gw-9', status: 'delivered', at: NOW.toISOString() }]);
    expect(inbound).toEqual([{ provider: p.name, from: '+40722123456', to: '1878', text: 'STOP', at: NOW.toISOString() }]);

    const tampered = signed('{"id":"gw-9","status":"delivered"}');
    tampered.rawBody = '{"id":"gw-9","status":"failed"}';
    expectAppError(() => p.receiveStatus(tampered), 'WEBHOOK_SIGNATURE_INVALID');
    expectAppError(
      () => p.receiveStatus(signed('{"id":"x","status":"failed"}', ts, 'other-secret')),
      'WEBHOOK_SIGNATURE_INVALID',
    );
    expectAppError(() => p.receiveStatus({ ...signed('{}'), headers: {} }), 'WEBHOOK_SIGNATURE_INVALID');
    expectAppError(() => p.receiveStatus(signed('{"id":"x","status":"failed"}', String(Number(ts) - 3600))), 'WEBHOOK_STALE');
    expectAppError(() => p.receiveStatus(signed('x'.repeat(MAX_WEBHOOK_BODY_BYTES + 1))), 'WEBHOOK_PAYLOAD_INVALID');
    expectAppError(() => p.receiveInbound(signed('{"from":"+40722123456"}')), 'WEBHOOK_PAYLOAD_INVALID');
    expect(receipts).toHaveLength(1);
    expect(inbound).toHaveLength(1);
  });

  it('verifyGenericSignature names why it refuses', () => {
    const base = { secret: 's', rawBody: 'b', now: NOW };
    const t = String(NOW.getTime() / 1000);
    expect(verifyGenericSignature({ ...base, timestamp: t, signature: genericSignature('s', t, 'b') })).toBe('ok');
    expect(verifyGenericSignature({ ...base, timestamp: t, signature: undefined })).toBe('missing');
    expect(verifyGenericSignature({ ...base, timestamp: 'abc', signature: 'x' })).toBe('stale');
    expect(verifyGenericSignature({ ...base, timestamp: t, signature: genericSignature('s', t, 'c') })).toBe('mismatch');
  });
});

describe("Twilio's Messages API", () => {
  const twilio = (base: string) =>
    createTwilioProvider({
      config: {
        accountSid: 'AC0123456789abcdef0123456789abcdef',
        authToken: 'token-xyz',
        statusCallbackUrl: 'https://assent.example/webhooks/twilio/status',
        baseUrl: base,
      },
      clock,
      logger: silentLogger,
    });

  it('[SMS-04] posts the form with Basic auth and a StatusCallback, and takes the sid and segment count', async () => {
    const { base, seen } = await stub((_s, res) => json(res, 201, { sid: 'SM1', status: 'queued', num_segments: '2' }));
    const out = await twilio(base).submit({ ...msg, from: '+15005550006' });
    expect(out).toEqual({ outcome: 'accepted', providerMessageIds: ['SM1'], segments: 2 });
    const s = seen[0]!;
    expect(s.url).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
    expect(s.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Buffer.from(String(s.headers.authorization).replace('Basic ', ''), 'base64').toString()).toBe(
      'AC0123456789abcdef0123456789abcdef:token-xyz',
    );
    expect(Object.fromEntries(new URLSearchParams(s.body))).toEqual({
      To: '+40722123456',
      From: '+15005550006',
      Body: 'Reducere 20% azi',
      StatusCallback: 'https://assent.example/webhooks/twilio/status',
    });
  });

  it('classifies Twilio errors: invalid number permanent, rate limit transient, bad credentials unavailable', async () => {
    const replies: [number, unknown][] = [
      [400, { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 }],
      [400, { code: 14107, message: 'Rate limit', status: 400 }],
      [401, { code: 20003, message: 'Authenticate', status: 401 }],
    ];
    let i = 0;
    const { base } = await stub((_s, res) => json(res, ...replies[i++]!));
    const p = twilio(base);
    expect(await p.submit(msg)).toEqual({
      outcome: 'rejected',
      code: 'twilio-21211',
      permanent: true,
      detail: "The 'To' number is not a valid phone number.",
    });
    expect(await p.submit(msg)).toMatchObject({ outcome: 'rejected', code: 'twilio-14107', permanent: false });
    expect(await p.submit(msg)).toEqual({ outcome: 'unavailable', reason: 'HTTP 401 (Twilio 20003)' });
  });

  it("computes X-Twilio-Signature as Twilio's documentation shows it", () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(verifyTwilioSignature('12345', url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
    expect(verifyTwilioSignature('12345', url, { ...params, Digits: '9999' }, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
    expect(verifyTwilioSignature('12345', url, params, undefined)).toBe(false);
  });

  it('[SMS-04] takes signed status callbacks and inbound STOP; refuses a bad signature and reports nothing', () => {
    const p = twilio('http://127.0.0.1:1');
    const receipts: SmsReceipt[] = [];
    const inbound: InboundSms[] = [];
    p.onReceipt((r) => receipts.push(r));
    p.onInbound((m) => inbound.push(m));
    const url = 'https://assent.example/webhooks/twilio/status';
    const post = (fields: Record<string, string>, token = 'token-xyz') => ({
      url,
      headers: { 'x-twilio-signature': twilioSignature(token, url, fields) },
      rawBody: new URLSearchParams(fields).toString(),
    });
    expect(p.receiveStatus(post({ MessageSid: 'SM1', MessageStatus: 'sent' }))).toEqual({ receipts: 0 });
    expect(p.receiveStatus(post({ MessageSid: 'SM1', MessageStatus: 'delivered' }))).toEqual({ receipts: 1 });
    p.receiveStatus(post({ MessageSid: 'SM2', MessageStatus: 'undelivered', ErrorCode: '30003' }));
    p.receiveStatus(post({ MessageSid: 'SM3', MessageStatus: 'undelivered', ErrorCode: '30036' }));
    p.receiveStatus(post({ MessageSid: 'SM4', MessageStatus: 'failed', ErrorCode: '30007' }));
    expect(receipts.map((r) => [r.providerMessageId, r.status, r.errorCode])).toEqual([
      ['SM1', 'delivered', undefined],
      ['SM2', 'failed', '30003'],
      ['SM3', 'expired', '30036'],
      ['SM4', 'failed', '30007'],
    ]);
    p.receiveInbound(post({ MessageSid: 'SM9', From: '+40722123456', To: '+40312345678', Body: 'Stop' }));
    expect(inbound).toEqual([
      { provider: 'twilio', from: '+40722123456', to: '+40312345678', text: 'Stop', at: NOW.toISOString() },
    ]);

    expectAppError(
      () => p.receiveStatus(post({ MessageSid: 'SM5', MessageStatus: 'delivered' }, 'wrong-token')),
      'WEBHOOK_SIGNATURE_INVALID',
    );
    const forged = post({ MessageSid: 'SM6', MessageStatus: 'delivered' });
    forged.url = 'https://evil.example/webhooks/twilio/status';
    expectAppError(() => p.receiveStatus(forged), 'WEBHOOK_SIGNATURE_INVALID');
    expectAppError(
      () => p.receiveInbound({ url, headers: {}, rawBody: 'From=%2B1&To=%2B2&Body=STOP' }),
      'WEBHOOK_SIGNATURE_INVALID',
    );
    expect(receipts).toHaveLength(4);
    expect(inbound).toHaveLength(1);
  });
});
