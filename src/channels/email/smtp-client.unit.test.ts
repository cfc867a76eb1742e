// The lean SMTP client (smtp-client.ts) against small scripted servers on 127.0.0.1: dot-stuffing,
// reply parsing, pipelined refusals and dropped connections.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedSink, type ScriptedSink } from '../../../test/helpers/smtp-sink.ts';
import { createRelayPool } from './relay-pool.ts';
import { createReplyParser, createSmtpClient, dotStuffed, type SmtpReply } from './smtp-client.ts';

const stuffed = (s: string) => Buffer.concat(dotStuffed(Buffer.from(s, 'latin1'))).toString('latin1');

describe('dot-stuffing', () => {
  it('doubles a dot that starts a body line and ends the data with CRLF . CRLF', () => {
    expect(stuffed('Subject: x\r\n\r\n.hidden\r\nok\r\n')).toBe('Subject: x\r\n\r\n..hidden\r\nok\r\n.\r\n');
    expect(stuffed('a\r\n.\r\n.b\r\n')).toBe('a\r\n..\r\n..b\r\n.\r\n');
  });
  it('adds the CRLF before the final dot when the message does not end with one', () => {
    expect(stuffed('Subject: x\r\n\r\nno line end')).toBe('Subject: x\r\n\r\nno line end\r\n.\r\n');
    expect(stuffed('x\r\n.')).toBe('x\r\n..\r\n.\r\n');
    expect(stuffed('')).toBe('.\r\n');
  });
  it('doubles a dot at the very start of the message', () => {
    expect(stuffed('.x: y\r\n\r\nhi\r\n')).toBe('..x: y\r\n\r\nhi\r\n.\r\n');
  });
  it('copies nothing: a message without a leading dot is written as the same Buffer', () => {
    const raw = Buffer.from('Subject: x\r\n\r\nhi\r\n');
    const chunks = dotStuffed(raw);
    expect(chunks[0]).toBe(raw);
    expect(chunks).toHaveLength(2);
    const withDot = Buffer.from('a\r\n.b\r\n');
    expect(dotStuffed(withDot)[0]!.buffer).toBe(withDot.buffer);
  });
});

describe('reply parsing', () => {
  it('joins a multi-line reply, reads the enhanced code, and handles replies split across chunks', () => {
    const got: SmtpReply[] = [];
    const feed = createReplyParser((r) => got.push(r));
    feed('250-relay.test Hello\r\n250-PIPE');
    feed('LINING\r\n250 8BITMIME\r\n550 5.1.1 <a@b.test>: unknown\r\n22');
    feed('0\r\n');
    expect(got).toEqual([
      { code: 250, enhanced: null, text: '250-relay.test Hello\n250-PIPELINING\n250 8BITMIME' },
      { code: 550, enhanced: '5.1.1', text: '550 5.1.1 <a@b.test>: unknown' },
      { code: 220, enhanced: null, text: '220' },
    ]);
  });
  it('turns a line that is not a reply into one without a code', () => {
    const got: SmtpReply[] = [];
    createReplyParser((r) => got.push(r))('hello? this is not SMTP\r\n');
    expect(got).toEqual([{ code: null, enhanced: null, text: 'unexpected reply: hello? this is not SMTP' }]);
  });
});

/** A scripted server: `answer` gets each command line and returns the reply (or what to do). */
interface Scripted {
  url: string;
  lines: string[];
  close(): Promise<void>;
}
const servers: Server[] = [];
const sinks: ScriptedSink[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  for (const s of sinks.splice(0)) await s.close();
});

async function scripted(
  answer: (line: string, socket: Socket) => string | 'close' | null,
  options: { ehlo?: string } = {},
): Promise<Scripted> {
  const lines: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = '';
    let inData = false;
    socket.write('220 scripted.test ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buf += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          lines.push(`<body ${end + 2} bytes>`);
          buf = buf.slice(end + 5);
          inData = false;
          const r = answer('.', socket);
          if (r === 'close') return void socket.destroy();
          if (r) socket.write(`${r}\r\n`);
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        lines.push(line);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          socket.write(options.ehlo ?? '250-scripted.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n');
          continue;
        }
        if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        }
        const r = answer(line, socket);
        if (r === 'close') return void socket.destroy();
        if (r === '354 go') inData = true;
        if (r) socket.write(`${r}\r\n`);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lines,
    close: async () => {
      for (const s of sockets) s.destroy();
    },
  };
}

const raw = Buffer.from('Subject: x\r\n\r\nhello\r\n');

