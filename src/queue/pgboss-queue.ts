// The Queue port on PostgreSQL: pg-boss 12 in its own schema ('pgboss'). Every queue uses the
// 'exclusive' policy, so a singletonKey is unique among created/retry/active jobs of a queue;
// a job sent without a key gets a random one so that it never collides. pg-boss sweeps expired
// jobs (a dead worker's) back to retry, and evaluates schedules once per tick across instances.
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
  const leaseSeconds = deps.tuning?.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
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
      // createQueue is idempotent (insert … on conflict do nothing); the first creator's options stick.
      created = instance.createQueue(name, {
        policy: 'exclusive',
        expireInSeconds: leaseSeconds,
        retryLimit: DEFAULT_RETRY_LIMIT,
        retryDelay: DEFAULT_RETRY_DELAY_SECONDS,
        retryBackoff: true,
      });
      queues.set(name, created);
      created.catch(() => queues.delete(name));
    }
    await created;
    return instance;
  }

  async function activate(worker: Worker): Promise<void> {
    const instance = await queue(worker.name);
    await instance.work<Envelope>(
      worker.name,
      { localConcurrency: worker.concurrency, pollingIntervalSeconds: pollSeconds, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          const data = EnvelopeSchema.parse(job.data).v;
          await worker.handler({ id: job.id, name: job.name, data, attempt: job.retryCount + 1 });
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
        expireInSeconds: leaseSeconds,
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
