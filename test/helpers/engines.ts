// Runs a suite on both real engines: a fresh SQLite file and a fresh PostgreSQL database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrations/index.ts';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export interface TestDatabase extends Database {
  /** A connection string or file that another process (a CLI run, a server) can open. */
  target: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
}

export function pgAvailable(): boolean {
  return inject('pgAdminUrl') !== null;
}

/** A fresh, migrated database on the given engine. `close()` also deletes it. */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'assent-sqlite-'));
    const file = join(dir, 'test.db');
    const database = openDatabase({ kind: 'sqlite', file });
    if (migrate) await migrateToLatest(database.db);
    return {
      ...database,
      target: { kind: 'sqlite', file },
      async close() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = inject('pgAdminUrl');
  if (!admin) throw new Error('PostgreSQL is not available for tests');
  const name = `assent_t_${randomBytes(6).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`create database ${name}`);
  await adminClient.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  if (migrate) await migrateToLatest(database.db);
  return {
    ...database,
    target: { kind: 'postgres', url: url.toString() },
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * describe() once per engine. The body gets a getter for that engine's fresh database.
 * PostgreSQL suites are skipped (loudly, in global setup) only when no server could be had
 * outside CI.
 */
export function describeEachEngine(title: string, body: (db: () => TestDatabase, engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe.skipIf(engine === 'postgres' && !pgAvailable())(`${title} [${engine}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, engine);
    });
  }
}
