// The send gate over a 1,000,000-contact list (DEL-01), on SQLite and PostgreSQL: decisions/s of
// the streaming dry run and of authorizeSend in batches, and peak RSS (the dry run must stay
// flat). Target: ≥ 200,000 decisions/s. Prints one JSON line per measurement, first the reference
// floor (the list's rows read raw, no decisions) so that `ofFloor` shows what the gate's logic costs.
// Usage: node bench/authorize-send.ts [sqlite|postgres|both] [contacts]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { createGateService } from '../src/core/gate/service.ts';
import { silentLogger } from '../src/core/ports.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../src/db/database.ts';
import { createGateStore } from '../src/db/repositories/gate.ts';
import { benchAccount, benchDatabase, cpuSince, engines, peakRssMb, rssMb } from './permission-fixtures.ts';

const N = Number(process.argv[3] ?? 1_000_000);
const INSERT_CHUNK = 1_000; // 11 columns × 1,000 rows stays under SQLite's parameter bound
const BATCH = 5_000;

const pad = (i: number) => `c${String(i).padStart(8, '0')}`;
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

async function seed(database: Database, accountId: string, listId: string) {
  const now = '2026-06-01T00:00:00.000Z';
  await database.db
    .insertInto('lists')
    .values({
      id: listId,
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
  for (let start = 0; start < N; start += INSERT_CHUNK) {
    const ids = Array.from({ length: Math.min(INSERT_CHUNK, N - start) }, (_, k) => start + k);
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('contacts')
        .values(
          ids.map((i) => ({
            id: pad(i),
            account_id: accountId,
            email: `u${i}@example.com`,
            phone: null,
            email_hash: hash(`u${i}@example.com`),
            phone_hash: null,
            attributes: '{}',
            language: null,
            time_zone: null,
            created_at: now,
            erased_at: null,
          })),
        )
        .execute();
      await trx
        .insertInto('consent_state')
        .values(
          ids.map((i) => ({
            account_id: accountId,
            contact_id: pad(i),
            list_id: listId,
            channel: 'email',
            status: i % 50 === 0 ? 'withdrawn' : 'active',
            granted_at: now,
            confirmed_at: now,
            last_event_seq: i + 1,
            last_sent_at: null,
            hold: null,
          })),
        )
        .execute();
      // 1% suppressed
      const sup = ids.filter((i) => i % 100 === 7);
      if (sup.length)
        await trx
          .insertInto('suppressions')
          .values(
            sup.map((i) => ({
              account_id: accountId,
              address_hash: hash(`u${i}@example.com`),
              reason: 'hard-bounce',
              created_at: now,
            })),
          )
          .execute();
    });
  }
}

/**
 * The reference floor: the same consent_state rows read raw and streamed (a plain SELECT, rows as
 * arrays, no join, no decisions): what reading the list costs before any gate logic.
 */
async function rawRead(database: Database, accountId: string, listId: string): Promise<number> {
  const text =
    'select contact_id, status, granted_at, confirmed_at, last_sent_at, hold from consent_state where account_id = $1 and list_id = $2 and channel = $3 order by contact_id';
  const raw = database.raw;
  let n = 0;
  if (raw.engine === 'sqlite') {
    for (const _row of raw.sqlite.prepare(text.replace(/\$\d/g, '?')).raw(true).iterate(accountId, listId, 'email')) n++;
    return n;
  }
  const client = await raw.pool.connect();
  try {
    await client.query('begin');
    await client.query({ text: `declare floor_cursor no scroll cursor for ${text}`, values: [accountId, listId, 'email'] });
    for (;;) {
      const r = await client.query({ text: `fetch ${BATCH} from floor_cursor`, rowMode: 'array' });
      n += r.rows.length;
      if (r.rows.length < BATCH) break;
    }
    await client.query('commit');
  } finally {
    client.release();
  }
  return n;
}

async function measure(database: Database, engine: string, accountId: string, listId: string) {
  const gate = createGateService({
    store: createGateStore(database),
    standing: { assertServiceAllowed: async () => {} },
    clock: { now: () => new Date('2026-07-01T00:00:00.000Z') },
    logger: silentLogger,
  });
  // The dry run first, in the fresh process: its RSS before and after show its own footprint.
  const rssBefore = rssMb();
  let t = performance.now();
  let cpu = process.cpuUsage();
  const report = await gate.dryRun(accountId, listId);
  let s = (performance.now() - t) / 1000;
  const dryRunSeconds = s;
  console.log(
    JSON.stringify({
      bench: 'authorize-send',
      engine,
      mode: 'dry-run (keyset pages of 5,000)',
      decisions: report.total,
      allowed: report.allowed,
      seconds: +s.toFixed(2),
      processCpuSeconds: cpuSince(cpu),
      decisionsPerSecond: Math.round(report.total / s),
      rssBeforeMb: rssBefore,
      rssAfterMb: rssMb(),
      peakRssMb: peakRssMb(),
    }),
  );
  t = performance.now();
  cpu = process.cpuUsage();
  const floorRows = await rawRead(database, accountId, listId);
  const floorSeconds = (performance.now() - t) / 1000;
  const floorPerSecond = Math.round(floorRows / floorSeconds);
  console.log(
    JSON.stringify({
      bench: 'authorize-send',
      engine,
      mode: "reference floor: raw streamed SELECT of the list's consent_state rows, no decisions",
      rows: floorRows,
      seconds: +floorSeconds.toFixed(2),
      processCpuSeconds: cpuSince(cpu),
      rowsPerSecond: floorPerSecond,
      dryRunOfFloor: +(report.total / dryRunSeconds / floorPerSecond).toFixed(2),
    }),
  );
  t = performance.now();
  cpu = process.cpuUsage();
  let decided = 0;
  for (let start = 0; start < N; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, N - start) }, (_, k) => pad(start + k));
    decided += (await gate.authorizeSend({ accountId, listId, channel: 'email', contactIds: ids })).size;
  }
  s = (performance.now() - t) / 1000;
  console.log(
    JSON.stringify({
      bench: 'authorize-send',
      engine,
      mode: `authorizeSend (batches of ${BATCH})`,
      decisions: decided,
      seconds: +s.toFixed(2),
      processCpuSeconds: cpuSince(cpu),
      decisionsPerSecond: Math.round(decided / s),
      ofFloor: +(decided / s / floorPerSecond).toFixed(2),
      peakRssMb: peakRssMb(),
    }),
  );
}

if (process.argv[2] === '--measure') {
  // The measuring child: a fresh process, so RSS shows the gate's own footprint, not the seeding's.
  const target = JSON.parse(process.argv[4]!) as DatabaseTarget;
  const database = openDatabase(target);
  try {
    await measure(database, target.kind, 'bench-account', 'bench-list');
  } finally {
    await database.close();
  }
} else {
  for (const engine of engines(process.argv[2])) {
    const { database, target, drop } = await benchDatabase(engine);
    try {
      const accountId = await benchAccount(database, 'bench-account');
      const t = performance.now();
      await seed(database, accountId, 'bench-list');
      if (engine === 'postgres') await sql`analyze`.execute(database.db);
      console.log(
        JSON.stringify({
          bench: 'authorize-send',
          engine,
          step: 'seed',
          contacts: N,
          seconds: +((performance.now() - t) / 1000).toFixed(1),
        }),
      );
      const child = spawnSync(
        process.execPath,
        [new URL(import.meta.url).pathname, '--measure', String(N), JSON.stringify(target)],
        { stdio: 'inherit' },
      );
      if (child.status !== 0) throw new Error(`measuring child failed (${child.status})`);
    } finally {
      await drop();
    }
  }
}
