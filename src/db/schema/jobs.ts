// The SQLite job queue's tables (migration 0005). On PostgreSQL pg-boss keeps its own schema
// ('pgboss') and these tables do not exist.

/** created = waiting (new or awaiting a retry), active = claimed under a lease. */
export type JobState = 'created' | 'active' | 'completed' | 'failed';

export interface JobsTable {
  id: string;
  name: string;
  /** JSON text of the job's data. */
  data: string;
  state: JobState;
  /** Dedupe key: unique per name among created/active jobs. */
  singleton_key: string | null;
  /** How many times the job was claimed (1 on its first run). */
  attempt: number;
  retry_limit: number;
  retry_delay_seconds: number;
  /** Not claimed before this time (ISO). */
  run_at: string;
  /** The claim's lease: past this time a worker is presumed dead and the job is claimed again. */
  locked_until: string | null;
  /** The lease holder's WORKER_ID (migration 0007); null when not held. */
  locked_by: string | null;
  /** The lease holder's process instance (random per start); null when not held. */
  lock_instance: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  /** JSON text of the data each scheduled job carries. */
  data: string;
  /** The last cron tick (ISO) a job was enqueued for; claimed by a conditional update. */
  last_tick: string | null;
  updated_at: string;
}

/** PostgreSQL only (migration 0007): who runs a pg-boss job, one row while it runs. */
export interface JobOwnersTable {
  job_id: string;
  queue: string;
  worker_id: string;
  instance_id: string;
  claimed_at: string;
}

export interface JobTables {
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  job_owners: JobOwnersTable;
}