describe('transactions', () => {
  it('[DEL-02] a pipelined RCPT refused with 550 comes back rejected with that reply; the body is never sent', async () => {
    const s = await scripted((line) => {
      if (line.startsWith('MAIL')) return '250 2.1.0 Ok';
      if (line.startsWith('RCPT')) return '550 5.1.1 <gone@example.com>: Recipient address rejected';
      if (line === 'DATA') return '554 5.5.1 No valid recipients';
      if (line === 'RSET') return '250 2.0.0 Ok';
      return '502 no';
    });
    const pool = createRelayPool({ relays: [s.url], maxConnections: 1 });
    const [r] = await pool.send([
      { envelopeFrom: 'b@bounce.test', to: 'gone@example.com', raw, contactId: 'c1', messageId: '<m>' },
    ]);
    expect(r).toEqual({
      contactId: 'c1',
      outcome: 'rejected',
      reply: '550 5.1.1 <gone@example.com>: Recipient address rejected',
      code: 550,
      relay: expect.stringContaining('127.0.0.1'),
    });
    await pool.close();
    // MAIL, RCPT and DATA went together; the refusal was followed by RSET, no body.
    expect(s.lines.slice(1)).toEqual(['MAIL FROM:<b@bounce.test>', 'RCPT TO:<gone@example.com>', 'DATA', 'RSET', 'QUIT']);
  });

  it('without PIPELINING, sends one command at a time and stops at the refused RCPT', async () => {
    const s = await scripted(
      (line) => {
        if (line.startsWith('MAIL')) return '250 Ok';
        if (line.startsWith('RCPT')) return '550 5.1.1 unknown';
        if (line === 'RSET') return '250 Ok';
        return '502 no';
      },
      { ehlo: '250 scripted.test\r\n' },
    );
    const client = createSmtpClient({ url: s.url });
    expect(await client.send('b@bounce.test', 'x@example.com', raw)).toEqual({
      accepted: false,
      code: 550,
      reply: '550 5.1.1 unknown',
    });
    await client.close();
    expect(s.lines.slice(1)).toEqual(['MAIL FROM:<b@bounce.test>', 'RCPT TO:<x@example.com>', 'RSET', 'QUIT']);
  });

  it('[DEL-02] a relay that closes the connection after RCPT: deferred, no code, never accepted', async () => {
    const s = await scripted((line) => {
      if (line.startsWith('MAIL')) return '250 Ok';
      if (line.startsWith('RCPT')) return 'close';
      return '502 no';
    });
    const pool = createRelayPool({ relays: [s.url], maxConnections: 1, failuresToDown: 100 });
    const [r] = await pool.send([{ envelopeFrom: 'b@bounce.test', to: 'x@example.com', raw, contactId: 'c1', messageId: '<m>' }]);
    expect(r).toMatchObject({ outcome: 'deferred', code: null });
    await pool.close();
  });

  it('accepts only on 250 after the body, keeps the multi-line reply, and reuses the connection up to its message count', async () => {
    let connections = 0;
    const s = await scripted((line, socket) => {
      if (line.startsWith('MAIL')) {
        if (!(socket as Socket & { seen?: boolean }).seen) connections++;
        (socket as Socket & { seen?: boolean }).seen = true;
        return '250 Ok';
      }
      if (line.startsWith('RCPT')) return '250 Ok';
      if (line === 'DATA') return '354 go';
      if (line === '.') return '250-2.0.0 Ok\r\n250 2.0.0 queued as ABC123';
      return '502 no';
    });
    const client = createSmtpClient({ url: s.url, maxConnections: 1, maxMessagesPerConnection: 2 });
    const results = await Promise.all([1, 2, 3].map((i) => client.send('b@bounce.test', `u${i}@example.com`, raw)));
    expect(results).toEqual(
      [1, 2, 3].map(() => ({ accepted: true, code: 250, reply: '250-2.0.0 Ok\n250 2.0.0 queued as ABC123' })),
    );
    await client.close();
    expect(connections).toBe(2);
    expect(s.lines.filter((l) => l === 'QUIT')).toHaveLength(2);
  });

  it('a 451 at the end of DATA is deferred with its code; the session is RSET and used again', async () => {
    let n = 0;
    const s = await scripted((line) => {
      if (line.startsWith('MAIL') || line.startsWith('RCPT') || line === 'RSET') return '250 Ok';
      if (line === 'DATA') return '354 go';
      if (line === '.') return n++ === 0 ? '451 4.3.0 Try again later' : '250 2.0.0 Ok: queued as Q1';
      return '502 no';
    });
    const client = createSmtpClient({ url: s.url, maxConnections: 1 });
    expect(await client.send('b@bounce.test', 'a@example.com', raw)).toEqual({
      accepted: false,
      code: 451,
      reply: '451 4.3.0 Try again later',
    });
    expect(await client.send('b@bounce.test', 'a@example.com', raw)).toMatchObject({ accepted: true, code: 250 });
    await client.close();
    expect(s.lines.filter((l) => l.startsWith('EHLO'))).toHaveLength(1);
  });

  it('a relay that never answers the end of DATA: deferred after the timeout', async () => {
    const s = await scripted((line) => {
      if (line.startsWith('MAIL') || line.startsWith('RCPT')) return '250 Ok';
      if (line === 'DATA') return '354 go';
      return null;
    });
    const client = createSmtpClient({ url: s.url, socketTimeoutMs: 100 });
    expect(await client.send('b@bounce.test', 'a@example.com', raw)).toMatchObject({
      accepted: false,
      code: null,
      reply: expect.stringContaining('timeout'),
    });
    await client.close();
  });

  it('a refused connection or greeting is a relay failure (no code), not a rejection', async () => {
    const s = await scripted(() => null);
    await s.close();
    const srv = servers.pop()!;
    await new Promise((r) => srv.close(r));
    const client = createSmtpClient({ url: s.url, connectionTimeoutMs: 500 });
    expect(await client.send('b@bounce.test', 'a@example.com', raw)).toMatchObject({ accepted: false, code: null });
    await client.close();
  });

  it('writes the stuffed body: the scripted sink counts a message whose lines start with dots', async () => {
    const sink = await startScriptedSink();
    sinks.push(sink);
    const client = createSmtpClient({ url: sink.url });
    const r = await client.send('b@bounce.test', 'dots@example.com', Buffer.from('.x: y\r\n\r\n.\r\n..\r\nend'));
    expect(r).toMatchObject({ accepted: true, code: 250, reply: expect.stringMatching(/^250 2\.0\.0 Ok: queued as Q/) });
    await client.close();
    expect(sink.counts.get('dots@example.com')).toBe(1);
  });
});

