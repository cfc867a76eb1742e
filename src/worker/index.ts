// The worker role: registers every job handler and schedule on the queue, then starts it.
import type { Config } from '../config/config.ts';
import type { Clock, Logger, Queue } from '../core/ports.ts';
import type { Services } from '../core/services.ts';
import type { Database } from '../db/database.ts';
import { registerSystemMailJobs } from './jobs/system-mail-deliver.ts';
import { registerImportJobs } from './jobs/import-process.ts';
import { registerGateJobs } from './jobs/gate-prune-refusals.ts';
import { registerCampaignSendJobs } from './jobs/campaign-send.ts';
import { registerCampaignScheduleJobs } from './jobs/campaign-schedule.ts';
import { registerBlocklistJobs } from './jobs/blocklist-check.ts';
import { registerEnforcementJobs } from './jobs/inbound-process.ts';

export interface WorkerDeps {
  config: Config & { secret: string };
  database: Database;
  clock: Clock;
  logger: Logger;
  queue: Queue;
  services: Services;
}

/** Each area adds its handlers here: `await deps.queue.work('name', handler)`. */
export async function startWorker(deps: WorkerDeps): Promise<void> {
  await registerSystemMailJobs(deps);
  await registerImportJobs(deps);
  await registerGateJobs(deps);
  await registerCampaignSendJobs(deps);
  await registerCampaignScheduleJobs(deps);
  await registerBlocklistJobs(deps);
  await registerEnforcementJobs(deps);
  await deps.queue.start();
}
