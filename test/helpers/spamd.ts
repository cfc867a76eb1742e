// A real SpamAssassin spamd (Debian `spamassassin` 4.0) for tests, on 127.0.0.1 and a free port:
// local tests only (-L: no DNS blocklists or other network checks), no per-user config, logging to
// stderr, one child. As root it drops to `nobody`. Ready when it answers PING with PONG (rule
// compilation takes a few seconds); stopped by its PID on close.
// Not installed: the suite is skipped with a loud notice; under CI=true that is a failure instead
// (.ci/run installs spamassassin).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpamdClient } from '../../src/channels/spamd/client.ts';
import { freePort } from './smtp-sink.ts';

export const SPAMD_BIN = '/usr/sbin/spamd';
/** How long spamd may take to compile its rules and answer PONG. */
const START_TIMEOUT_MS = 45_000;

/** The GTUBE test string: every SpamAssassin scores a message carrying it ≥ 1000 (rule GTUBE). */
export const GTUBE = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X';

let noticeShown = false;
/** True when spamd is installed; false (with a loud notice) when not, outside CI; throws under CI=true. */
export function spamdAvailable(): boolean {
  if (existsSync(SPAMD_BIN)) return true;
  const msg = `spamd unavailable for tests: ${SPAMD_BIN} is not installed (apt-get install spamassassin spamd)`;
  if (process.env.CI === 'true') throw new Error(`${msg} (CI=true: this is a failure, not a skip)`);
  if (!noticeShown) process.stderr.write(`\n\x1b[41m\x1b[37m ${msg}: spamd tests will be SKIPPED \x1b[0m\n\n`);
  noticeShown = true;
  return false;
}

export interface RunningSpamd {
  port: number;
  url: string;
  pid: number;
  /** What spamd wrote to stderr (its log), for failures. */
  log(): string;
  close(): Promise<void>;
}

export async function startSpamd(): Promise<RunningSpamd> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'assent-spamd-'));
  const args = [
    '-L',
    `--listen=127.0.0.1:${port}`,
    '--allowed-ips=127.0.0.1',
    '--max-children=1',
    '--min-children=1',
    '--nouser-config',
    '--syslog=stderr',
    `--pidfile=${join(dir, 'spamd.pid')}`,
    ...(process.getuid?.() === 0 ? ['--username=nobody'] : []),
  ];
  const child: ChildProcess = spawn(SPAMD_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (b: Buffer) => {
    if (log.length < 200_000) log += b.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      const killer = setTimeout(() => {
        if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      }, 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const client = createSpamdClient({ host: '127.0.0.1', port, timeoutMs: 2_000 });
  const until = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await close();
      throw new Error(`spamd exited before answering PONG:\n${log.slice(-2000)}`);
    }
    if (await client.ping()) break;
    if (Date.now() > until) {
      await close();
      throw new Error(`spamd did not answer PONG within ${START_TIMEOUT_MS} ms:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (child.pid === undefined) throw new Error('spamd has no pid');
  return { port, url: `spamd://127.0.0.1:${port}`, pid: child.pid, log: () => log, close };
}
