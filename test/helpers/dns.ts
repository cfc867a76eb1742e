// A real DNS server for tests (DEL-05): Debian's dnsmasq on 127.0.0.1, authoritative for nothing,
// answering only the records given (--no-resolv: no upstream). dnsmasq splits a TXT string longer
// than 255 bytes into 255-byte chunks itself (RFC 1035 character-strings), as a DKIM RSA-2048 key
// needs. Killed by its PID on close.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';

export interface DnsRecordSpec {
  name: string;
  type: 'TXT' | 'CNAME';
  value: string;
}

export interface DnsServer {
  port: number;
  /** A loopback address: 127.0.0.1 unless another was asked for. */
  address: string;
  /** "address:port", for DNS_SERVERS. */
  server: string;
  close(): Promise<void>;
}

const DNSMASQ = '/usr/sbin/dnsmasq';

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * Starts dnsmasq serving `records`; pass `port` to restart on the port of an earlier server.
 * `address` (a 127.x.y.z other than 127.0.0.1) with `port: 53` gives a server that programs using
 * the system resolver can reach, which reads no port from resolv.conf (test/helpers/opendkim.ts).
 */
export async function startDnsServer(
  records: DnsRecordSpec[],
  options: { port?: number; address?: string } = {},
): Promise<DnsServer> {
  const address = options.address ?? '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)) throw new Error(`dns test helper: ${address} is not a loopback address`);
  const port = options.port ?? (await freeUdpPort());
  const args = [
    '--keep-in-foreground',
    '--no-resolv',
    '--no-hosts',
    '--no-daemon',
    '--log-facility=-',
    `--port=${port}`,
    `--listen-address=${address}`,
    '--bind-interfaces',
    '--conf-file=/dev/null',
    '--pid-file=',
    '--user=',
  ];
  for (const r of records) {
    // Passed in argv (no shell); dnsmasq reads a comma as the start of another string of the record.
    if (/["\n,]/.test(r.name) || /["\n,\\]/.test(r.value))
      throw new Error(`dns test helper: unsupported characters in ${r.name}`);
    if (r.type === 'TXT') args.push(`--txt-record=${r.name},${r.value}`);
    else args.push(`--cname=${r.name},${r.value}`);
  }
  const child: ChildProcess = spawn(DNSMASQ, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    await exited;
  };
  // Ready when it answers a query (any answer, NXDOMAIN included).
  const probe = new Resolver({ timeout: 200, tries: 1 });
  probe.setServers([`${address}:${port}`]);
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) throw new Error(`dnsmasq exited: ${stderr}`);
    try {
      await probe.resolveTxt('ready.probe.invalid');
      break;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EREFUSED') break;
      if (i === 49) {
        await close();
        throw new Error(`dnsmasq did not answer on ${port}: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { port, address, server: `${address}:${port}`, close };
}
