// Jobs `campaign.send` (DEL-02, DEL-03): loop batches of one campaign until nothing is
// claimable; while retries wait (4xx back-off) the job comes back later. Idempotent: any number
// of these run at once on any number of workers, the claim (lease) keeps each record to one.
// `campaign.resume-paused` (every minute) resumes campaigns the engine paused itself.
import { z } from 'zod';
import {
  CAMPAIGN_RESUME_CRON,
  CAMPAIGN_RESUME_JOB,
  CAMPAIGN_SEND_CONCURRENCY,
  CAMPAIGN_SEND_JOB,
} from '../../core/delivery/engine.ts';
import type { WorkerDeps } from '../index.ts';

const SendJobSchema = z.object({ campaignId: z.string().min(1).max(100) }).strict();
/** While records wait for a retry, the campaign's job comes back after this long. */
export const CAMPAIGN_SEND_RECHECK_SECONDS = 10;

/**
 * One recheck per campaign per time slot (many jobs finishing together enqueue one). The slot is
 * that of the recheck's start time, so a recheck job re-enqueuing itself names the next slot:
 * a fixed key would collide with the running job's own and be dropped, and a campaign whose
 * records wait on a dead worker's lease would never be looked at again.
 */
export function recheckKey(campaignId: string, nowMs: number): string {
  const slot = Math.floor(nowMs / 1000 / CAMPAIGN_SEND_RECHECK_SECONDS) + 1;
  return `${CAMPAIGN_SEND_JOB}:${campaignId}:recheck:${slot}`;
}

export async function registerCampaignSendJobs(deps: WorkerDeps): Promise<void> {
  const delivery = deps.services.delivery;
  await deps.queue.work(
    CAMPAIGN_SEND_JOB,
    async (job) => {
      const { campaignId } = SendJobSchema.parse(job.data);
      const { sent, open, sending } = await delivery.drain(campaignId);
      if (sent > 0) deps.logger.info({ campaignId, sent, open }, 'campaign batches sent');
      if (open > 0 && sending) {
        await deps.queue.send(
          CAMPAIGN_SEND_JOB,
          { campaignId },
          { singletonKey: recheckKey(campaignId, deps.clock.now().getTime()), startAfterSeconds: CAMPAIGN_SEND_RECHECK_SECONDS },
        );
      }
    },
    { concurrency: CAMPAIGN_SEND_CONCURRENCY },
  );
  await deps.queue.work(CAMPAIGN_RESUME_JOB, async () => {
    const resumed = await delivery.resumePaused();
    if (resumed.length > 0) deps.logger.info({ resumed }, 'paused campaigns resumed');
  });
  await deps.queue.schedule(CAMPAIGN_RESUME_JOB, CAMPAIGN_RESUME_CRON);
}
