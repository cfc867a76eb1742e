// Shared set-up for the permission-core benchmarks: a database of either engine (PostgreSQL
// from BENCH_DATABASE_URL, else a throwaway initdb cluster as the tests use), migrated.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseTarget, type Engine } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations/index.ts';
import { setup, teardown } from '../test/helpers/global-setup.ts';

export interface BenchDb {
  database: Database;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export async function benchDatabase(engine: Engine): Promise<BenchDb> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'assent-bench-'));
    const target = { kind: 'sqlite' as const, file: join(dir, 'bench.db') };
    const database = openDatabase(target);
    await migrateToLatest(database.db);
    return {
      database,
      target,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  let admin = process.env.BENCH_DATABASE_URL ?? null;
  let stop = async () => {};
  if (!admin) {
    let provided: string | null = null;
    await setup({
      provide: (_k: string, v: string | null) => {
        provided = v;
      },
    } as never);
    admin = provided;
    stop = async () => teardown();
  }
  if (!admin) throw new Error('no PostgreSQL: set BENCH_DATABASE_URL');
  const name = `assent_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(database.db);
  return {
    database,
    target: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      await database.close();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
      await stop();
    },
  };
}

export async function benchAccount(database: Database, id: string): Promise<string> {
  const now = new Date().toISOString();
  await database.db
    .insertInto('accounts')
    .values({
      id,
      name: id,
      postal_address: 'Bench 1',
      industry: 'retail',
      declared_sending: 'bench',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

export function engines(arg: string | undefined): Engine[] {
  return arg === 'sqlite' || arg === 'postgres' ? [arg] : ['sqlite', 'postgres'];
}

/** CPU seconds (user + system) this process spent since `start`: the database server's share is not included. */
export function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return +((d.user + d.system) / 1e6).toFixed(2);
}
