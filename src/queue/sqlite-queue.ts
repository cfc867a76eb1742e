// The Queue port on SQLite: a durable jobs table (migration 0005) polled by in-process workers.
// A claim is one UPDATE … RETURNING, atomic under SQLite's single writer, and carries a lease
// (locked_until) that the running worker renews by heartbeat, and the holder's identity
// (locked_by = WORKER_ID, lock_instance = this process). A job whose lease lapsed (its worker
// died) is claimed again; a worker that starts again under the same id reclaims its
// predecessor's jobs at once, when it registers for their queue. Schedules fire at most once per cron tick across processes: the tick is taken
// by a conditional update of job_schedules.last_tick before the job is sent.
import { sql } from 'kysely';
import { z } from 'zod';
import type { JobHandler, JobOptions, Queue } from '../core/ports.ts';
import type { Database } from '../db/database.ts';
import type { JobsTable } from '../db/schema/jobs.ts';
import { cronMatches, parseCron, tickOf } from './cron.ts';
import {
  DEFAULT_LEASE_SECONDS,
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_WORKER_ID,
  HEARTBEATS_PER_LEASE,
  SCHEDULE_CHECK_MS,
  SQLITE_POLL_INTERVAL_MS,
  STOP_GRACE_MS,
  type QueueDeps,
} from './options.ts';
import { newId as uuidV7 } from '../core/ids.ts';

/** Completed jobs are kept this long (for inspection), failed ones twice as long. */
export const COMPLETED_JOB_RETENTION_DAYS = 7;
export const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
export const MAX_ERROR_LENGTH = 2_000;

const EnvelopeSchema = z.object({ v: z.unknown() });

interface Worker {
  name: string;
  handler: JobHandler<unknown>;
  concurrency: number;
}

