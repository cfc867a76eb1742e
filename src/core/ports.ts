// Interfaces the core needs from the outside world. Adapters implement them; the composition
// root (src/cli/compose.ts) wires them. The core never imports an adapter.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** A job queue: pg-boss on PostgreSQL, a durable jobs table on SQLite (src/queue). */
export interface JobOptions {
  /** Deterministic id: a second send with the same key while the first is pending is dropped. */
  singletonKey?: string;
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
  retryLimit?: number;
  /** Seconds before the first retry; doubles each retry (exponential back-off). */
  retryDelaySeconds?: number;
}

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  attempt: number;
}

export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface Queue {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Returns the job id, or null when a job with the same singletonKey is already pending. */
  send<T>(name: string, data: T, options?: JobOptions): Promise<string | null>;
  work<T>(name: string, handler: JobHandler<T>, options?: { concurrency?: number }): Promise<void>;
  /** Cron schedule (5-field cron, UTC). */
  schedule(name: string, cron: string, data?: unknown): Promise<void>;
}
