// Relays for delivery tests and benchmarks, on 127.0.0.1, counting what they accept per
// recipient (a recipient counts once per message the sink answered 250 to at the end of DATA).
// - startScriptedSink: a small SMTP responder (node:net) with programmable faults: 451 to a share
//   of RCPTs, 550 to chosen addresses, a garbage reply or a closed connection at the end of DATA.
// - startPostfixSink: Debian postfix's smtp-sink (the benchmark relay), its multi-message dump
//   read back for per-recipient counts; with `messages: true`, one file per message as well
//   (smtp-sink -d), read back whole for end-to-end checks. Killed by PID on close.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type SinkMode = 'ok' | 'garbage' | 'close-mid-data';

export interface ScriptedSink {
  port: number;
  url: string;
  /** Per recipient: messages accepted (250 after DATA). */
  counts: Map<string, number>;
  /** Every RCPT the sink answered 4xx (per recipient). */
  deferred: Map<string, number>;
  mode: SinkMode;
  /** Share of RCPTs answered 451 (0..1), decided per command. */
  tempFailShare: number;
  /** Addresses answered 550 5.1.1 at RCPT. */
  reject: Set<string>;
  /** Messages accepted in total. */
  accepted(): number;
  close(): Promise<void>;
}

export async function startScriptedSink(
  options: { mode?: SinkMode; tempFailShare?: number; reject?: Iterable<string>; port?: number } = {},
): Promise<ScriptedSink> {
  const sockets = new Set<Socket>();
  let queueSeq = 0;
  const sink: ScriptedSink = {
    port: 0,
    url: '',
    counts: new Map(),
    deferred: new Map(),
    mode: options.mode ?? 'ok',
    tempFailShare: options.tempFailShare ?? 0,
    reject: new Set(options.reject ?? []),
    accepted: () => [...sink.counts.values()].reduce((a, b) => a + b, 0),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    // Replies are small writes: without this, Nagle's algorithm and delayed ACKs add ~40 ms per exchange.
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = '';
    let inData = false;
    let rcpts: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buf += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          if (sink.mode === 'close-mid-data') {
            socket.destroy();
            return;
          }
          const end = buf.indexOf('\r\n.\r\n');
          const atStart = buf.startsWith('.\r\n');
          if (end < 0 && !atStart) return;
          buf = atStart ? buf.slice(3) : buf.slice(end + 5);
          inData = false;
          if (sink.mode === 'garbage') {
            reply('hello? this is not SMTP');
            rcpts = [];
            continue;
          }
          for (const r of rcpts) sink.counts.set(r, (sink.counts.get(r) ?? 0) + 1);
          rcpts = [];
          reply(`250 2.0.0 Ok: queued as Q${(++queueSeq).toString(16).toUpperCase()}`);
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250-sink.test\r\n250-PIPELINING\r\n250 8BITMIME');
        else if (verb === 'MAIL') {
          rcpts = [];
          reply('250 2.1.0 Ok');
        } else if (verb === 'RCPT') {
          const addr = /<([^>]*)>/.exec(line)?.[1]?.toLowerCase() ?? '';
          if (sink.reject.has(addr)) reply('550 5.1.1 <' + addr + '>: Recipient address rejected: User unknown');
          else if (sink.tempFailShare > 0 && Math.random() < sink.tempFailShare) {
            sink.deferred.set(addr, (sink.deferred.get(addr) ?? 0) + 1);
            reply('451 4.3.0 Try again later');
          } else {
            rcpts.push(addr);
            reply('250 2.1.5 Ok');
          }
        } else if (verb === 'DATA') {
          if (rcpts.length === 0) reply('554 5.5.1 No valid recipients');
          else {
            inData = true;
            reply('354 End data with <CR><LF>.<CR><LF>');
          }
        } else if (verb === 'RSET') {
          rcpts = [];
          reply('250 2.0.0 Ok');
        } else if (verb === 'NOOP') reply('250 2.0.0 Ok');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
          return;
        } else reply('502 5.5.2 Error: command not recognized');
      }
    });
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, '127.0.0.1', () => r()));
  sink.port = (server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}

