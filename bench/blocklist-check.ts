// The daily blocklist check (BL-01) over 1,000 domains and 16 IPs against real zones served by
// Debian's rbldnsd on 127.0.0.1: the four test zones (two trusted, two failing their RFC 5782 test
// points), 50 of the domains and 2 of the IPs listed, stored on SQLite and PostgreSQL (check
// history, listings opened and audited). Each run uses a fresh database, so every run does the
// same work. Prints one JSON line per run and one per engine with the median of the runs and the
// `uptime` load. Usage: node bench/blocklist-check.ts [sqlite|postgres|both] [runs]
// PostgreSQL: BENCH_DATABASE_URL (an admin URL), else a throwaway cluster.
import { execFileSync } from 'node:child_process';
import { createBlocklistDns } from '../src/channels/dns/blocklist-client.ts';
import { createAuditLog } from '../src/core/audit/audit-log.ts';
import { createBlocklistService } from '../src/core/blocklists/service.ts';
import type { BlocklistTarget } from '../src/core/blocklists/types.ts';
import { silentLogger, systemClock } from '../src/core/ports.ts';
import { createAuditRepository } from '../src/db/repositories/audit.ts';
import { createBlocklistStore, createBlocklistTargetSource } from '../src/db/repositories/blocklists.ts';
import { TEST_ZONES, startRbldnsd } from '../test/helpers/rbldnsd.ts';
import { benchDatabase, engines } from './permission-fixtures.ts';

const RUNS = Number(process.argv[3] ?? 3);
const DOMAINS = Array.from({ length: 1_000 }, (_, i) => `shop-${String(i).padStart(4, '0')}.example`);
const IPS = Array.from({ length: 16 }, (_, i) => `198.51.100.${i + 1}`);
const LISTED_DOMAINS = DOMAINS.filter((_, i) => i % 20 === 0);
const LISTED_IPS = IPS.slice(0, 2);
const TARGETS: BlocklistTarget[] = [
  ...IPS.map((value) => ({ value, kind: 'ip' as const })),
  ...DOMAINS.map((value) => ({ value, kind: 'domain' as const })),
];
const load = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load average: /, '');

const server = await startRbldnsd({ listedDomains: LISTED_DOMAINS, listedIps: LISTED_IPS });
try {
  for (const engine of engines(process.argv[2])) {
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const bench = await benchDatabase(engine);
      try {
        const { database } = bench;
        const service = createBlocklistService({
          dns: createBlocklistDns({ servers: [server.server] }),
          store: createBlocklistStore(database),
          targetSource: createBlocklistTargetSource(database),
          audit: createAuditLog({ store: createAuditRepository(database.db), clock: systemClock }),
          clock: systemClock,
          logger: silentLogger,
          zones: Object.values(TEST_ZONES),
          sendingIps: [],
        });
        const loadBefore = load();
        const t0 = performance.now();
        const result = await service.runChecks(TARGETS);
        const ms = performance.now() - t0;
        times.push(ms);
        const errors = result.results.filter((r) => r.outcome === 'error').length;
        if (result.opened.length !== LISTED_DOMAINS.length + LISTED_IPS.length || errors !== 0)
          throw new Error(`unexpected outcome: ${result.opened.length} opened, ${errors} errors`);
        console.log(
          JSON.stringify({
            bench: 'blocklist-check',
            engine,
            run,
            domains: DOMAINS.length,
            ips: IPS.length,
            // Each zone's two test points (four for an IPv6 zone), then the targets asked.
            queries: result.results.length + result.zones.reduce((n, z) => n + (z.ipv6Trusted === null ? 2 : 4), 0),
            untrustedZones: result.zones.filter((z) => !z.trusted).length,
            opened: result.opened.length,
            ms: Math.round(ms),
            load: loadBefore,
          }),
        );
      } finally {
        await bench.drop();
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: 'blocklist-check',
        engine,
        medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
        runs: RUNS,
        load: load(),
      }),
    );
  }
} finally {
  await server.close();
}
