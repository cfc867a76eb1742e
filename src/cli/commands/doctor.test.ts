// `assent doctor`: the checklist and its exit code, against a real SQLite file and SMTP server.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpCapture } from '../../../test/helpers/smtp.ts';
import { testConfig } from '../../config/config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrations/index.ts';
import { doctor } from './doctor.ts';

async function runDoctor(config: Parameters<typeof doctor>[0]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await doctor(config, (t) => (out += t), { smtpTimeoutMs: 2_000 });
  return { code, out };
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  return typeof addr === 'object' && addr ? addr.port : 1;
}

describe('assent doctor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assent-doctor-'));
  const file = join(dir, 'assent.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails while the database file does not exist, without creating it', async () => {
    const { code, out } = await runDoctor(testConfig({ database: { kind: 'sqlite', file } }));
    expect(code).toBe(1);
    expect(out).toContain('✗ database reachable: no database file');
  });

  it('exits 1 naming the pending migrations, then 0 once migrated', async () => {
    const database = openDatabase({ kind: 'sqlite', file });
    await database.close();
    const config = testConfig({ database: { kind: 'sqlite', file } });
    const before = await runDoctor(config);
    expect(before.code).toBe(1);
    expect(before.out).toContain('✓ database reachable');
    expect(before.out).toMatch(/✗ migrations applied: \d+ pending migration\(s\) \(0001_accounts.*run `assent migrate`/);
    expect(before.out).toContain('not configured: system mail stays in the outbox');

    const migrating = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(migrating.db);
    await migrating.close();
    const after = await runDoctor(config);
    expect(after.out).toContain('✓ migrations applied: no pending migrations');
    expect(after.out).toContain('all required checks passed');
    expect(after.code).toBe(0);
  });

  it('verifies a configured SMTP relay and fails when it does not answer', async () => {
    const smtp = await startSmtpCapture();
    try {
      const up = await runDoctor(testConfig({ database: { kind: 'sqlite', file }, smtpUrl: smtp.url }));
      expect(up.out).toContain('✓ SMTP relay reachable');
      expect(up.code).toBe(0);
    } finally {
      await smtp.close();
    }
    const down = await runDoctor(
      testConfig({ database: { kind: 'sqlite', file }, smtpUrl: `smtp://127.0.0.1:${await closedPort()}` }),
    );
    expect(down.out).toContain('✗ SMTP relay reachable');
    expect(down.code).toBe(1);
  });

  it('requires ASSENT_SECRET on PostgreSQL', async () => {
    const { code, out } = await runDoctor(
      testConfig({
        database: { kind: 'postgres', url: `postgres://nobody@127.0.0.1:${await closedPort()}/none` },
        secret: undefined,
      }),
    );
    expect(out).toContain('✗ secret present: ASSENT_SECRET is required on PostgreSQL');
    expect(out).toContain('✗ database reachable');
    expect(code).toBe(1);
  });
});
