// The Queue port on PostgreSQL: pg-boss 12 in its own schema ('pgboss'). Every queue uses the
// 'exclusive' policy, so a singletonKey is unique among created/retry/active jobs of a queue;
// a job sent without a key gets a random one so that it never collides. A running job heartbeats
// (queue heartbeatSeconds: pg-boss's worker refreshes it, its supervisor retries a job whose
// heartbeat stopped), so a dead worker's job is retried within a short lease; expireInSeconds only
// caps one run. Who runs a job is kept in job_owners (migration 0007): a worker that starts again
// under the same WORKER_ID fails its dead predecessor's jobs at once, which sends them to retry.
// pg-boss evaluates schedules once per tick across instances.
import { randomUUID } from 'node:crypto';
// Loaded on first use: the embedded (SQLite) mode never pays for pg-boss at start-up.
import type { PgBoss, SendOptions } from 'pg-boss';
import { CompiledQuery } from 'kysely';
import { z } from 'zod';
import type { JobHandler, JobOptions, Queue } from '../core/ports.ts';
import type { Database } from '../db/database.ts';
import { parseCron } from './cron.ts';
import {
  DEFAULT_LEASE_SECONDS,
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_WORKER_ID,
  MAX_JOB_RUN_SECONDS,
  PGBOSS_MIN_HEARTBEAT_SECONDS,
  PGBOSS_POLL_INTERVAL_MS,
  STOP_GRACE_MS,
  type Envelope,
  type QueueDeps,
} from './options.ts';

export const PGBOSS_SCHEMA = 'pgboss';
export const PGBOSS_POOL_SIZE = 4;
/** pg-boss refuses polling intervals under half a second. */
const PGBOSS_MIN_POLL_SECONDS = 0.5;

const EnvelopeSchema = z.object({ v: z.unknown() });

interface Worker {
  name: string;
  handler: JobHandler<unknown>;
  concurrency: number;
}

