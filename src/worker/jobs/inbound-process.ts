// Jobs of the enforcement area: `inbound.process` (one stored item: classify, trace, act),
// `inbound.sweep` (re-queues items whose job was lost), `reputation.evaluate` (one account's
// rates against the policy, collapsed per account) and its periodic sweep.
import {
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
      await services.inboundProcessor.process(job.data.id);
    },
    { concurrency: 4 },
  );
  await queue.work(INBOUND_SWEEP_JOB, async () => {
    const stale = await inbound.stale(new Date(clock.now().getTime() - INBOUND_STALE_MS).toISOString(), SWEEP_BATCH);
    for (const id of stale) await queue.send<InboundProcessJob>(INBOUND_PROCESS_JOB, { id }, { singletonKey: `inbound:${id}` });
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
