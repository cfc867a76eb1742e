// Real DNS blocklist zones for tests (BL-01, BL-02): Debian's rbldnsd on 127.0.0.1 and a free UDP
// port, serving zone files written here. Killed by its PID on close. Not installed: suites are
// skipped with a loud notice; under CI=true that is a failure instead (.ci/run installs rbldnsd).
//
// Zones (TEST_ZONES):
//   ips.bl.test      ip4set + ip6trie: the test point 127.0.0.2 (rbldnsd answers the IPv6 one,
//                    ::ffff:7f00:2, from the IPv4 data), LISTED_IPV4 (with a TXT reason), LISTED_IPV6,
//                    and ERROR_IPV4 answering 127.255.255.254 (Spamhaus "public resolver")
//   domains.bl.test  dnset: TEST, LISTED_DOMAIN (with a reason)
//   broken.bl.test   ip4set: 127.255.255.254 for every address (a zone refusing us)
//   notest.bl.test   ip4set: LISTED_IPV4 listed but the test point 127.0.0.2 missing
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlocklistZone } from '../../src/core/blocklists/types.ts';

export const RBLDNSD_BIN = '/usr/sbin/rbldnsd';
export const LISTED_IPV4 = '192.0.2.99';
export const LISTED_IPV4_REASON = 'Listed: sent to spam traps';
export const ERROR_IPV4 = '192.0.2.254';
export const CLEAN_IPV4 = '192.0.2.10';
export const LISTED_IPV6 = '2001:db8::99';
export const LISTED_DOMAIN = 'spammy.example';
export const LISTED_DOMAIN_REASON = 'Domain seen in spam links';
export const CLEAN_DOMAIN = 'clean.example';

export const TEST_ZONES: Record<'ips' | 'domains' | 'broken' | 'notest', BlocklistZone> = {
  ips: { name: 'ips.bl.test', kind: 'ip', ipv6: true, meaning: 'test IP list' },
  domains: { name: 'domains.bl.test', kind: 'domain', meaning: 'test domain list' },
  broken: { name: 'broken.bl.test', kind: 'ip', meaning: 'a zone that refuses every query' },
  notest: { name: 'notest.bl.test', kind: 'ip', meaning: 'a zone without its test point' },
};

let noticeShown = false;
/** True when rbldnsd is installed; false (with a loud notice) outside CI; throws under CI=true. */
export function rbldnsdAvailable(): boolean {
  if (existsSync(RBLDNSD_BIN)) return true;
  const msg = `rbldnsd unavailable for tests: ${RBLDNSD_BIN} is not installed (apt-get install rbldnsd)`;
  if (process.env.CI === 'true') throw new Error(`${msg} (CI=true: this is a failure, not a skip)`);
  if (!noticeShown) process.stderr.write(`\n\x1b[41m\x1b[37m ${msg}: blocklist tests will be SKIPPED \x1b[0m\n\n`);
  noticeShown = true;
  return false;
}

export interface RunningRbldnsd {
  port: number;
  /** "127.0.0.1:port", for DNS_SERVERS. */
  server: string;
  pid: number;
  close(): Promise<void>;
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * Starts rbldnsd with the test zones; `listedDomains` / `listedIps` are added to domains.bl.test /
 * ips.bl.test. `delisted`: the same zones after LISTED_IPV4, LISTED_IPV6 and LISTED_DOMAIN were
 * removed (test points kept), for listings that clear.
 */
export async function startRbldnsd(
  options: { listedDomains?: string[]; listedIps?: string[]; delisted?: boolean } = {},
): Promise<RunningRbldnsd> {
  const listed = options.delisted !== true;
  const dir = mkdtempSync(join(tmpdir(), 'assent-rbldnsd-'));
  // As root rbldnsd drops to its own user, which must be able to read the files.
  chmodSync(dir, 0o755);
  const files: Record<string, string> = {
    'ips4.zone': [
      '127.0.0.2 :127.0.0.2:RFC 5782 test point',
      ...(listed ? [`${LISTED_IPV4} :127.0.0.4:${LISTED_IPV4_REASON}`] : []),
      `${ERROR_IPV4} :127.255.255.254:Query refused: public resolver`,
      ...(options.listedIps ?? []).map((ip) => `${ip} :127.0.0.3:bench listing`),
      '',
    ].join('\n'),
    'ips6.zone': [...(listed ? [`${LISTED_IPV6}/128 :127.0.0.3:IPv6 listed`] : []), ''].join('\n'),
    'domains.zone': [
      'test :127.0.1.2:RFC 5782 test point',
      ...(listed ? [`${LISTED_DOMAIN} :127.0.1.2:${LISTED_DOMAIN_REASON}`] : []),
      ...(options.listedDomains ?? []).map((d) => `${d} :127.0.1.3:bench listing`),
      '',
    ].join('\n'),
    'broken.zone': ['0.0.0.0-255.255.255.255 :127.255.255.254:Query refused: public resolver', ''].join('\n'),
    'notest.zone': [`${LISTED_IPV4} :127.0.0.2:listed without a test point`, ''].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o644);
  }
  const port = await freeUdpPort();
  const args = [
    '-n',
    '-b',
    `127.0.0.1/${port}`,
    '-w',
    dir,
    '-t',
    '1',
    ...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []),
    `${TEST_ZONES.ips.name}:ip4set:ips4.zone`,
    `${TEST_ZONES.ips.name}:ip6trie:ips6.zone`,
    `${TEST_ZONES.domains.name}:dnset:domains.zone`,
    `${TEST_ZONES.broken.name}:ip4set:broken.zone`,
    `${TEST_ZONES.notest.name}:ip4set:notest.zone`,
  ];
  const child: ChildProcess = spawn(RBLDNSD_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready when the IP zone's test point answers.
  const probe = new Resolver({ timeout: 200, tries: 1 });
  probe.setServers([`127.0.0.1:${port}`]);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`rbldnsd exited: ${output}`);
    try {
      await probe.resolve4(`2.0.0.127.${TEST_ZONES.ips.name}`);
      break;
    } catch (e) {
      if (i === 100) {
        await close();
        throw new Error(`rbldnsd did not answer on ${port}: ${(e as Error).message} ${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { port, server: `127.0.0.1:${port}`, pid: child.pid as number, close };
}
