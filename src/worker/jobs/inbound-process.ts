// Jobs of the enforcement area: `inbound.process` (one stored item: classify, trace, act),
// `inbound.sweep` (re-queues items whose job was lost), `reputation.evaluate` (one account's
// rates against the policy, collapsed per account) and its periodic sweep.
import {
  INBOUND_JOB_BATCH,
  INBOUND_STALE_MS,
  INBOUND_SWEEP_CRON,
  INBOUND_SWEEP_JOB,
  type InboundProcessJob,
} from '../../core/enforcement/intake.ts';
import { INBOUND_PROCESS_JOB } from '../../core/enforcement/types.ts';
import { REPUTATION_EVALUATE_JOB, REPUTATION_SWEEP_CRON } from '../../core/reputation/service.ts';
import { createInboundStore } from '../../db/repositories/enforcement.ts';
import type { WorkerDeps } from '../index.ts';

const REPUTATION_SWEEP_JOB = 'reputation.sweep';
const SWEEP_BATCH = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function registerEnforcementJobs(deps: WorkerDeps): Promise<void> {
  const { services, queue, clock, logger } = deps;
  const inbound = createInboundStore(deps.database);
  await queue.work<InboundProcessJob>(
    INBOUND_PROCESS_JOB,
    async (job) => {
      for (const id of job.data.ids ?? (job.data.id ? [job.data.id] : [])) await services.inboundProcessor.process(id);
    },
    { concurrency: 4 },
  );
  await queue.work(INBOUND_SWEEP_JOB, async () => {
    const stale = await inbound.stale(new Date(clock.now().getTime() - INBOUND_STALE_MS).toISOString(), SWEEP_BATCH);
    for (let i = 0; i < stale.length; i += INBOUND_JOB_BATCH) {
      const ids = stale.slice(i, i + INBOUND_JOB_BATCH);
      await queue.send<InboundProcessJob>(INBOUND_PROCESS_JOB, { ids }, { singletonKey: `inbound-sweep:${ids[0]}` });
    }
    if (stale.length) logger.warn({ count: stale.length }, 'inbound items queued again');
  });
  await queue.schedule(INBOUND_SWEEP_JOB, INBOUND_SWEEP_CRON);
  await queue.work<{ accountId: string }>(REPUTATION_EVALUATE_JOB, async (job) => {
    await services.reputation.evaluate(job.data.accountId);
  });
  await queue.work(REPUTATION_SWEEP_JOB, async () => {
    for (const accountId of await services.reputation.activeAccounts(new Date(clock.now().getTime() - DAY_MS)))
      await services.reputation.evaluate(accountId);
  });
  await queue.schedule(REPUTATION_SWEEP_JOB, REPUTATION_SWEEP_CRON);
}
