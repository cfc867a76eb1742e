// Opens the one typed query layer (Kysely) over either engine: better-sqlite3 for the embedded
// mode, pg for PostgreSQL. Nothing here runs on import.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { DB } from './schema/index.ts';

export type Engine = 'sqlite' | 'postgres';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** PostgreSQL only: the connection string, for pg-boss (src/queue/pgboss-queue.ts). */
  url?: string;
  /**
   * The driver under Kysely, for the few hot read paths that stream rows as arrays (better-sqlite3
   * `.raw()`, pg `rowMode: 'array'`) instead of building one object per row (ledger verify, the
   * send gate). Everything else goes through `db`.
   */
  raw: RawConnection;
  /**
   * Runs `fn` as one unit of work: every query made through `db` while it runs (by any
   * repository, in its async call chain) goes to the same transaction, committed when `fn`
   * resolves and rolled back when it throws. A call inside a running unit joins it.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** The open transaction of the current unit of work, if any (pg-boss sends its insert through it). */
  currentTransaction(): Transaction<DB> | null;
  close(): Promise<void>;
}

// PostgreSQL int8 (count(*), bigint columns) comes back as a string by default; our counts and
// sequence numbers stay far below 2^53, so parse them as numbers on both engines alike.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export type RawConnection = { engine: 'sqlite'; sqlite: SQLite.Database } | { engine: 'postgres'; pool: pg.Pool };

export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
export const SQLITE_CACHE_KIB = 64 * 1024;
export const PG_POOL_SIZE = 10;
/** WAL pages at which the connection checkpoints by itself (fallback; 4 KiB pages: about 40 MB). */
export const SQLITE_WAL_CHECKPOINT_PAGES = 10_000;
/** WAL size from which the background checkpoint thread starts (small databases never need it). */
export const SQLITE_BACKGROUND_CHECKPOINT_BYTES = 4 * 1024 * 1024;
/** How often the WAL size is looked at, and the background thread checkpoints. */
export const SQLITE_CHECKPOINT_INTERVAL_MS = 500;
/** The background thread's next try when a busy writer kept it from copying the whole WAL. */
export const SQLITE_CHECKPOINT_CATCH_UP_MS = 20;
/** While the thread runs, the connection checkpoints by itself only past this many pages (about 400 MB). */
export const SQLITE_WAL_FALLBACK_CHECKPOINT_PAGES = 100_000;
/** How long close() waits for the checkpoint thread to finish its current checkpoint. */
export const SQLITE_CHECKPOINT_STOP_MS = 5_000;

export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const raw = new SQLite(target.file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // The default 2 MB page cache thrashes on the random-key indexes (UUIDs, e-mail addresses)
    // of bulk writes; 64 MB keeps their upper levels resident.
    raw.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    raw.pragma('temp_store = MEMORY');
    // Checkpoints (copying the WAL back into the database file, with two syncs) run on a
    // background thread once the WAL grows (backgroundCheckpoints); the connection's own
    // automatic checkpoint, which would stall every request behind the syncs, is only the
    // fallback should that thread fall behind.
    raw.pragma(`wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`);
    const cached = withStatementCache(raw);
    const root = new Kysely<DB>({ dialect: new SqliteDialect({ database: cached }) });
    const checkpoints = target.file === ':memory:' ? null : backgroundCheckpoints(target.file, raw);
    const close = async () => {
      await checkpoints?.stop();
      await root.destroy();
      // Kysely closes the handle only if it ran a query itself: one used only raw is closed here.
      if (raw.open) raw.close();
    };
    return { ...unitOfWork(root), engine: 'sqlite', raw: { engine: 'sqlite', sqlite: cached }, close };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? PG_POOL_SIZE });
  // An idle client that loses its server must not crash the process; the next query fails instead.
  pool.on('error', () => {});
  const root = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // Kysely ends the pool only if it ran a query itself; a pool used only raw (a ledger-verify
  // worker) would otherwise keep idle connections, and the process, alive until they time out.
  const close = async () => {
    await root.destroy();
    if (!pool.ended) await pool.end();
  };
  return { ...unitOfWork(root), engine: 'postgres', url: target.url, raw: { engine: 'postgres', pool }, close };
}

