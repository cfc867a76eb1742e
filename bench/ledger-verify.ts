// `assent ledger verify` over 1,000,000 consent events (CON-08), on SQLite and PostgreSQL.
// Target: ≥ 200,000 events/s. The chain is built with the ledger's own hashing and written in
// bulk; then the real CLI runs as a child process (fresh memory) with 1 worker and with the
// default (one per core), and its own "checked in X s" figure is reported. A smaller sample
// also measures appending through ConsentService.record (hash chain + projection). Reference
// floors print first: the raw read alone, SHA-256 alone, and the two one after the other.
// Usage: node bench/ledger-verify.ts [sqlite|postgres|both] [events]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { CHAIN_ROW_FIELDS, GENESIS_HASH, ROW, canonicalRowJson, eventHash, sha256Hex } from '../src/core/consent/canonical.ts';
import { createConsentService, MAX_EVENTS_PER_APPEND } from '../src/core/consent/ledger.ts';
import type { ConsentEvent, NewConsentEvent } from '../src/core/consent/types.ts';
import type { Database } from '../src/db/database.ts';
import { createConsentStore, toEventRow } from '../src/db/repositories/consent.ts';
import { benchAccount, benchDatabase, engines } from './permission-fixtures.ts';

const N = Number(process.argv[3] ?? 1_000_000);
const APPEND_SAMPLE = 50_000;
const CONTACTS = 10_000;
const ROWS_PER_INSERT = 400;
const TEXT = 'Yes, send me the weekly Bench newsletter by email. I can unsubscribe at any time with the link in every message.';
const NOW = '2026-06-01T00:00:00.000Z';
const root = new URL('..', import.meta.url).pathname;

async function seedBase(database: Database, accountId: string) {
  await database.db
    .insertInto('lists')
    .values({
      id: `${accountId}-list`,
      account_id: accountId,
      name: 'Bench',
      purpose_text: 'Bench',
      channel: 'email',
      frequency: 'weekly',
      double_opt_in: 1,
      sender_name: 'B',
      created_at: NOW,
      archived_at: null,
    })
    .execute();
  for (let start = 0; start < CONTACTS; start += 1_000) {
    await database.db
      .insertInto('contacts')
      .values(
        Array.from({ length: 1_000 }, (_, k) => ({
          id: `${accountId}-c${start + k}`,
          account_id: accountId,
          email: `u${start + k}@example.com`,
          phone: null,
          email_hash: null,
          phone_hash: null,
          attributes: '{}',
          language: null,
          time_zone: null,
          created_at: NOW,
          erased_at: null,
        })),
      )
      .execute();
  }
}

/** Writes a valid chain of `count` events in bulk (the ledger's hashing, no projection). */
async function seedChain(database: Database, accountId: string, count: number) {
  const textHash = sha256Hex(TEXT);
  let prevHash = GENESIS_HASH;
  for (let start = 0; start < count; start += 10_000) {
    const events: ConsentEvent[] = [];
    for (let i = start; i < Math.min(start + 10_000, count); i++) {
      const fields: Omit<ConsentEvent, 'hash'> = {
        seq: i + 1,
        id: randomUUID(),
        accountId,
        contactId: `${accountId}-c${i % CONTACTS}`,
        listId: `${accountId}-list`,
        channel: 'email',
        kind: i % 7 === 3 ? 'withdrawn' : 'granted',
        sourceType: 'form',
        sourceId: `sub-${i}`,
        formId: 'form-1',
        formVersion: 1,
        textShown: TEXT,
        textHash,
        partners: [],
        ip: '203.0.113.5',
        userAgent: 'Mozilla/5.0 (bench)',
        language: 'en',
        occurredAt: NOW,
        confirmedAt: null,
        confirmIp: null,
        confirmUserAgent: null,
        evidence: {},
        prevHash,
      };
      const e = { ...fields, hash: eventHash(fields) };
      prevHash = e.hash;
      events.push(e);
    }
    await database.db.transaction().execute(async (trx) => {
      for (let k = 0; k < events.length; k += ROWS_PER_INSERT)
        await trx
          .insertInto('consent_events')
          .values(events.slice(k, k + ROWS_PER_INSERT).map(toEventRow))
          .execute();
    });
  }
  await database.db
    .insertInto('consent_chain_heads')
    .values({ account_id: accountId, last_seq: count, last_hash: prevHash })
    .execute();
}

const FLOOR_PAGE = 5_000;

/**
 * The reference floors, in this process: (a) the raw read, the same columns streamed as arrays
 * with no validation or hashing; (b) SHA-256 alone over the same strings the verifier hashes
 * (prevHash + canonical JSON, built untimed per page), without the database read.
 */
