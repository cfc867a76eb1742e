// Job `system-mail.deliver`: sends one outbox row (ACC-07). Transient failures rethrow so the
// queue retries with back-off; the delivery service records every outcome on the row.
// Job `system-mail.sweep`: offers long-queued rows to the relay again (a lost job, or a relay
// configured after the mail was queued), so nothing waits forever unseen.
import { DeliverJobSchema, type DeliverJob } from '../../core/system-mail/system-mail-service.ts';
import {
  SYSTEM_MAIL_CONCURRENCY,
  SYSTEM_MAIL_DELIVER_JOB,
  SYSTEM_MAIL_RETRY_LIMIT,
  SYSTEM_MAIL_SWEEP_JOB,
} from '../../core/system-mail/types.ts';
import type { WorkerDeps } from '../index.ts';

export const SYSTEM_MAIL_SWEEP_CRON = '*/5 * * * *';

export async function registerSystemMailJobs(deps: WorkerDeps): Promise<void> {
  const { systemMail, systemMailDelivery } = deps.services;
  await deps.queue.work<DeliverJob>(
    SYSTEM_MAIL_DELIVER_JOB,
    async (job) => {
      const { id } = DeliverJobSchema.parse(job.data);
      // attempt is 1-based; the queue runs a job at most retryLimit + 1 times.
      await systemMailDelivery.deliver(id, { retriesLeft: SYSTEM_MAIL_RETRY_LIMIT + 1 - job.attempt });
    },
    { concurrency: SYSTEM_MAIL_CONCURRENCY },
  );

  await deps.queue.work(SYSTEM_MAIL_SWEEP_JOB, async () => {
    if (systemMailDelivery.relayConfigured) await systemMail.requeueStale();
  });
  await deps.queue.schedule(SYSTEM_MAIL_SWEEP_JOB, SYSTEM_MAIL_SWEEP_CRON);
}
