// Job `blocklist.check-daily` (BL-01..03): every sending IP (SENDING_IPS), verified sending domain
// and link domain of the last LINK_DOMAIN_DAYS days against the configured zones (policy/
// blocklists.ts), through the blocklist DNS client over DNS_SERVERS. Idempotent: a second run the
// same day adds history rows and opens nothing already open.
import { BLOCKLIST_ZONES } from '../../../policy/blocklists.ts';
import { createBlocklistDns } from '../../channels/dns/blocklist-client.ts';
import type { OnNewListing } from '../../core/blocklists/ports.ts';
import {
  BLOCKLIST_CHECK_CRON,
  BLOCKLIST_CHECK_JOB,
  createBlocklistService,
  type BlocklistService,
} from '../../core/blocklists/service.ts';
import type { BlocklistZone } from '../../core/blocklists/types.ts';
import { createBlocklistStore, createBlocklistTargetSource } from '../../db/repositories/blocklists.ts';
import type { WorkerDeps } from '../index.ts';

/**
 * The service as the worker runs it. `onNewListing` is the BL-03 seam (incident, operator and
 * account notices, pausing): not wired yet, so a new listing is stored, audited and logged only.
 */
export function blocklistServiceFor(
  deps: Pick<WorkerDeps, 'config' | 'database' | 'clock' | 'logger' | 'services'>,
  options: { zones?: readonly BlocklistZone[]; onNewListing?: OnNewListing } = {},
): BlocklistService {
  return createBlocklistService({
    dns: createBlocklistDns({ servers: deps.config.dnsServers ?? [] }),
    store: createBlocklistStore(deps.database),
    targetSource: createBlocklistTargetSource(deps.database),
    audit: deps.services.audit,
    clock: deps.clock,
    logger: deps.logger,
    zones: options.zones ?? BLOCKLIST_ZONES,
    sendingIps: deps.config.sendingIps ?? [],
    onNewListing: options.onNewListing,
  });
}

export async function registerBlocklistJobs(deps: WorkerDeps): Promise<void> {
  const service = blocklistServiceFor(deps);
  await deps.queue.work(BLOCKLIST_CHECK_JOB, async () => {
    const targets = await service.dailyTargets();
    const run = await service.runChecks(targets);
    deps.logger.info(
      {
        targets: targets.length,
        checks: run.results.length,
        untrusted: run.zones.filter((z) => !z.trusted).map((z) => z.zone),
        errors: run.results.filter((r) => r.outcome === 'error').length,
        opened: run.opened.length,
        cleared: run.cleared.length,
      },
      'blocklist check done',
    );
  });
  await deps.queue.schedule(BLOCKLIST_CHECK_JOB, BLOCKLIST_CHECK_CRON);
}