async function floors(database: Database, engine: string, accountId: string) {
  const columns = CHAIN_ROW_FIELDS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(', ');
  const text = `select ${columns} from consent_events where account_id = $1 order by seq`;
  let readSeconds = 0;
  let hashSeconds = 0;
  let n = 0;
  const hashPage = (rows: unknown[][]) => {
    const strings = rows.map((r) => {
      const copy = [...r];
      copy[ROW.partners] = JSON.parse(copy[ROW.partners] as string);
      copy[ROW.evidence] = JSON.parse(copy[ROW.evidence] as string);
      copy[ROW.seq] = Number(copy[ROW.seq]);
      return (r[ROW.prevHash] as string) + canonicalRowJson(copy);
    });
    const t = performance.now();
    for (const s of strings) sha256Hex(s);
    hashSeconds += (performance.now() - t) / 1000;
  };
  const raw = database.raw;
  if (raw.engine === 'sqlite') {
    let page: unknown[][] = [];
    let t = performance.now();
    for (const row of raw.sqlite.prepare(text.replace('$1', '?')).raw(true).iterate(accountId) as IterableIterator<unknown[]>) {
      page.push(row);
      if (page.length === FLOOR_PAGE) {
        readSeconds += (performance.now() - t) / 1000;
        n += page.length;
        hashPage(page);
        page = [];
        t = performance.now();
      }
    }
    readSeconds += (performance.now() - t) / 1000;
    n += page.length;
    hashPage(page);
  } else {
    const client = await raw.pool.connect();
    try {
      await client.query('begin');
      await client.query({ text: `declare floor_cursor no scroll cursor for ${text}`, values: [accountId] });
      for (;;) {
        const t = performance.now();
        const r = await client.query<unknown[]>({ text: `fetch ${FLOOR_PAGE} from floor_cursor`, rowMode: 'array' });
        readSeconds += (performance.now() - t) / 1000;
        n += r.rows.length;
        hashPage(r.rows);
        if (r.rows.length < FLOOR_PAGE) break;
      }
      await client.query('commit');
    } finally {
      client.release();
    }
  }
  const read = Math.round(n / readSeconds);
  const hashed = Math.round(n / hashSeconds);
  const serial = Math.round(n / (readSeconds + hashSeconds));
  console.log(
    JSON.stringify({
      bench: 'ledger-verify',
      engine,
      mode: 'reference floors',
      events: n,
      rawReadEventsPerSecond: read,
      sha256OnlyEventsPerSecond: hashed,
      readThenHashEventsPerSecond: serial,
    }),
  );
  return serial;
}

for (const engine of engines(process.argv[2])) {
  const { database, target, drop } = await benchDatabase(engine);
  try {
    // 1. Appending through the service (a sample, in its own account).
    const sampleAccount = await benchAccount(database, 'bench-append');
    await seedBase(database, sampleAccount);
    const consent = createConsentService({ store: createConsentStore(database), clock: { now: () => new Date(NOW) } });
    let t = performance.now();
    for (let start = 0; start < APPEND_SAMPLE; start += MAX_EVENTS_PER_APPEND) {
      const batch: NewConsentEvent[] = Array.from({ length: Math.min(MAX_EVENTS_PER_APPEND, APPEND_SAMPLE - start) }, (_, k) => ({
        contactId: `${sampleAccount}-c${(start + k) % CONTACTS}`,
        listId: `${sampleAccount}-list`,
        channel: 'email',
        kind: 'granted',
        sourceType: 'form',
        textShown: TEXT,
        ip: '203.0.113.5',
        userAgent: 'Mozilla/5.0 (bench)',
        language: 'en',
      }));
      await consent.record(sampleAccount, batch);
    }
    const s = (performance.now() - t) / 1000;
    console.log(
      JSON.stringify({
        bench: 'ledger-append',
        engine,
        events: APPEND_SAMPLE,
        perTransaction: MAX_EVENTS_PER_APPEND,
        seconds: +s.toFixed(1),
        eventsPerSecond: Math.round(APPEND_SAMPLE / s),
      }),
    );

    // 2. The chain to verify.
    const accountId = await benchAccount(database, 'bench-account');
    await seedBase(database, accountId);
    t = performance.now();
    await seedChain(database, accountId, N);
    console.log(
      JSON.stringify({
        bench: 'ledger-verify',
        engine,
        step: 'seed',
        events: N,
        seconds: +((performance.now() - t) / 1000).toFixed(1),
      }),
    );

    const floor = await floors(database, engine, accountId);

    // 3. The CLI, as an operator runs it.
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      ...(target.kind === 'postgres' ? { DATABASE_URL: target.url } : { SQLITE_FILE: target.file }),
    };
    for (const workers of ['1', 'default']) {
      const args = [
        'src/cli/main.ts',
        'ledger',
        'verify',
        '--account',
        accountId,
        ...(workers === '1' ? ['--workers', '1'] : []),
      ];
      const started = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
      const wall = (performance.now() - started) / 1000;
      const inner = Number(/checked in ([\d.]+) s/.exec(r.stdout)?.[1] ?? NaN);
      if (r.status !== 0) throw new Error(`ledger verify failed: ${r.stdout}${r.stderr}`);
      console.log(
        JSON.stringify({
          bench: 'ledger-verify',
          engine,
          workers,
          events: N,
          seconds: inner,
          eventsPerSecond: Math.round(N / inner),
          ofReadThenHashFloor: +(N / inner / floor).toFixed(2),
          processWallSeconds: +wall.toFixed(2),
        }),
      );
    }
  } finally {
    await drop();
  }
}
