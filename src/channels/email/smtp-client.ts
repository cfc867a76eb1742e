// A lean SMTP client for campaign relays (DEL-02): persistent connections to one relay, each
// carrying one mail transaction at a time, for pre-built raw messages (signed by the composer).
// Why not nodemailer's pool: it re-scans every byte of the raw message in a Transform stream to
// dot-stuff it (19% of the main thread in a send profile) and compiles a mail object per send.
// Here the raw Buffer goes to the socket as is: lines starting with '.' are found with
// Buffer.indexOf('\r\n.') (native) and the message is written as subarrays with a '.' between
// them — nothing is copied, stuffed or not.
//
// Protocol (RFC 5321, 2920, 3207, 4954): greeting, EHLO, STARTTLS (smtps:// connects with TLS;
// `?starttls=required` demands the upgrade, `?starttls` or credentials in the URL take it when
// offered), AUTH PLAIN or LOGIN when the URL has credentials, then per message MAIL FROM +
// RCPT TO + DATA in one write when PIPELINING is offered (one at a time otherwise), the body,
// `.`; RSET after a failed transaction; QUIT on close and after MAX_MESSAGES_PER_CONNECTION.
// `send` never throws: a 250 to the end of DATA is `accepted`; anything else comes back with
// the reply and its code (null when there was no SMTP answer: a timeout, a dropped connection,
// garbage, or a failure while opening the connection, which is the relay's fault, not the
// recipient's).
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

/** TCP (and TLS) connect. */
export const SMTP_CONNECT_TIMEOUT_MS = 10_000;
/** The 220 greeting after connect. */
export const SMTP_GREETING_TIMEOUT_MS = 10_000;
/** EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA (354), RSET. */
export const SMTP_COMMAND_TIMEOUT_MS = 30_000;
/** The reply to the final `.` (the relay may scan or queue the message first). */
export const SMTP_DATA_END_TIMEOUT_MS = 60_000;
/** QUIT's 221 before the socket is destroyed anyway. */
export const SMTP_QUIT_TIMEOUT_MS = 2_000;
/** Messages per connection before it is closed with QUIT and a fresh one opened. */
export const SMTP_MAX_MESSAGES_PER_CONNECTION = 1_000;
/** A reply longer than this without a line end is garbage. */
const MAX_REPLY_BYTES = 64 * 1024;

export interface SmtpClientOptions {
  /** smtp://[user:pass@]host[:port][?starttls[=required]] or smtps://… (TLS from the start). */
  url: string;
  maxConnections?: number;
  /** Messages started per second (all connections together). */
  ratePerSecond?: number;
  maxMessagesPerConnection?: number;
  /** Connect + greeting. */
  connectionTimeoutMs?: number;
  /** Each command's reply, and the end of DATA. */
  socketTimeoutMs?: number;
  /** The EHLO name (default: this host's name). */
  name?: string;
}

export interface SmtpReply {
  /** The reply code, or null when there was no SMTP answer (timeout, closed, garbage). */
  code: number | null;
  /** The enhanced status code (RFC 3463) of the last line, when there is one. */
  enhanced: string | null;
  /** The reply as received, lines joined by '\n' (or what went wrong, when code is null). */
  text: string;
}

export interface SmtpSendResult {
  /** True only for a 250 to the end of DATA. */
  accepted: boolean;
  code: number | null;
  reply: string;
}

export interface SmtpClient {
  send(envelopeFrom: string, to: string, raw: Buffer): Promise<SmtpSendResult>;
  /** QUIT on every connection; messages not started yet come back deferred. */
  close(): Promise<void>;
}

const UNSAFE_ADDRESS = /[\r\n<>\s]/;
/** Made here, not by the relay (the text says so): the message was not sent. */
const UNSAFE_ADDRESS_REPLY =
  '553 5.1.3 not sent: an envelope address is empty or holds CR, LF, <, > or a space (checked before sending)';
const REPLY_LINE = /^(\d{3})(?:([ -])(.*))?$/;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})\b/;
const CRLF_DOT = Buffer.from('\r\n.', 'latin1');
const DOT = Buffer.from('.', 'latin1');
const END_AFTER_CRLF = Buffer.from('.\r\n', 'latin1');
const END = Buffer.from('\r\n.\r\n', 'latin1');

