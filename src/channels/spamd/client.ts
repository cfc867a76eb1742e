// A SPAMC/1.5 client for SpamAssassin's spamd over TCP (node:net), after spamd/PROTOCOL in the
// SpamAssassin sources. One connection per check: the request is
//   SYMBOLS SPAMC/1.5\r\nContent-length: <bytes>\r\nUser: <name>\r\n\r\n<message>
// and spamd answers, then closes:
//   SPAMD/1.1 0 EX_OK\r\nContent-length: <n>\r\nSpam: True ; 1003.7 / 5.0\r\n\r\nGTUBE,MISSING_DATE,…
// A check never throws for an outage: it answers 'unavailable' with a classified reason
// (unreachable, timeout, protocol-error; too-large when the message is over the size cap, which
// is skipped, never truncated — a truncated message would be scored as a different message).
// No npm package is used: the only one (`spamc`, 0.0.5) is unmaintained for a decade, callback
// based and untyped, has no size cap or timeout classification, and the protocol is ~100 lines.
import { connect } from 'node:net';
import type { SecondOpinionUnavailableReason } from '../../core/content/second-opinion.ts';

/** How long one check may take, connect to last byte (spamd with network tests can take seconds). */
export const SPAMD_TIMEOUT_MS = 10_000;
/** The largest message sent to spamd: spamc's default max size (500 KB). Larger is skipped with a reason. */
export const SPAMD_MAX_MESSAGE_BYTES = 500 * 1024;
/** The largest answer read back (SYMBOLS/PING answers are small; anything larger is a protocol error). */
export const SPAMD_MAX_RESPONSE_BYTES = 64 * 1024;
export const SPAMD_DEFAULT_PORT = 783;

export interface SpamdAddress {
  host: string;
  port: number;
}

/** `spamd://host[:port]` or `tcp://host[:port]` (default port 783). */
export function parseSpamdUrl(url: string): SpamdAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`SPAMD_URL: not a URL: ${url}`);
  }
  if (u.protocol !== 'spamd:' && u.protocol !== 'tcp:')
    throw new Error(`SPAMD_URL: expected spamd:// or tcp://, got ${u.protocol}//`);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error(`SPAMD_URL: no host in ${url}`);
  const port = u.port === '' ? SPAMD_DEFAULT_PORT : Number(u.port);
  return { host, port };
}

export type SpamdCheck =
  | { status: 'checked'; spam: boolean; score: number; threshold: number; rules: string[] }
  | { status: 'unavailable'; reason: SecondOpinionUnavailableReason; detail: string };

export interface SpamdClient {
  /** SYMBOLS: the score, spamd's threshold and the rule names for one RFC 5322 message. */
  check(message: Buffer | string): Promise<SpamdCheck>;
  /** PING → PONG: true when spamd answers. */
  ping(): Promise<boolean>;
}

export interface SpamdClientOptions extends SpamdAddress {
  timeoutMs?: number;
  maxMessageBytes?: number;
  /** The User header: whose preferences spamd applies (spamd with --nouser-config ignores it). */
  user?: string;
}

type Exchange = { ok: true; response: Buffer } | { ok: false; reason: SecondOpinionUnavailableReason; detail: string };