export function createSqliteQueue(database: Database, deps: QueueDeps): Queue {
  const { db } = database;
  const { clock, logger } = deps;
  const leaseMs = (deps.tuning?.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  const pollMs = deps.tuning?.pollIntervalMs ?? SQLITE_POLL_INTERVAL_MS;
  const workerId = deps.workerId ?? DEFAULT_WORKER_ID;
  const instance = uuidV7(clock);
  const workers: Worker[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const heartbeats = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let started = false;
  let stopped = false;
  let lastCleanup = 0;

  const iso = (ms: number) => new Date(ms).toISOString();
  const nowMs = () => clock.now().getTime();
  // A lease is a promise between processes about real seconds (is the holder alive?), so it runs
  // on the wall clock; run_at and back-offs are business time and follow the injected clock.
  const leaseNowMs = () => Date.now();

  function later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    timers.add(timer);
  }

  function track(p: Promise<void>): void {
    running.add(p);
    void p.finally(() => running.delete(p));
  }

  async function send<T>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    const now = nowMs();
    const row = await db
      .insertInto('jobs')
      .values({
        id: uuidV7(clock),
        name,
        data: JSON.stringify({ v: data }),
        state: 'created',
        singleton_key: options.singletonKey ?? null,
        attempt: 0,
        retry_limit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
        retry_delay_seconds: options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
        run_at: iso(now + (options.startAfterSeconds ?? 0) * 1000),
        locked_until: null,
        locked_by: null,
        lock_instance: null,
        last_error: null,
        created_at: iso(now),
        updated_at: iso(now),
      })
      // The partial unique index jobs_singleton_uq drops a second pending/active job with the key.
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async function claim(name: string): Promise<JobsTable | undefined> {
    const now = nowMs();
    const nowIso = iso(now);
    const next = db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', name)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'created'), eb('run_at', '<=', nowIso)]),
          // A lapsed lease: the worker holding it died (DEL-03 resumes after a killed worker).
          eb.and([eb('state', '=', 'active'), eb('locked_until', '<', iso(leaseNowMs()))]),
        ]),
      )
      .orderBy('run_at')
      .limit(1);
    return db
      .updateTable('jobs')
      .set({
        state: 'active',
        attempt: sql<number>`attempt + 1`,
        locked_until: iso(leaseNowMs() + leaseMs),
        locked_by: workerId,
        lock_instance: instance,
        updated_at: nowIso,
      })
      .where('id', '=', next)
      .returningAll()
      .executeTakeFirst();
  }

  /** Settles the attempt we hold; a no-op when the lease was lost and the job claimed again. */
  async function settle(job: JobsTable, set: Partial<Pick<JobsTable, 'state' | 'run_at' | 'last_error'>>): Promise<void> {
    await db
      .updateTable('jobs')
      .set({ ...set, locked_until: null, locked_by: null, lock_instance: null, updated_at: iso(nowMs()) })
      .where('id', '=', job.id)
      .where('state', '=', 'active')
      .where('attempt', '=', job.attempt)
      .execute();
  }

  async function failed(job: JobsTable, err: unknown): Promise<void> {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);
    if (job.attempt <= job.retry_limit) {
      // Exponential back-off: delay, 2×delay, 4×delay, …
      const delayMs = job.retry_delay_seconds * 1000 * 2 ** (job.attempt - 1);
      await settle(job, { state: 'created', run_at: iso(nowMs() + delayMs), last_error: message });
      logger.warn({ job: job.id, queue: job.name, attempt: job.attempt, err: message }, 'job failed; will retry');
    } else {
      await settle(job, { state: 'failed', last_error: message });
      logger.error({ job: job.id, queue: job.name, attempt: job.attempt, err: message }, 'job failed; no retries left');
    }
  }

  async function runOne(worker: Worker): Promise<boolean> {
    const job = await claim(worker.name);
    if (!job) return false;
    if (job.attempt > job.retry_limit + 1) {
      await failed(job, new Error('worker lost the job too many times'));
      return true;
    }
    const heartbeat = setInterval(() => {
      void db
        .updateTable('jobs')
        .set({ locked_until: iso(leaseNowMs() + leaseMs) })
        .where('id', '=', job.id)
        .where('state', '=', 'active')
        .where('attempt', '=', job.attempt)
        .execute()
        .catch((err: unknown) => logger.warn({ err, job: job.id }, 'job lease renewal failed'));
    }, leaseMs / HEARTBEATS_PER_LEASE);
    heartbeat.unref();
    heartbeats.add(heartbeat);
    try {
      const data = EnvelopeSchema.parse(JSON.parse(job.data)).v;
      await worker.handler({ id: job.id, name: job.name, data, attempt: job.attempt });
      await settle(job, { state: 'completed', last_error: null });
    } catch (err) {
      await failed(job, err);
    } finally {
      clearInterval(heartbeat);
      heartbeats.delete(heartbeat);
    }
    return true;
  }

  function loop(worker: Worker): void {
    if (stopped) return;
    track(
      (async () => {
        let didWork = false;
        try {
          didWork = await runOne(worker);
        } catch (err) {
          logger.error({ err, queue: worker.name }, 'job queue poll failed');
        }
        if (!stopped) later(() => loop(worker), didWork ? 0 : pollMs);
      })(),
    );
  }

  async function cleanup(now: number): Promise<void> {
    const day = 24 * 60 * 60 * 1000;
    await db
      .deleteFrom('jobs')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'completed'), eb('updated_at', '<', iso(now - COMPLETED_JOB_RETENTION_DAYS * day))]),
          eb.and([eb('state', '=', 'failed'), eb('updated_at', '<', iso(now - 2 * COMPLETED_JOB_RETENTION_DAYS * day))]),
        ]),
      )
      .execute();
  }

  async function checkSchedules(): Promise<void> {
    const now = clock.now();
    const rows = await db.selectFrom('job_schedules').selectAll().execute();
    for (const row of rows) {
      const cron = parseCron(row.cron);
      const tick = tickOf(cron, now);
      if (!cronMatches(cron, tick)) continue;
      const tickIso = tick.toISOString();
      if (row.last_tick !== null && row.last_tick >= tickIso) continue;
      // Whoever moves last_tick forward owns this tick: at most one job per tick across workers.
      const taken = await db
        .updateTable('job_schedules')
        .set({ last_tick: tickIso })
        .where('name', '=', row.name)
        .where((eb) => eb.or([eb('last_tick', 'is', null), eb('last_tick', '<', tickIso)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) continue;
      const data = EnvelopeSchema.parse(JSON.parse(row.data)).v;
      await send(row.name, data, { singletonKey: `${row.name}@${tickIso}` });
    }
    if (now.getTime() - lastCleanup >= CLEANUP_INTERVAL_MS) {
      lastCleanup = now.getTime();
      await cleanup(now.getTime());
    }
  }

  function scheduleLoop(): void {
    if (stopped) return;
    track(
      (async () => {
        try {
          await checkSchedules();
        } catch (err) {
          logger.error({ err }, 'job schedule check failed');
        }
        if (!stopped) later(scheduleLoop, SCHEDULE_CHECK_MS);
      })(),
    );
  }

  /**
   * Jobs of this queue still held by an earlier instance of this worker id: that instance is dead
   * (an id is never shared by two live processes), so its leases are released now.
   */
  async function reclaimOwn(name: string): Promise<void> {
    const nowIso = iso(nowMs());
    const released = await db
      .updateTable('jobs')
      .set({ state: 'created', run_at: nowIso, locked_until: null, locked_by: null, lock_instance: null, updated_at: nowIso })
      .where('name', '=', name)
      .where('state', '=', 'active')
      .where('locked_by', '=', workerId)
      .where('lock_instance', '!=', instance)
      .executeTakeFirst();
    const n = Number(released.numUpdatedRows);
    if (n > 0) logger.warn({ queue: name, worker: workerId, jobs: n }, 'reclaimed jobs of a dead instance of this worker');
  }

  function activate(worker: Worker): void {
    track(
      (async () => {
        try {
          await reclaimOwn(worker.name);
        } catch (err) {
          logger.error({ err, queue: worker.name }, 'reclaiming dead jobs failed; they resume when their lease lapses');
        }
        for (let i = 0; i < worker.concurrency; i++) loop(worker);
      })(),
    );
  }

  return {
    async start() {
      if (started || stopped) return;
      started = true;
      for (const worker of workers) activate(worker);
      scheduleLoop();
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise<void>((resolve) => {
          grace = setTimeout(resolve, STOP_GRACE_MS);
          grace.unref();
        }),
      ]);
      clearTimeout(grace);
      // Handlers still running past the grace period lose their lease; their jobs run again.
      for (const heartbeat of heartbeats) clearInterval(heartbeat);
      heartbeats.clear();
    },

    send,

    async work<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}) {
      const worker: Worker = {
        name,
        handler: handler as JobHandler<unknown>,
        concurrency: Math.max(1, options.concurrency ?? 1),
      };
      workers.push(worker);
      if (started && !stopped) activate(worker);
    },

    async schedule(name: string, cron: string, data?: unknown) {
      parseCron(cron); // refuse a malformed expression now, not at every tick
      const now = iso(nowMs());
      await db
        .insertInto('job_schedules')
        .values({ name, cron, data: JSON.stringify({ v: data ?? null }), last_tick: null, updated_at: now })
        .onConflict((oc) => oc.column('name').doUpdateSet({ cron, data: JSON.stringify({ v: data ?? null }), updated_at: now }))
        .execute();
    },
  };
}
