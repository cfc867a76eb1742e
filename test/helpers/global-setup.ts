// Finds or starts the PostgreSQL server the tests use, once per run.
// - TEST_DATABASE_URL given: used as the admin connection; each test file creates its own fresh
//   database on it and drops it afterwards.
// - otherwise: a throwaway cluster (initdb + pg_ctl) on a free loopback port, removed at the end.
// - neither possible: PostgreSQL tests are skipped with a loud notice; under CI=true that is a
//   failure instead.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
  }
}

let stopCluster: (() => void) | null = null;

export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL ?? null;
  if (!url) {
    try {
      url = await startThrowawayCluster();
    } catch (err) {
      const msg = `PostgreSQL unavailable for tests: ${(err as Error).message}`;
      if (process.env.CI === 'true') throw new Error(`${msg} (CI=true: this is a failure, not a skip)`);
      process.stderr.write(`\n\x1b[41m\x1b[37m ${msg}: PostgreSQL tests will be SKIPPED \x1b[0m\n\n`);
    }
  }
  project.provide('pgAdminUrl', url);
}

export async function teardown() {
  stopCluster?.();
}

function which(bin: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${bin} || ls /usr/lib/postgresql/*/bin/${bin} 2>/dev/null | tail -n 1`], {
    encoding: 'utf8',
  });
  const out = r.stdout.trim().split('\n').pop();
  return out ? out : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function startThrowawayCluster(): Promise<string> {
  const initdb = which('initdb');
  const pgCtl = which('pg_ctl');
  if (!initdb || !pgCtl) throw new Error('initdb/pg_ctl not found');
  const dir = mkdtempSync(join(tmpdir(), 'assent-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: run its tools as the postgres user when we are root.
  const asPg = (bin: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' })
      : execFileSync(bin, args, { stdio: 'pipe' });
  asPg(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  asPg(pgCtl, [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
    'start',
  ]);
  stopCluster = () => {
    try {
      asPg(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