export interface PostfixSink {
  port: number;
  url: string;
  pid: number;
  /** Per recipient counts read from the dump file (only when started with dump: true). */
  counts(): Promise<Map<string, number>>;
  /**
   * The same counts, read incrementally: each call reads only what the dump grew by since the
   * last call (for polling a large run); the map returned is kept and updated in place.
   */
  tally(): Map<string, number>;
  /** Every message received, one per mail transaction (only when started with messages: true). */
  messages(): SinkMessage[];
  /** Stops the sink (SIGKILL by PID) and starts it again later on the same port (fault runs). */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A message as smtp-sink wrote it (-d): its envelope lines (X-Mail-Args, X-Rcpt-Args…) read off
 * the top; `raw` is the rest — the sink's Received header, then the message as sent — with the
 * line ends smtp-sink writes (LF) turned back into CRLF.
 */
export interface SinkMessage {
  file: string;
  mailFrom: string;
  rcptTo: string[];
  raw: Buffer;
}

const ENVELOPE_LINE = /^X-(Client-Addr|Client-Proto|Helo-Args|Mail-Args|Rcpt-Args): (.*)$/;

function readSinkMessage(file: string): SinkMessage {
  const lines = readFileSync(file, 'latin1').split('\n');
  let mailFrom = '';
  const rcptTo: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const m = ENVELOPE_LINE.exec(lines[i]!);
    if (!m) break;
    const addr = /<([^>]*)>/.exec(m[2]!)?.[1]?.toLowerCase() ?? '';
    if (m[1] === 'Mail-Args') mailFrom = addr;
    if (m[1] === 'Rcpt-Args') rcptTo.push(addr);
  }
  return { file, mailFrom, rcptTo, raw: Buffer.from(lines.slice(i).join('\r\n'), 'latin1') };
}

/** A free loopback port (bind 0, read it, release it). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, timeoutMs = 5_000) {
  const { connect } = await import('node:net');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1', () => {
        c.destroy();
        resolve(true);
      });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`smtp-sink did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startPostfixSink(
  options: { dump?: boolean; messages?: boolean; port?: number } = {},
): Promise<PostfixSink> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'assent-sink-'));
  const dumpFile = join(dir, 'dump');
  const messageDir = join(dir, 'messages');
  let child: ChildProcess | null = null;
  const tallied = new Map<string, number>();
  let tallyOffset = 0;
  let tallyRest = '';
  const start = async () => {
    const args = [
      '-u',
      'nobody',
      ...(options.dump ? ['-D', dumpFile] : []),
      // A template without strftime fields: each message goes to messages/msg.<random hex>.
      ...(options.messages ? ['-d', join(messageDir, 'msg.')] : []),
      `127.0.0.1:${port}`,
      '1024',
    ];
    child = spawn('/usr/sbin/smtp-sink', args, { stdio: 'ignore' });
    await waitForPort(port);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.pid === undefined || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    process.kill(c.pid, 'SIGKILL');
    await exited;
  };
  if (options.dump || options.messages) {
    // smtp-sink writes the dump as user nobody.
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o777);
    if (options.messages) {
      mkdirSync(messageDir);
      chmodSync(messageDir, 0o777);
    }
  }
  await start();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    get pid() {
      return child?.pid ?? -1;
    },
    async counts() {
      const counts = new Map<string, number>();
      if (!existsSync(dumpFile)) return counts;
      const lines = createInterface({ input: createReadStream(dumpFile, 'latin1'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.startsWith('X-Rcpt-Args: ')) continue;
        const addr = /<([^>]*)>/.exec(line)?.[1]?.toLowerCase();
        if (addr) counts.set(addr, (counts.get(addr) ?? 0) + 1);
      }
      return counts;
    },
    tally() {
      if (!existsSync(dumpFile)) return tallied;
      const size = statSync(dumpFile).size;
      if (size <= tallyOffset) return tallied;
      const buf = Buffer.alloc(size - tallyOffset);
      const fd = openSync(dumpFile, 'r');
      try {
        readSync(fd, buf, 0, buf.length, tallyOffset);
      } finally {
        closeSync(fd);
      }
      tallyOffset = size;
      const text = tallyRest + buf.toString('latin1');
      const lines = text.split('\n');
      tallyRest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('X-Rcpt-Args: ')) continue;
        const addr = /<([^>]*)>/.exec(line)?.[1]?.toLowerCase();
        if (addr) tallied.set(addr, (tallied.get(addr) ?? 0) + 1);
      }
      return tallied;
    },
    messages() {
      if (!existsSync(messageDir)) return [];
      return readdirSync(messageDir)
        .sort()
        .map((name) => readSinkMessage(join(messageDir, name)));
    },
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