/** One request, the whole answer (until spamd closes), within the timeout; never rejects. */
function exchange(address: SpamdAddress, request: Buffer[], timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    let done = false;
    const socket = connect({ host: address.host, port: address.port });
    const finish = (result: Exchange) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'timeout', detail: `no complete answer from spamd within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.setNoDelay(true);
    socket.on('connect', () => {
      connected = true;
      for (const part of request) socket.write(part);
      // Half-close: spamd reads Content-length bytes, answers and closes its side.
      socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > SPAMD_MAX_RESPONSE_BYTES)
        return finish({ ok: false, reason: 'protocol-error', detail: `answer over ${SPAMD_MAX_RESPONSE_BYTES} bytes` });
      chunks.push(chunk);
    });
    socket.on('end', () => finish({ ok: true, response: Buffer.concat(chunks) }));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const detail = `${err.code ?? 'error'}: ${err.message}`;
      // Refused/unresolvable before the connection: unreachable. A reset mid-answer: the answer is broken.
      if (!connected) finish({ ok: false, reason: 'unreachable', detail });
      else if (chunks.length > 0) finish({ ok: true, response: Buffer.concat(chunks) });
      else finish({ ok: false, reason: 'unreachable', detail });
    });
    socket.on('close', () => finish({ ok: true, response: Buffer.concat(chunks) }));
  });
}

export type ParsedSymbols =
  { ok: true; spam: boolean; score: number; threshold: number; rules: string[] } | { ok: false; detail: string };

/** Parses a SPAMD/1.x answer to SYMBOLS (exported for tests of malformed answers). */
export function parseSymbolsResponse(response: Buffer): ParsedSymbols {
  const text = response.toString('latin1');
  const headerEnd = text.indexOf('\r\n\r\n');
  const head = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const lines = head.split('\r\n');
  const status = /^SPAMD\/(\d+\.\d+) (\d+) (.*)$/.exec(lines[0] ?? '');
  if (!status) return { ok: false, detail: `not a SPAMD answer: ${JSON.stringify((lines[0] ?? '').slice(0, 100))}` };
  if (status[2] !== '0') return { ok: false, detail: `spamd refused: ${status[2]} ${status[3]}` };
  let spamLine: RegExpExecArray | null = null;
  let contentLength: number | null = null;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'spam') spamLine = /^(True|False|Yes|No)\s*;\s*(-?\d+(?:\.\d+)?)\s*\/\s*(-?\d+(?:\.\d+)?)$/i.exec(value);
    else if (name === 'content-length' && /^\d+$/.test(value)) contentLength = Number(value);
  }
  if (!spamLine) return { ok: false, detail: 'no Spam: header in the answer' };
  const body = headerEnd === -1 ? Buffer.alloc(0) : response.subarray(headerEnd + 4);
  if (contentLength !== null && body.length < contentLength)
    return { ok: false, detail: `answer cut short: ${body.length} of ${contentLength} bytes` };
  const symbols = (contentLength === null ? body : body.subarray(0, contentLength)).toString('utf8');
  const rules = symbols
    .split(/[,\s]+/)
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const flag = (spamLine[1] ?? '').toLowerCase();
  return {
    ok: true,
    spam: flag === 'true' || flag === 'yes',
    score: Number(spamLine[2]),
    threshold: Number(spamLine[3]),
    rules,
  };
}

export function createSpamdClient(options: SpamdClientOptions): SpamdClient {
  const timeoutMs = options.timeoutMs ?? SPAMD_TIMEOUT_MS;
  const maxMessageBytes = options.maxMessageBytes ?? SPAMD_MAX_MESSAGE_BYTES;
  const user = options.user ?? 'assent';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(user)) throw new Error('spamd client: the user name must be one simple word');
  const address = { host: options.host, port: options.port };
  return {
    async check(message) {
      const bytes = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
      if (bytes.length > maxMessageBytes)
        return {
          status: 'unavailable',
          reason: 'too-large',
          detail: `message of ${bytes.length} bytes is over the ${maxMessageBytes}-byte cap; not sent to spamd`,
        };
      const head = Buffer.from(`SYMBOLS SPAMC/1.5\r\nContent-length: ${bytes.length}\r\nUser: ${user}\r\n\r\n`, 'latin1');
      const answer = await exchange(address, [head, bytes], timeoutMs);
      if (!answer.ok) return { status: 'unavailable', reason: answer.reason, detail: answer.detail };
      if (answer.response.length === 0)
        return { status: 'unavailable', reason: 'protocol-error', detail: 'spamd closed the connection without an answer' };
      const parsed = parseSymbolsResponse(answer.response);
      if (!parsed.ok) return { status: 'unavailable', reason: 'protocol-error', detail: parsed.detail };
      return { status: 'checked', spam: parsed.spam, score: parsed.score, threshold: parsed.threshold, rules: parsed.rules };
    },
    async ping() {
      const answer = await exchange(address, [Buffer.from('PING SPAMC/1.5\r\n\r\n', 'latin1')], timeoutMs);
      return answer.ok && /^SPAMD\/\d+\.\d+ 0 PONG\r?\n/.test(answer.response.toString('latin1'));
    },
  };
}
