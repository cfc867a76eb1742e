// Import of a generated CSV with consent columns (Mailchimp-style), end to end: parse, per-row
// checks, forensics, contacts and consent events written (IMP-02..06), on SQLite and PostgreSQL;
// beside it, the raw load of the same rows into contacts (multi-row INSERTs in one transaction
// per 5,000 rows on both engines — no COPY: pg-copy-streams is not a dependency).
// Targets: ≥ 50,000 rows/s SQLite, ≥ 30,000 rows/s PostgreSQL, peak RSS < 300 MB.
// Usage: node bench/import.ts [sqlite|postgres|both] [rows]
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../src/core/audit/audit-log.ts';
import { silentLogger, type Queue } from '../src/core/ports.ts';
import { createImportService } from '../src/core/imports/service.ts';
import { addressHash } from '../src/core/suppression/address.ts';
import { createAuditRepository } from '../src/db/repositories/audit.ts';
import { createConsentStore } from '../src/db/repositories/consent.ts';
import { createImportStore } from '../src/db/repositories/imports.ts';
import { benchAccount, benchDatabase, engines, peakRssMb } from './permission-fixtures.ts';

const N = Number(process.argv[3] ?? 1_000_000);
const FIRST = [
  'ana',
  'ion',
  'maria',
  'vlad',
  'elena',
  'mihai',
  'ioana',
  'radu',
  'irina',
  'dan',
  'oana',
  'andrei',
  'cristina',
  'bogdan',
];
const DOMAINS = ['gmail.com', 'yahoo.com', 'example.ro', 'firma.ro', 'outlook.com', 'example.com'];

function emailOf(i: number): string {
  return `${FIRST[i % FIRST.length]}.${(i * 2_654_435_761) % 4_294_967_296}@${DOMAINS[i % DOMAINS.length]}`;
}

async function generate(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('Email Address,First Name,Last Name,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE\n');
  const base = Date.parse('2025-01-01T00:00:00Z');
  let buf = '';
  for (let i = 0; i < N; i++) {
    const t = new Date(base + i * 17_000).toISOString().replace('T', ' ').slice(0, 19);
    buf += `${emailOf(i)},${FIRST[(i * 7) % FIRST.length]},Pop${i % 1000},${t},198.51.${i % 256}.${(i >> 8) % 256},${t},198.51.${i % 256}.${(i >> 8) % 256},45.7\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'assent-import-bench-'));
const file = join(dir, 'import.csv');
await generate(file);

for (const engine of engines(process.argv[2])) {
  const { database, drop } = await benchDatabase(engine);
  try {
    const accountId = await benchAccount(database, 'bench-account');
    const now = '2026-06-01T00:00:00.000Z';
    const clock = { now: () => new Date(now) };
    await database.db
      .insertInto('lists')
      .values({
        id: 'bench-list',
        account_id: accountId,
        name: 'Bench',
        purpose_text: 'Bench',
        channel: 'email',
        frequency: 'weekly',
        double_opt_in: 1,
        sender_name: 'B',
        created_at: now,
        archived_at: null,
      })
      .execute();
    const queue = { send: async () => null } as unknown as Queue;
    const imports = createImportService({
      store: createImportStore(database),
      consentStore: createConsentStore(database),
      queue,
      clock,
      logger: silentLogger,
      standing: { assertServiceAllowed: async () => {} },
      audit: createAuditLog({ store: createAuditRepository(database.db), clock }),
      systemMail: { enqueue: async () => 'none' },
      gate: { releaseHold: async () => 0 },
    });
    let t = performance.now();
    const rec = await imports.start({
      accountId,
      declaration: { source: 'signup-form', attest: true },
      listIds: ['bench-list'],
      who: { at: now, userId: null, ip: null, userAgent: 'bench' },
      enqueue: false,
      file: createReadStream(file),
    });
    const done = await imports.process(rec.id);
    let s = (performance.now() - t) / 1000;
    if (!done || done.rowsRead !== N) throw new Error(`import did not finish: ${done?.status} ${done?.error?.message}`);
    console.log(
      JSON.stringify({
        bench: 'import-end-to-end',
        engine,
        rows: N,
        status: done.status,
        imported: done.imported,
        seconds: +s.toFixed(1),
        rowsPerSecond: Math.round(N / s),
        peakRssMb: peakRssMb(),
      }),
    );

    // Raw load of the same rows: contacts only, no checks, no consent (the floor the checks cost against).
    await database.db
      .insertInto('accounts')
      .values({
        id: 'raw-account',
        name: 'raw',
        postal_address: 'x',
        industry: 'retail',
        declared_sending: 'x',
        created_at: now,
        updated_at: now,
      })
      .execute();
    t = performance.now();
    const CHUNK = 5_000;
    for (let start = 0; start < N; start += CHUNK) {
      await database.db.transaction().execute(async (trx) => {
        for (let k = start; k < Math.min(N, start + CHUNK); k += 500) {
          const rows = Array.from({ length: Math.min(500, N - k) }, (_, j) => {
            const email = emailOf(k + j);
            return {
              id: `raw-${k + j}`,
              account_id: 'raw-account',
              email,
              phone: null,
              email_hash: addressHash(email),
              phone_hash: null,
              attributes: '{}',
              language: null,
              time_zone: null,
              created_at: now,
              erased_at: null,
            };
          });
          await trx.insertInto('contacts').values(rows).execute();
        }
      });
    }
    s = (performance.now() - t) / 1000;
    console.log(
      JSON.stringify({
        bench: 'import-raw-load',
        engine,
        method: 'multi-row INSERT, 5,000 rows per transaction',
        rows: N,
        seconds: +s.toFixed(1),
        rowsPerSecond: Math.round(N / s),
        peakRssMb: peakRssMb(),
      }),
    );
  } finally {
    await drop();
  }
}
rmSync(dir, { recursive: true, force: true });
