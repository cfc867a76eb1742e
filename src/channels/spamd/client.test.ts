// The SPAMC/1.5 client against a real spamd (Debian spamassassin), and its failure classes
// against a closed port, a silent server and a server that answers garbage.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GTUBE, spamdAvailable, startSpamd, type RunningSpamd } from '../../../test/helpers/spamd.ts';
import { freePort } from '../../../test/helpers/smtp-sink.ts';
import { createSpamdClient, parseSpamdUrl, parseSymbolsResponse, SPAMD_MAX_MESSAGE_BYTES } from './client.ts';
import { composeReviewMessage, createSpamAssassinSecondOpinion } from './second-opinion.ts';

const plainMessage = (body: string) =>
  [
    'From: Ana Pop <ana@example.com>',
    'To: Radu <radu@example.org>',
    'Subject: Notes from Tuesday',
    'Date: Thu, 03 Dec 2026 09:00:00 +0000',
    'Message-ID: <notes-1@example.com>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');

/** A TCP server on loopback that does `onConnection` with each socket; closed with the suite. */
async function fakeServer(onConnection: (s: Socket) => void): Promise<{ port: number; server: Server }> {
  const server = createServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

describe('spamd client: parsing and failure classes (no spamd needed)', () => {
  it('parses spamd:// and tcp:// URLs, default port 783', () => {
    expect(parseSpamdUrl('spamd://127.0.0.1:7830')).toEqual({ host: '127.0.0.1', port: 7830 });
    expect(parseSpamdUrl('tcp://spam.internal')).toEqual({ host: 'spam.internal', port: 783 });
    expect(parseSpamdUrl('tcp://[::1]:783')).toEqual({ host: '::1', port: 783 });
    expect(() => parseSpamdUrl('http://x:1')).toThrow(/spamd:\/\/ or tcp:\/\//);
    expect(() => parseSpamdUrl('nonsense')).toThrow(/not a URL/);
  });

  it('parses a SYMBOLS answer; refuses a non-zero status or a missing Spam header', () => {
    const ok = parseSymbolsResponse(
      Buffer.from('SPAMD/1.1 0 EX_OK\r\nContent-length: 17\r\nSpam: True ; 1003.7 / 5.0\r\n\r\nGTUBE,MISSING_MID'),
    );
    expect(ok).toEqual({ ok: true, spam: true, score: 1003.7, threshold: 5, rules: ['GTUBE', 'MISSING_MID'] });
    expect(parseSymbolsResponse(Buffer.from('SPAMD/1.1 0 EX_OK\r\nSpam: False ; -0.1 / 5.0\r\n\r\n'))).toEqual({
      ok: true,
      spam: false,
      score: -0.1,
      threshold: 5,
      rules: [],
    });
    expect(parseSymbolsResponse(Buffer.from('SPAMD/1.0 76 Bad header line: x\r\n'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/76 Bad header/),
    });
    expect(parseSymbolsResponse(Buffer.from('SPAMD/1.1 0 EX_OK\r\n\r\n'))).toMatchObject({ ok: false });
    expect(parseSymbolsResponse(Buffer.from('HTTP/1.1 200 OK\r\n\r\n'))).toMatchObject({ ok: false });
  });

  it('a closed port is unavailable (unreachable), not a throw', async () => {
    const port = await freePort();
    const result = await createSpamdClient({ host: '127.0.0.1', port }).check(plainMessage('hello'));
    expect(result).toMatchObject({ status: 'unavailable', reason: 'unreachable' });
    const second = await createSpamAssassinSecondOpinion({ url: `spamd://127.0.0.1:${port}` }).check({
      subject: 'Hello',
      preheader: '',
      html: '<p>Hello</p>',
      text: 'Hello',
    });
    expect(second).toMatchObject({ status: 'unavailable', reason: 'unreachable' });
  });

  it('a server that never answers is unavailable (timeout) after the timeout', async () => {
    const sockets: Socket[] = [];
    const { port, server } = await fakeServer((s) => {
      sockets.push(s);
      s.on('error', () => {});
    });
    try {
      const started = Date.now();
      const result = await createSpamdClient({ host: '127.0.0.1', port, timeoutMs: 300 }).check(plainMessage('hi'));
      expect(result).toMatchObject({ status: 'unavailable', reason: 'timeout' });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  it('a server that answers garbage is unavailable (protocol-error)', async () => {
    const { port, server } = await fakeServer((s) => {
      s.on('error', () => {});
      s.on('data', () => {});
      s.end('220 smtp.example ESMTP ready\r\n');
    });
    try {
      const result = await createSpamdClient({ host: '127.0.0.1', port }).check(plainMessage('hi'));
      expect(result).toMatchObject({ status: 'unavailable', reason: 'protocol-error' });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe.skipIf(!spamdAvailable())('spamd client against the real spamd', () => {
  let spamd: RunningSpamd;
  beforeAll(async () => {
    spamd = await startSpamd();
  });
  afterAll(async () => {
    await spamd?.close();
  });
  const client = () => createSpamdClient({ host: '127.0.0.1', port: spamd.port });

  it('answers PING', async () => {
    expect(await client().ping()).toBe(true);
  });

  it('a GTUBE message scores at least 1000 with rule GTUBE', async () => {
    const result = await client().check(plainMessage(`Hello,\r\n${GTUBE}\r\n`));
    expect(result.status).toBe('checked');
    if (result.status !== 'checked') return;
    expect(result.spam).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(1000);
    expect(result.threshold).toBe(5);
    expect(result.rules).toContain('GTUBE');
  });

  it('a plain message scores low and is not spam', async () => {
    const result = await client().check(
      plainMessage(
        'Hi Radu,\r\n\r\nThe notes from Tuesday are attached to the shared folder.\r\nSee you on Friday.\r\n\r\nAna\r\n',
      ),
    );
    expect(result).toMatchObject({ status: 'checked', spam: false });
    if (result.status === 'checked') {
      expect(result.score).toBeLessThan(3);
      expect(result.rules).not.toContain('GTUBE');
    }
  });

  it('a message over the size cap is skipped with a reason, never sent truncated', async () => {
    const big = plainMessage(`${GTUBE}\r\n${'x'.repeat(SPAMD_MAX_MESSAGE_BYTES)}`);
    const result = await client().check(big);
    expect(result).toMatchObject({ status: 'unavailable', reason: 'too-large' });
    if (result.status === 'unavailable') expect(result.detail).toMatch(/over the 512000-byte cap/);
  });

  it('the adapter composes a full MIME message (Date, Message-ID, both parts) and reports the rules', async () => {
    const raw = (await composeReviewMessage({ subject: 'Hello', preheader: '', html: '<p>Hi</p>', text: 'Hi' })).toString();
    expect(raw).toMatch(/^Date: /m);
    expect(raw).toMatch(/^Message-ID: </m);
    expect(raw).toMatch(/multipart\/alternative/);
    const opinion = createSpamAssassinSecondOpinion({ url: spamd.url });
    const gtube = await opinion.check({ subject: 'Offer', preheader: '', html: `<p>${GTUBE}</p>`, text: GTUBE });
    expect(gtube).toMatchObject({ engine: 'spamassassin', engineThreshold: 5 });
    if ('engine' in gtube) {
      expect(gtube.score).toBeGreaterThanOrEqual(1000);
      expect(gtube.rules).toContain('GTUBE');
    }
  });
});
