// SQLite-only behaviour of the jobs-table queue that the engine-neutral contract cannot drive:
// time from the injected Clock, and one job per cron tick across several workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/engines.ts';
import { manualClock } from '../../test/helpers/clock.ts';
import { silentLogger, type Queue } from '../core/ports.ts';
import { createSqliteQueue } from './sqlite-queue.ts';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SQLite job queue', () => {
  let database: TestDatabase;
  const queues: Queue[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    for (const q of queues) await q.stop();
    await database.close();
  });

  it('enqueues one job per cron tick even with several workers scheduling the same name', async () => {
    const clock = manualClock('2026-11-22T10:00:30.000Z');
    for (let i = 0; i < 3; i++) {
      const q = createSqliteQueue(database, { logger: silentLogger, clock, tuning: { pollIntervalMs: 50 } });
      queues.push(q);
      await q.schedule('tick-report', '*/5 * * * *', { kind: 'report' });
      await q.start();
    }
    const jobs = () =>
      database.db.selectFrom('jobs').select(['singleton_key', 'data']).where('name', '=', 'tick-report').execute();
    // 10:00 matches */5: exactly one job for that tick, however many workers check it.
    await waitFor(async () => (await jobs()).length >= 1);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await jobs()).map((j) => j.singleton_key)).toEqual(['tick-report@2026-11-22T10:00:00.000Z']);
    // 10:03 does not match; 10:05 does.
    clock.set('2026-11-22T10:03:10.000Z');
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await jobs()).toHaveLength(1);
    clock.set('2026-11-22T10:05:01.000Z');
    await waitFor(async () => (await jobs()).length === 2);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await jobs()).map((j) => j.singleton_key).sort()).toEqual([
      'tick-report@2026-11-22T10:00:00.000Z',
      'tick-report@2026-11-22T10:05:00.000Z',
    ]);
    expect(JSON.parse((await jobs())[0]!.data)).toEqual({ v: { kind: 'report' } });
  });

  it('holds a delayed job and a retry back-off by the injected clock', async () => {
    const clock = manualClock('2026-11-22T12:00:00.000Z');
    const q = createSqliteQueue(database, { logger: silentLogger, clock, tuning: { pollIntervalMs: 20 } });
    queues.push(q);
    const attempts: number[] = [];
    await q.work('clocked', async (job) => {
      attempts.push(job.attempt);
      if (job.attempt === 1) throw new Error('first try fails');
    });
    await q.start();
    await q.send('clocked', {}, { startAfterSeconds: 60, retryDelaySeconds: 30 });
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toEqual([]);
    clock.advance(60_000);
    await waitFor(async () => attempts.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toEqual([1]); // the retry waits 30 s of clock time
    clock.advance(30_000);
    await waitFor(async () => attempts.length === 2);
    const row = () =>
      database.db.selectFrom('jobs').select(['state', 'attempt']).where('name', '=', 'clocked').executeTakeFirstOrThrow();
    await waitFor(async () => (await row()).state === 'completed');
    expect(await row()).toEqual({ state: 'completed', attempt: 2 });
  });
  it("keeps a running job's lease on the wall clock: business time jumping ahead hands it to no one else", async () => {
    const clock = manualClock('2026-11-22T10:00:00.000Z');
    const tuning = { pollIntervalMs: 50, leaseSeconds: 2 };
    const a = createSqliteQueue(database, { logger: silentLogger, clock, workerId: 'lease-a', tuning });
    const b = createSqliteQueue(database, { logger: silentLogger, clock, workerId: 'lease-b', tuning });
    queues.push(a, b);
    let release: () => void = () => {};
    const runs: string[] = [];
    await a.work('lease-wall', async () => {
      runs.push('a');
      await new Promise<void>((r) => (release = r));
    });
    await a.start();
    await a.send('lease-wall', {});
    await waitFor(async () => runs.length === 1);
    clock.advance(24 * 60 * 60 * 1000); // a test (or a clock step) moves business time by a day
    await b.work('lease-wall', async () => {
      runs.push('b');
    });
    await b.start();
    await new Promise((r) => setTimeout(r, 500));
    expect(runs).toEqual(['a']);
    release();
  });
});