export function createPgBossQueue(database: Database, deps: QueueDeps): Queue {
  const url = database.url;
  if (!url) throw new Error('the pg-boss queue needs the PostgreSQL connection string (Database.url)');
  const { logger } = deps;
  const heartbeatSeconds = Math.max(PGBOSS_MIN_HEARTBEAT_SECONDS, deps.tuning?.leaseSeconds ?? DEFAULT_LEASE_SECONDS);
  const expireInSeconds = Math.max(MAX_JOB_RUN_SECONDS, heartbeatSeconds);
  const workerId = deps.workerId ?? DEFAULT_WORKER_ID;
  const instanceId = randomUUID();
  const pollSeconds = Math.max(PGBOSS_MIN_POLL_SECONDS, (deps.tuning?.pollIntervalMs ?? PGBOSS_POLL_INTERVAL_MS) / 1000);
  const supervise = deps.tuning?.superviseIntervalSeconds;
  const workers: Worker[] = [];
  const queues = new Map<string, Promise<void>>();
  let booting: Promise<PgBoss> | undefined;
  let started = false;
  let stopped = false;

  function boss(): Promise<PgBoss> {
    if (stopped) return Promise.reject(new Error('the job queue is stopped'));
    booting ??= (async () => {
      const { PgBoss } = await import('pg-boss');
      const instance = new PgBoss({
        connectionString: url,
        schema: PGBOSS_SCHEMA,
        max: PGBOSS_POOL_SIZE,
        ...(supervise
          ? {
              superviseIntervalSeconds: supervise,
              monitorIntervalSeconds: supervise,
              cronMonitorIntervalSeconds: supervise,
              cronWorkerIntervalSeconds: supervise,
            }
          : {}),
      });
      instance.on('error', (err) => logger.error({ err }, 'pg-boss error'));
      instance.on('warning', (warning) => logger.warn({ warning }, 'pg-boss warning'));
      await instance.start();
      return instance;
    })();
    return booting;
  }

  async function queue(name: string): Promise<PgBoss> {
    const instance = await boss();
    let created = queues.get(name);
    if (!created) {
      // createQueue is idempotent (insert … on conflict do nothing); the first creator's options
      // stick, so the timings are set again with updateQueue (queues made before heartbeats).
      const timings = { expireInSeconds, heartbeatSeconds };
      created = instance
        .createQueue(name, {
          policy: 'exclusive',
          ...timings,
          retryLimit: DEFAULT_RETRY_LIMIT,
          retryDelay: DEFAULT_RETRY_DELAY_SECONDS,
          retryBackoff: true,
        })
        .then(() => instance.updateQueue(name, timings));
      queues.set(name, created);
      created.catch(() => queues.delete(name));
    }
    await created;
    return instance;
  }

  /** Jobs of this queue held by an earlier (dead) instance of this worker id go to retry now. */
  async function reclaimOwn(instance: PgBoss, name: string): Promise<void> {
    const dead = await database.db
      .selectFrom('job_owners')
      .select('job_id')
      .where('worker_id', '=', workerId)
      .where('queue', '=', name)
      .where('instance_id', '!=', instanceId)
      .execute();
    if (dead.length === 0) return;
    const ids = dead.map((r) => r.job_id);
    // fail() touches only jobs still active: one that finished or was retried already is left alone.
    await instance.fail(name, ids, { reason: `worker ${workerId} restarted` });
    await database.db.deleteFrom('job_owners').where('job_id', 'in', ids).execute();
    logger.warn({ queue: name, worker: workerId, jobs: ids.length }, 'reclaimed jobs of a dead instance of this worker');
  }

  async function own(jobId: string, name: string): Promise<void> {
    await database.db
      .insertInto('job_owners')
      .values({ job_id: jobId, queue: name, worker_id: workerId, instance_id: instanceId, claimed_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('job_id').doUpdateSet({ worker_id: workerId, instance_id: instanceId }))
      .execute();
  }

  async function activate(worker: Worker): Promise<void> {
    const instance = await queue(worker.name);
    try {
      await reclaimOwn(instance, worker.name);
    } catch (err) {
      logger.error({ err, queue: worker.name }, 'reclaiming dead jobs failed; they resume when their heartbeat lapses');
    }
    await instance.work<Envelope>(
      worker.name,
      { localConcurrency: worker.concurrency, pollingIntervalSeconds: pollSeconds, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          const data = EnvelopeSchema.parse(job.data).v;
          await own(job.id, job.name);
          try {
            await worker.handler({ id: job.id, name: job.name, data, attempt: job.retryCount + 1 });
          } finally {
            await database.db
              .deleteFrom('job_owners')
              .where('job_id', '=', job.id)
              .where('instance_id', '=', instanceId)
              .execute();
          }
        }
      },
    );
  }

  return {
    async start() {
      if (started || stopped) return;
      started = true;
      await boss();
      for (const worker of workers) await activate(worker);
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      if (!booting) return;
      const instance = await booting.catch(() => undefined);
      await instance?.stop({ graceful: true, timeout: STOP_GRACE_MS, close: true });
    },

    async send<T>(name: string, data: T, options: JobOptions = {}) {
      const instance = await queue(name);
      const retryDelay = options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS;
      const sendOptions: SendOptions = {
        singletonKey: options.singletonKey ?? randomUUID(),
        retryLimit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
        retryDelay,
        retryBackoff: retryDelay > 0,
        expireInSeconds,
        heartbeatSeconds,
      };
      if (options.startAfterSeconds) sendOptions.startAfter = options.startAfterSeconds;
      // Inside a unit of work (Database.transaction) the job row joins that transaction: a job
      // never becomes visible to a worker before the rows it names (an outbox mail) are committed.
      const trx = database.currentTransaction();
      if (trx) sendOptions.db = { executeSql: (text, values) => trx.executeQuery(CompiledQuery.raw(text, values ?? [])) };
      return instance.send(name, { v: data }, sendOptions);
    },

    async work<T>(name: string, handler: JobHandler<T>, options: { concurrency?: number } = {}) {
      const worker: Worker = {
        name,
        handler: handler as JobHandler<unknown>,
        concurrency: Math.max(1, options.concurrency ?? 1),
      };
      workers.push(worker);
      if (started && !stopped) await activate(worker);
    },

    async schedule(name: string, cron: string, data?: unknown) {
      parseCron(cron); // the same expressions as the SQLite queue accepts
      const instance = await queue(name);
      await instance.schedule(name, cron, { v: data ?? null }, { tz: 'UTC' });
    },
  };
}
