// A second, independent DKIM verifier for tests: Debian's opendkim-testmsg (opendkim-tools,
// libopendkim). It reads the message on stdin, verifies its signatures and exits 0 only when they
// are good. It has no option or config file for the DNS server: libopendkim asks the system
// resolver, which reads /etc/resolv.conf and takes no port there. So it runs in its own mount
// namespace (`unshare -m`, private propagation: nothing leaks to the host) with a resolv.conf of
// our own bind-mounted over /etc/resolv.conf, naming a dnsmasq on a loopback address at port 53
// (startDnsServer(records, { address: '127.x.y.z', port: 53 }) in test/helpers/dns.ts).
// Needs root (CAP_SYS_ADMIN) for the mount namespace, as the tests run in CI.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OPENDKIM_TESTMSG = '/usr/sbin/opendkim-testmsg';

export interface OpendkimResult {
  /** The exit status: 0 when every signature verified. */
  code: number | null;
  /** What opendkim-testmsg printed (nothing on success). */
  output: string;
}

/** Verifies `raw` (the message as received) with opendkim-testmsg, resolving keys at `nameserver` (an IPv4 address, port 53). */
export async function opendkimVerify(raw: Buffer | string, nameserver: string): Promise<OpendkimResult> {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(nameserver)) throw new Error(`opendkim helper: ${nameserver} is not an IPv4 address`);
  const dir = mkdtempSync(join(tmpdir(), 'assent-opendkim-'));
  try {
    const resolvConf = join(dir, 'resolv.conf');
    writeFileSync(resolvConf, `nameserver ${nameserver}\noptions timeout:2 attempts:2\n`);
    const script = 'mount --bind "$1" /etc/resolv.conf && exec "$2" -t "$3"';
    const child = spawn(
      'unshare',
      ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh', resolvConf, OPENDKIM_TESTMSG, dir],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(raw);
    const code = await exited;
    return { code, output: output.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
