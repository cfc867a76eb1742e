// Job `campaign.start-scheduled` (every minute): starts the scheduled campaigns that are due.
// Idempotent: the engine's start moves a campaign from scheduled to sending once (compare-and-set);
// a campaign started by another worker meanwhile is skipped.
import { CAMPAIGN_SCHEDULE_CRON, CAMPAIGN_SCHEDULE_JOB } from '../../core/campaigns/service.ts';
import type { WorkerDeps } from '../index.ts';

export async function registerCampaignScheduleJobs(deps: WorkerDeps): Promise<void> {
  await deps.queue.work(CAMPAIGN_SCHEDULE_JOB, async () => {
    const started = await deps.services.campaigns.startScheduled();
    if (started.length > 0) deps.logger.info({ started }, 'scheduled campaigns started');
  });
  await deps.queue.schedule(CAMPAIGN_SCHEDULE_JOB, CAMPAIGN_SCHEDULE_CRON);
}
