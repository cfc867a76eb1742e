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
import { createListingResponse } from '../../core/enforcement/listings.ts';
import { createBlocklistStore, createBlocklistTargetSource, createListingAccounts } from '../../db/repositories/blocklists.ts';
import { createEnforcementStore } from '../../db/repositories/enforcement.ts';
import type { WorkerDeps } from '../index.ts';

/**
 * The service as the worker runs it. `onNewListing` is the BL-03 response (listings.ts): an
 * incident, the operator told, the accounts concerned paused or blocked.
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

/** BL-03 as the worker wires it: the real stores and the platform's standing, reputation and mail. */
export function listingResponseFor(
  deps: Pick<WorkerDeps, 'config' | 'database' | 'clock' | 'logger' | 'services'>,
): OnNewListing {
  return createListingResponse({
    store: createEnforcementStore(deps.database),
    accounts: createListingAccounts(deps.database),
    reputation: deps.services.reputation,
    standing: deps.services.standing,
    systemMail: deps.services.systemMail,
    operatorEmail: deps.config.operatorEmail,
    clock: deps.clock,
    logger: deps.logger,
  });
}

export async function registerBlocklistJobs(deps: WorkerDeps): Promise<void> {
  const service = blocklistServiceFor(deps, { onNewListing: listingResponseFor(deps) });
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