/** Parses reply text arriving in chunks; one callback per complete (possibly multi-line) reply. */
export function createReplyParser(onReply: (reply: SmtpReply) => void) {
  let pending = '';
  let lines: string[] = [];
  return (chunk: Buffer | string) => {
    pending += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    for (;;) {
      const nl = pending.indexOf('\n');
      if (nl < 0) {
        if (pending.length > MAX_REPLY_BYTES) {
          pending = '';
          onReply({ code: null, enhanced: null, text: 'unexpected reply: a line too long' });
        }
        return;
      }
      const line = pending.slice(0, nl > 0 && pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      pending = pending.slice(nl + 1);
      const m = REPLY_LINE.exec(line);
      if (!m) {
        lines = [];
        onReply({ code: null, enhanced: null, text: `unexpected reply: ${line.slice(0, 200)}` });
        continue;
      }
      lines.push(line);
      if (m[2] === '-') continue;
      const text = lines.join('\n');
      lines = [];
      onReply({ code: Number(m[1]), enhanced: ENHANCED.exec(m[3] ?? '')?.[1] ?? null, text });
    }
  };
}

/**
 * The DATA payload of a raw message as the chunks to write: the raw bytes as subarrays, a '.'
 * before every line that starts with '.' (RFC 5321 §4.5.2), then the terminator — CRLF '.' CRLF,
 * or '.' CRLF when the message already ends with CRLF. Nothing is copied.
 */
export function dotStuffed(raw: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  if (raw.length > 0 && raw[0] === 0x2e) {
    out.push(DOT);
  }
  for (let at = raw.indexOf(CRLF_DOT); at >= 0; at = raw.indexOf(CRLF_DOT, at + 3)) {
    out.push(raw.subarray(from, at + 2), DOT);
    from = at + 2;
  }
  if (from < raw.length) out.push(from === 0 ? raw : raw.subarray(from));
  const crlfEnd = raw.length >= 2 && raw[raw.length - 2] === 13 && raw[raw.length - 1] === 10;
  out.push(crlfEnd || raw.length === 0 ? END_AFTER_CRLF : END);
  return out;
}

interface Job {
  from: string;
  to: string;
  raw: Buffer;
  resolve: (r: SmtpSendResult) => void;
}

const noAnswer = (text: string): SmtpReply => ({ code: null, enhanced: null, text });
const failed = (r: SmtpReply): SmtpSendResult => ({ accepted: false, code: r.code, reply: r.text });

interface Connection {
  socket: Socket | TLSSocket;
  busy: boolean;
  closed: boolean;
  sent: number;
  pipelining: boolean;
  /** Waits for the next reply. */
  read(timeoutMs: number, what: string): Promise<SmtpReply>;
  write(data: string | Buffer[]): void;
  destroy(reason: string): void;
  /** After STARTTLS: read and write through the TLS socket. */
  rebind(tls: TLSSocket): void;
}

export function createSmtpClient(options: SmtpClientOptions): SmtpClient {
  const url = new URL(options.url);
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') throw new Error(`Relay URL must be smtp:// or smtps://: ${url.protocol}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : secure ? 465 : 25;
  const user = url.username ? decodeURIComponent(url.username) : null;
  const pass = decodeURIComponent(url.password);
  const starttlsParam = url.searchParams.get('starttls');
  const starttlsRequired = starttlsParam === 'required';
  const starttlsWanted =
    starttlsRequired || (starttlsParam !== null && starttlsParam !== 'false' && starttlsParam !== '0') || user !== null;
  // SNI names a host, never an address (RFC 6066 §3).
  const servername = isIP(host) === 0 ? host : undefined;
  // Loopback relays (tests, a local MTA) are not asked for a verifiable certificate.
  const rejectUnauthorized = !['127.0.0.1', 'localhost', '::1'].includes(host);
  const maxConnections = Math.max(1, options.maxConnections ?? 8);
  const maxPerConnection = options.maxMessagesPerConnection ?? SMTP_MAX_MESSAGES_PER_CONNECTION;
  const rate = options.ratePerSecond ?? Infinity;
  const connectTimeout = options.connectionTimeoutMs ?? SMTP_CONNECT_TIMEOUT_MS;
  const greetingTimeout = options.connectionTimeoutMs ?? SMTP_GREETING_TIMEOUT_MS;
  const commandTimeout = options.socketTimeoutMs ?? SMTP_COMMAND_TIMEOUT_MS;
  const dataEndTimeout = options.socketTimeoutMs ?? SMTP_DATA_END_TIMEOUT_MS;
  const ehloName = options.name ?? hostname();

  const queue: Job[] = [];
  let queueHead = 0;
  const connections = new Set<Connection>();
  let opening = 0;
  const openings = new Set<Promise<void>>();
  let closing = false;
  let windowStart = 0;
  let windowCount = 0;
  let rateTimer: NodeJS.Timeout | null = null;

  function wrap(plain: Socket | TLSSocket): Connection {
    const waiters: { resolve: (r: SmtpReply) => void; timer: NodeJS.Timeout }[] = [];
    const early: SmtpReply[] = [];
    let parse = createReplyParser(onReply);
    function onReply(r: SmtpReply) {
      const w = waiters.shift();
      if (w) {
        clearTimeout(w.timer);
        w.resolve(r);
      } else early.push(r);
      // Garbage or "closing": the session's state is unknown, nothing more is read from it.
      if (r.code === null || r.code === 421) c.destroy(r.text);
    }
    const listen = (s: Socket | TLSSocket) => {
      s.setNoDelay(true);
      s.on('data', (chunk: Buffer) => parse(chunk));
      s.on('error', (err) => c.destroy(`connection error: ${err.message}`));
      s.on('close', () => c.destroy('connection closed'));
    };
    const c: Connection = {
      socket: plain,
      busy: false,
      closed: false,
      sent: 0,
      pipelining: false,
      read(timeoutMs, what) {
        const e = early.shift();
        if (e) return Promise.resolve(e);
        if (c.closed) return Promise.resolve(noAnswer(`connection closed before the ${what} reply`));
        return new Promise((resolve) => {
          const timer = setTimeout(() => c.destroy(`timeout waiting for the ${what} reply`), timeoutMs);
          waiters.push({ resolve, timer });
        });
      },
      write(data) {
        if (c.closed) return;
        const s = c.socket;
        if (typeof data === 'string') s.write(data, 'latin1');
        else {
          s.cork();
          for (const b of data) s.write(b);
          s.uncork();
        }
      },
      destroy(reason) {
        if (c.closed) return;
        c.closed = true;
        connections.delete(c);
        c.socket.destroy();
        for (const w of waiters.splice(0)) {
          clearTimeout(w.timer);
          w.resolve(noAnswer(reason));
        }
        dispatch();
      },
      rebind(tls) {
        const old = c.socket;
        old.removeAllListeners('data');
        old.removeAllListeners('close');
        old.removeAllListeners('error');
        old.on('error', () => {});
        c.socket = tls;
        parse = createReplyParser(onReply);
        listen(tls);
      },
    };
    listen(plain);
    return c;
  }

  function openSocket(): Promise<Socket | TLSSocket> {
    return new Promise((resolve, reject) => {
      const s = secure ? tlsConnect({ host, port, servername, rejectUnauthorized }) : netConnect({ host, port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`timeout connecting to ${host}:${port}`));
      }, connectTimeout);
      const onError = (err: Error) => {
        clearTimeout(timer);
        s.destroy();
        reject(err);
      };
      s.once('error', onError);
      s.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        s.off('error', onError);
        resolve(s);
      });
    });
  }

  async function ehlo(c: Connection): Promise<{ reply: SmtpReply; ext: Map<string, string> }> {
    c.write(`EHLO ${ehloName}\r\n`);
    let reply = await c.read(commandTimeout, 'EHLO');
    // A server without ESMTP (RFC 5321 §3.2): HELO, no extensions.
    if (reply.code !== null && reply.code >= 500) {
      c.write(`HELO ${ehloName}\r\n`);
      reply = await c.read(commandTimeout, 'HELO');
    }
    const ext = new Map<string, string>();
    for (const line of reply.text.split('\n').slice(1)) {
      const [kw = '', ...rest] = line.slice(4).trim().split(/\s+/);
      ext.set(kw.toUpperCase(), rest.join(' ').toUpperCase());
    }
    return { reply, ext };
  }

  /** Opens a connection up to a session ready for MAIL FROM; a reply with code null (and why) otherwise. */
  async function open(): Promise<Connection | SmtpReply> {
    let socket: Socket | TLSSocket;
    try {
      socket = await openSocket();
    } catch (err) {
      return noAnswer(`connect: ${(err as Error).message}`);
    }
    const c = wrap(socket);
    const fail = (what: string, r: SmtpReply) => {
      c.destroy(r.text);
      // A refusal while opening is the relay's, never the recipient's: no code, the reply kept.
      return noAnswer(`${what}: ${r.text}`);
    };
    const greeting = await c.read(greetingTimeout, 'greeting');
    if (greeting.code !== 220) return fail('greeting', greeting);
    let { reply, ext } = await ehlo(c);
    if (reply.code !== 250) return fail('EHLO', reply);
    if (!secure && starttlsWanted && ext.has('STARTTLS')) {
      c.write('STARTTLS\r\n');
      const r = await c.read(commandTimeout, 'STARTTLS');
      if (r.code !== 220) return fail('STARTTLS', r);
      // From here the bytes on the plain socket are TLS records: only the TLS socket reads them.
      c.socket.removeAllListeners('data');
      try {
        const tls = await new Promise<TLSSocket>((resolve, reject) => {
          const t = tlsConnect({ socket: c.socket as Socket, servername, rejectUnauthorized });
          const timer = setTimeout(() => reject(new Error('TLS handshake timeout')), connectTimeout);
          t.once('error', (err) => {
            clearTimeout(timer);
            reject(err);
          });
          t.once('secureConnect', () => {
            clearTimeout(timer);
            resolve(t);
          });
        });
        c.rebind(tls);
      } catch (err) {
        return fail('STARTTLS', noAnswer((err as Error).message));
      }
      ({ reply, ext } = await ehlo(c));
      if (reply.code !== 250) return fail('EHLO', reply);
    } else if (!secure && starttlsRequired) {
      return fail('STARTTLS', noAnswer('the relay does not offer STARTTLS (starttls=required)'));
    }
    if (user !== null) {
      const mechanisms = (ext.get('AUTH') ?? '').split(' ');
      if (mechanisms.includes('PLAIN')) {
        c.write(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`, 'utf8').toString('base64')}\r\n`);
        const r = await c.read(commandTimeout, 'AUTH');
        if (r.code !== 235) return fail('AUTH PLAIN', r);
      } else if (mechanisms.includes('LOGIN')) {
        c.write('AUTH LOGIN\r\n');
        let r = await c.read(commandTimeout, 'AUTH');
        if (r.code !== 334) return fail('AUTH LOGIN', r);
        c.write(`${Buffer.from(user, 'utf8').toString('base64')}\r\n`);
        r = await c.read(commandTimeout, 'AUTH');
        if (r.code !== 334) return fail('AUTH LOGIN', r);
        c.write(`${Buffer.from(pass, 'utf8').toString('base64')}\r\n`);
        r = await c.read(commandTimeout, 'AUTH');
        if (r.code !== 235) return fail('AUTH LOGIN', r);
      } else return fail('AUTH', noAnswer(`the relay offers no PLAIN or LOGIN (AUTH ${ext.get('AUTH') ?? 'absent'})`));
    }
    c.pipelining = ext.has('PIPELINING');
    return c;
  }

  /** One mail transaction on an open connection. */
  async function transact(c: Connection, job: Job): Promise<SmtpSendResult> {
    const mail = `MAIL FROM:<${job.from}>\r\n`;
    const rcpt = `RCPT TO:<${job.to}>\r\n`;
    let mailR: SmtpReply;
    let rcptR: SmtpReply;
    let dataR: SmtpReply;
    if (c.pipelining) {
      c.write(mail + rcpt + 'DATA\r\n');
      mailR = await c.read(commandTimeout, 'MAIL');
      rcptR = await c.read(commandTimeout, 'RCPT');
      dataR = await c.read(commandTimeout, 'DATA');
    } else {
      c.write(mail);
      mailR = await c.read(commandTimeout, 'MAIL');
      if (mailR.code !== 250) return failed(mailR);
      c.write(rcpt);
      rcptR = await c.read(commandTimeout, 'RCPT');
      if (rcptR.code !== 250 && rcptR.code !== 251) return failed(rcptR);
      c.write('DATA\r\n');
      dataR = await c.read(commandTimeout, 'DATA');
    }
    const refused = mailR.code !== 250 ? mailR : rcptR.code !== 250 && rcptR.code !== 251 ? rcptR : null;
    if (refused) {
      // A relay that answers 354 to a pipelined DATA after refusing the sender or the recipient
      // would now read our body: the session cannot be trusted, nothing is sent on it.
      if (dataR.code === 354) c.destroy('354 to DATA after a refused MAIL or RCPT');
      return failed(refused);
    }
    if (dataR.code !== 354) return failed(dataR);
    c.write(dotStuffed(job.raw));
    const end = await c.read(dataEndTimeout, 'end of DATA');
    if (end.code === 250) return { accepted: true, code: 250, reply: end.text };
    return failed(end);
  }

  async function run(c: Connection, job: Job) {
    c.busy = true;
    c.socket.ref();
    const result = await transact(c, job);
    c.sent++;
    job.resolve(result);
    if (!c.closed && !result.accepted) {
      c.write('RSET\r\n');
      const r = await c.read(commandTimeout, 'RSET');
      if (r.code !== 250) c.destroy(`RSET: ${r.text}`);
    }
    if (!c.closed && (c.sent >= maxPerConnection || closing)) await quit(c);
    c.busy = false;
    if (!c.closed) c.socket.unref();
    dispatch();
  }

  async function quit(c: Connection) {
    c.write('QUIT\r\n');
    await c.read(SMTP_QUIT_TIMEOUT_MS, 'QUIT');
    c.destroy('closed after QUIT');
  }

  function next(): Job | undefined {
    if (queueHead >= queue.length) return undefined;
    const job = queue[queueHead++]!;
    if (queueHead > 1024 && queueHead * 2 > queue.length) {
      queue.splice(0, queueHead);
      queueHead = 0;
    }
    return job;
  }

  /** False while this second's message budget is spent (a timer calls dispatch again). */
  function takeRate(): boolean {
    if (rate === Infinity) return true;
    const t = Date.now();
    if (t - windowStart >= 1000) {
      windowStart = t;
      windowCount = 0;
    }
    if (windowCount < rate) {
      windowCount++;
      return true;
    }
    rateTimer ??= setTimeout(
      () => {
        rateTimer = null;
        dispatch();
      },
      windowStart + 1000 - t,
    );
    return false;
  }

  function dispatch() {
    if (closing) return;
    while (queueHead < queue.length) {
      let idle: Connection | undefined;
      for (const c of connections) if (!c.busy && !c.closed) idle = c;
      if (!idle && connections.size + opening >= maxConnections) return;
      if (!takeRate()) return;
      const job = next()!;
      if (idle) void run(idle, job);
      else {
        opening++;
        const p: Promise<void> = open().then(async (c) => {
          opening--;
          if ('code' in c) {
            job.resolve(failed(c));
            dispatch();
          } else {
            connections.add(c);
            await run(c, job);
          }
          openings.delete(p);
        });
        openings.add(p);
      }
    }
  }

  return {
    send(from, to, raw) {
      if (closing) return Promise.resolve(failed(noAnswer('client closed')));
      // An address that would end or split the command line is never written (no command injection).
      // MAIL FROM may be the null path (<>); RCPT TO may not.
      if (UNSAFE_ADDRESS.test(from) || UNSAFE_ADDRESS.test(to) || to === '')
        return Promise.resolve({ accepted: false, code: 553, reply: UNSAFE_ADDRESS_REPLY });
      return new Promise((resolve) => {
        queue.push({ from, to, raw, resolve });
        dispatch();
      });
    },
    async close() {
      closing = true;
      if (rateTimer) clearTimeout(rateTimer);
      for (let job = next(); job; job = next()) job.resolve(failed(noAnswer('client closed')));
      const waits: Promise<void>[] = [...openings];
      for (const c of connections) {
        if (c.closed) continue;
        if (c.busy) {
          // run() sends QUIT after its transaction (closing is set).
          waits.push(new Promise((r) => c.socket.once('close', () => r())));
        } else waits.push(quit(c));
      }
      await Promise.all(waits);
    },
  };
}
