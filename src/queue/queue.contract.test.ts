// The Queue port's contract, run on both adapters: the SQLite jobs table and pg-boss.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/engines.ts';
import { silentLogger, systemClock, type Job, type Queue } from '../core/ports.ts';
import { createQueue } from './index.ts';
import { PGBOSS_MIN_HEARTBEAT_SECONDS } from './options.ts';

const FIXTURE = fileURLToPath(new URL('./dead-worker.fixture.ts', import.meta.url));
/** Short timings so the whole file stays quick; production uses the defaults. */
const TUNING = { leaseSeconds: 2, pollIntervalMs: 100, superviseIntervalSeconds: 1 };
const WAIT_MS = 15_000;

async function waitFor(check: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachEngine('job queue', (database, engine) => {
  let queue: Queue;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    queue = createQueue(database(), { logger: silentLogger, clock: systemClock, tuning: TUNING });
    await queue.start();
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await queue.stop();
  });

  it.concurrent('delivers a sent job with its data to a worker', async () => {
    const seen: Job<{ hello: string; n: number }>[] = [];
    await queue.work<{ hello: string; n: number }>('contract-deliver', async (job) => {
      seen.push(job);
    });
    const id = await queue.send('contract-deliver', { hello: 'world', n: 42 });
    expect(id).toEqual(expect.any(String));
    await waitFor(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ id, name: 'contract-deliver', data: { hello: 'world', n: 42 }, attempt: 1 });
  });

  it.concurrent('retries a failing job with back-off until it succeeds, counting attempts', async () => {
    const attempts: number[] = [];
    let done = false;
    await queue.work('contract-retry', async (job) => {
      attempts.push(job.attempt);
      if (attempts.length < 3) throw new Error(`failure ${attempts.length}`);
      done = true;
    });
    await queue.send('contract-retry', { x: 1 }, { retryLimit: 3, retryDelaySeconds: 1 });
    await waitFor(() => done);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it.concurrent('drops a second send with the same singletonKey while the first is pending; only one runs', async () => {
    const first = await queue.send('contract-dedupe', { n: 1 }, { singletonKey: 'k1', startAfterSeconds: 1 });
    const second = await queue.send('contract-dedupe', { n: 2 }, { singletonKey: 'k1', startAfterSeconds: 1 });
    const other = await queue.send('contract-dedupe', { n: 3 }, { singletonKey: 'k2', startAfterSeconds: 1 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    const ran: number[] = [];
    await queue.work<{ n: number }>('contract-dedupe', async (job) => {
      ran.push(job.data.n);
    });
    await waitFor(() => ran.length === 2);
    await sleep(500);
    expect(ran.sort()).toEqual([1, 3]);
  });

  it.concurrent('does not run a delayed job before its time', async () => {
    const ranAt: number[] = [];
    await queue.work('contract-delay', async () => {
      ranAt.push(Date.now());
    });
    const sentAt = Date.now();
    await queue.send('contract-delay', {}, { startAfterSeconds: 3 });
    await sleep(1_500);
    expect(ranAt).toEqual([]);
    await waitFor(() => ranAt.length === 1);
    // 3 s after sending, less a little for the database clock versus ours.
    expect(ranAt[0]! - sentAt).toBeGreaterThanOrEqual(2_500);
  });

  it.concurrent('fires a cron schedule (UTC) as jobs carrying the schedule data', async () => {
    const seen: Job<{ report: string }>[] = [];
    await queue.work<{ report: string }>('contract-cron', async (job) => {
      seen.push(job);
    });
    // Every second (the optional seconds field) so the test need not wait for a minute boundary.
    await queue.schedule('contract-cron', '* * * * * *', { report: 'daily' });
    await waitFor(() => seen.length >= 1);
    expect(seen[0]!.data).toEqual({ report: 'daily' });
  });

  it.concurrent(
    'keeps a job that runs longer than its lease with the heartbeat: it runs once, to completion',
    async () => {
      // The lease as the adapter applies it (pg-boss refuses heartbeats under 10 s).
      const leaseSeconds =
        engine === 'postgres' ? Math.max(PGBOSS_MIN_HEARTBEAT_SECONDS, TUNING.leaseSeconds) : TUNING.leaseSeconds;
      const starts: number[] = [];
      let finished = 0;
      await queue.work('contract-long', async (job) => {
        starts.push(job.attempt);
        await sleep(leaseSeconds * 1_500);
        finished += 1;
      });
      await queue.send('contract-long', {}, { retryLimit: 3, retryDelaySeconds: 0 });
      await waitFor(() => finished === 1, leaseSeconds * 4_000);
      await sleep(1_000);
      expect(starts).toEqual([1]);
    },
    90_000,
  );

  /** Starts the dead-worker fixture, lets it claim one job of `name`, then kills it (SIGKILL). */
  async function jobOfKilledWorker(name: string, leaseSeconds: number, workerId: string): Promise<string | null> {
    const target = database().target;
    const child = spawn(process.execPath, [FIXTURE, JSON.stringify(target), name, String(leaseSeconds), workerId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await waitFor(() => out.includes('ready'));
    const id = await queue.send(name, { step: 'resume' }, { retryLimit: 3, retryDelaySeconds: 0 });
    await waitFor(() => out.includes(`claimed ${id} 1`));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    return id;
  }

  it.concurrent(
    'a restarted worker reclaims the jobs its killed predecessor held at once, long before the lease lapses',
    async () => {
      // A lease far longer than the test may wait: only the reclaim by worker identity can explain a resume.
      const leaseSeconds = 120;
      const id = await jobOfKilledWorker('contract-restart', leaseSeconds, 'worker-restart');
      const restarted = createQueue(database(), {
        logger: silentLogger,
        clock: systemClock,
        workerId: 'worker-restart',
        tuning: { ...TUNING, leaseSeconds },
      });
      const killedAt = Date.now();
      try {
        await restarted.start();
        const resumed: Job<{ step: string }>[] = [];
        await restarted.work<{ step: string }>('contract-restart', async (job) => {
          resumed.push(job);
        });
        await waitFor(() => resumed.length === 1, 10_000);
        expect(Date.now() - killedAt).toBeLessThan(10_000);
        expect(resumed[0]).toMatchObject({ id, data: { step: 'resume' } });
        expect(resumed[0]!.attempt).toBeGreaterThanOrEqual(2);
      } finally {
        await restarted.stop();
      }
    },
  );

  it.concurrent(
    'resumes a job whose worker was killed mid-run and never came back, once its lease lapses',
    async () => {
      const id = await jobOfKilledWorker('contract-dead', TUNING.leaseSeconds, 'dead-worker');

      const resumed: Job<{ step: string }>[] = [];
      await queue.work<{ step: string }>('contract-dead', async (job) => {
        resumed.push(job);
      });
      // pg-boss's heartbeat is at least 10 s, plus a supervisor pass.
      await waitFor(() => resumed.length === 1, 30_000);
      expect(resumed[0]).toMatchObject({ id, data: { step: 'resume' } });
      expect(resumed[0]!.attempt).toBeGreaterThanOrEqual(2);
    },
    60_000,
  );
});
