// Job `gate.prune-refusals` (DEL-01): recorded send refusals are kept SEND_REFUSAL_RETENTION_DAYS,
// then deleted in batches, daily. Idempotent: a second run finds nothing older to delete.
import { SEND_REFUSAL_PRUNE_CRON, SEND_REFUSAL_PRUNE_JOB } from '../../core/gate/service.ts';
import type { WorkerDeps } from '../index.ts';

export async function registerGateJobs(deps: WorkerDeps): Promise<void> {
  await deps.queue.work(SEND_REFUSAL_PRUNE_JOB, async () => {
    const pruned = await deps.services.gate.pruneRefusals();
    if (pruned > 0) deps.logger.info({ pruned }, 'old send refusals pruned');
  });
  await deps.queue.schedule(SEND_REFUSAL_PRUNE_JOB, SEND_REFUSAL_PRUNE_CRON);
}