// The checkpoint thread: its own connection to the file, PASSIVE checkpoints (never blocking the
// writer or readers) at a fixed interval until told to stop.
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let timer;
const tick = () => {
  let behind = false;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    behind = r.log > r.checkpointed;
  } catch {}
  // Behind a busy writer: go again soon, so the WAL is at some point fully copied and restarts.
  timer = setTimeout(tick, behind ? workerData.catchUpMs : workerData.intervalMs);
};
timer = setTimeout(tick, 0);
parentPort.once('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves WAL checkpoints off the event loop (a busy writer otherwise stalls every few hundred
 * commits for the checkpoint's syncs: p99 latency of form sign-ups, import batches). Started
 * only when the WAL passes SQLITE_BACKGROUND_CHECKPOINT_BYTES, so short-lived and small
 * databases (tests, CLI commands) never start a thread.
 */
function backgroundCheckpoints(file: string, connection: SQLite.Database): { stop(): Promise<void> } {
  let worker: Worker | null = null;
  const poll = setInterval(() => {
    let size = 0;
    try {
      size = statSync(`${file}-wal`).size;
    } catch {
      return;
    }
    if (size < SQLITE_BACKGROUND_CHECKPOINT_BYTES) return;
    clearInterval(poll);
    worker = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: {
        file,
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        intervalMs: SQLITE_CHECKPOINT_INTERVAL_MS,
        catchUpMs: SQLITE_CHECKPOINT_CATCH_UP_MS,
      },
    });
    // If the thread dies, the connection checkpoints by itself again.
    worker.on('error', () => connection.pragma(`wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`));
    worker.unref();
    connection.pragma(`wal_autocheckpoint = ${SQLITE_WAL_FALLBACK_CHECKPOINT_PAGES}`);
  }, SQLITE_CHECKPOINT_INTERVAL_MS);
  poll.unref();
  return {
    async stop() {
      clearInterval(poll);
      const w = worker;
      worker = null;
      if (!w) return;
      w.ref(); // keep the process alive until the thread has closed its connection
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage('stop');
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => (timeout = setTimeout(resolve, SQLITE_CHECKPOINT_STOP_MS)))]);
      clearTimeout(timeout);
      await w.terminate();
    },
  };
}

interface OpenUnit {
  trx: Transaction<DB>;
  open: boolean;
}

/**
 * The unit of work behind `Database.transaction`: `db` is a view of the root Kysely instance
 * that sends queries to the transaction of the unit running in the caller's async context
 * (AsyncLocalStorage, one per database). Repositories keep calling `db.…`; a caller groups
 * several of them into one commit (a form sign-up: contact, consent, outbox, job). A unit that
 * has ended is never used again, even by timers started inside it.
 */
function unitOfWork(root: Kysely<DB>): Pick<Database, 'db' | 'transaction' | 'currentTransaction'> {
  const units = new AsyncLocalStorage<OpenUnit>();
  const current = (): Transaction<DB> | null => {
    const u = units.getStore();
    return u?.open ? u.trx : null;
  };
  const db = new Proxy(root, {
    get(target, prop) {
      const trx = current();
      // Kysely cannot nest transactions: a repository's own transaction() inside a unit joins it.
      if (trx && prop === 'transaction') return () => joined(trx);
      const self = trx ?? target;
      const value: unknown = Reflect.get(self, prop, self);
      // Kysely keeps its state in private fields: methods must run on the real instance. A
      // callable that carries properties (`db.fn`, the function module: fn.countAll, fn.sum …)
      // keeps them on its bound copy.
      if (typeof value !== 'function') return value;
      const bound = (value as (...a: unknown[]) => unknown).bind(self);
      return Object.keys(value).length > 0 ? Object.assign(bound, value) : bound;
    },
  });
  return {
    db,
    currentTransaction: current,
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      if (current()) return fn();
      return root.transaction().execute(async (trx) => {
        const unit: OpenUnit = { trx, open: true };
        try {
          return await units.run(unit, fn);
        } finally {
          unit.open = false;
        }
      });
    },
  };
}

function joined(trx: Transaction<DB>) {
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    execute: <T>(fn: (t: Transaction<DB>) => Promise<T>): Promise<T> => fn(trx),
  };
  return builder;
}

/** Prepared statements kept per SQLite connection (LRU by SQL text). */
export const SQLITE_STATEMENT_CACHE_SIZE = 1_000;

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running a small
 * statement. The same SQL text gets the same prepared statement back. Safe because Kysely runs
 * one query at a time on the single connection (streams hold it until they finish), and SQLite
 * re-prepares a statement by itself after a schema change.
 */
function withStatementCache(raw: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
    } else {
      stmt = raw.prepare(source);
      if (cache.size >= SQLITE_STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(raw, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** True when the database answers a trivial query (for /readyz and `assent doctor`). */
export async function ping(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