describe('TLS and AUTH (smtp-server)', () => {
  async function authServer(secure: boolean, methods: string[]) {
    const got: { user: string; method: string; secure: boolean; data: string }[] = [];
    const { SMTPServer } = await import('smtp-server');
    const server = new SMTPServer({
      secure,
      authMethods: methods,
      logger: false,
      onAuth(auth, session, cb) {
        if (auth.username === 'relay user' && auth.password === 'p@ss:word')
          return cb(null, { user: `${auth.method}:${session.secure}` });
        cb(new Error('Invalid username or password'));
      },
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('latin1')));
        stream.on('end', () => {
          const [method = '', sec = ''] = String(session.user).split(':');
          got.push({ user: String(session.user), method, secure: sec === 'true', data });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as AddressInfo).port;
    return { got, port, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it('upgrades with STARTTLS when the URL has credentials, then AUTH PLAIN', async () => {
    const s = await authServer(false, ['PLAIN', 'LOGIN']);
    const client = createSmtpClient({ url: `smtp://relay%20user:p%40ss%3Aword@127.0.0.1:${s.port}` });
    expect(await client.send('b@bounce.test', 'a@example.com', raw)).toMatchObject({ accepted: true, code: 250 });
    await client.close();
    await s.close();
    expect(s.got).toMatchObject([{ method: 'PLAIN', secure: true, data: 'Subject: x\r\n\r\nhello\r\n' }]);
  });

  it('smtps:// connects with TLS and falls back to AUTH LOGIN; wrong credentials are a relay failure', async () => {
    const s = await authServer(true, ['LOGIN']);
    const client = createSmtpClient({ url: `smtps://relay%20user:p%40ss%3Aword@127.0.0.1:${s.port}` });
    expect(await client.send('b@bounce.test', 'a@example.com', raw)).toMatchObject({ accepted: true, code: 250 });
    await client.close();
    const bad = createSmtpClient({ url: `smtps://relay%20user:nope@127.0.0.1:${s.port}` });
    expect(await bad.send('b@bounce.test', 'a@example.com', raw)).toMatchObject({
      accepted: false,
      code: null,
      reply: expect.stringContaining('AUTH LOGIN: 535'),
    });
    await bad.close();
    await s.close();
    expect(s.got).toMatchObject([{ method: 'LOGIN', secure: true }]);
  });

  it('starttls=required refuses a relay that does not offer it', async () => {
    const s = await scripted(() => '250 Ok');
    const client = createSmtpClient({ url: `${s.url}?starttls=required` });
    expect(await client.send('b@bounce.test', 'a@example.com', raw)).toMatchObject({
      accepted: false,
      code: null,
      reply: expect.stringContaining('STARTTLS'),
    });
    await client.close();
  });
});

describe('envelope', () => {
  it('never writes an address that would split the command line; falls back to HELO for a server without EHLO', async () => {
    const s = await scripted(
      (line) => {
        if (line.startsWith('HELO') || line.startsWith('MAIL') || line.startsWith('RCPT') || line === 'RSET') return '250 Ok';
        if (line === 'DATA') return '354 go';
        if (line === '.') return '250 Ok queued';
        return '502 no';
      },
      { ehlo: '502 5.5.2 Error: command not recognized\r\n' },
    );
    const client = createSmtpClient({ url: s.url });
    expect(await client.send('b@bounce.test', 'a@example.com>\r\nRCPT TO:<evil@example.com', raw)).toMatchObject({
      accepted: false,
      code: 553,
      reply: expect.stringContaining('checked before sending'),
    });
    expect(await client.send('', 'a@example.com', raw)).toMatchObject({ accepted: true, code: 250 });
    await client.close();
    expect(s.lines.some((l) => l.includes('evil'))).toBe(false);
    expect(s.lines).toContain('MAIL FROM:<>');
    expect(s.lines.filter((l) => l.startsWith('HELO'))).toHaveLength(1);
  });
});
