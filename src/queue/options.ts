// Dependencies and timings shared by both queue adapters.
import type { Clock, Logger } from '../core/ports.ts';

export interface QueueDeps {
  logger: Logger;
  clock: Clock;
  /**
   * This worker's identity (config WORKER_ID), stored with every lease it holds. A worker that
   * starts again under the same id reclaims the jobs its dead predecessor held at once (they are
   * not waited out). Two live processes must never share an id.
   */
  workerId?: string;
  /** Timings; the defaults suit production, tests shorten them. */
  tuning?: QueueTuning;
}

export interface QueueTuning {
  /** Lease of a claimed job, renewed by heartbeat while the handler runs (pg-boss: heartbeatSeconds, at least 10). */
  leaseSeconds?: number;
  /** How often idle workers look for work (pg-boss accepts no less than 500 ms). */
  pollIntervalMs?: number;
  /** pg-boss only: how often expired jobs are swept and schedules evaluated, in seconds. */
  superviseIntervalSeconds?: number;
}

/**
 * A job left active this long without its worker renewing the lease is claimed again. Short: the
 * running worker renews it every third of it (a heartbeat), so only a dead worker's lease lapses.
 */
export const DEFAULT_LEASE_SECONDS = 30;
/** The heartbeat renews a lease this many times per lease period (one missed beat is no loss). */
export const HEARTBEATS_PER_LEASE = 3;
/** pg-boss refuses a heartbeat interval under 10 s. */
export const PGBOSS_MIN_HEARTBEAT_SECONDS = 10;
/** The longest one run of a job may take even while it heartbeats (pg-boss expireInSeconds). */
export const MAX_JOB_RUN_SECONDS = 4 * 60 * 60;
/** The worker id when none is configured (tests, scripts). */
export const DEFAULT_WORKER_ID = 'worker';
export const DEFAULT_RETRY_LIMIT = 3;
/** Seconds before the first retry when the sender gives none; doubles each retry. */
export const DEFAULT_RETRY_DELAY_SECONDS = 10;
/** How often an idle SQLite worker looks for work. */
export const SQLITE_POLL_INTERVAL_MS = 200;
/** pg-boss's own floor for pollingIntervalSeconds is 0.5 s. */
export const PGBOSS_POLL_INTERVAL_MS = 1_000;
/** How often the SQLite queue evaluates cron schedules (a tick is at least a second). */
export const SCHEDULE_CHECK_MS = 500;
/** How long stop() waits for running handlers before it lets go (their jobs are claimed again later). */
export const STOP_GRACE_MS = 5_000;

/** Job data travels wrapped so that any JSON value (not only objects) survives both engines. */
export interface Envelope {
  v: unknown;
}
