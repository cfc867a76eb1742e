// Composition of the send engine (issue 8): the delivery store, the relay pool from
// SMTP_RELAYS / SMTP_URL and the engine. The campaign area, the composer and the sending domains
// are passed in by buildServices when they are built; until then the engine says which part is
// missing instead of sending anything (fail closed).
import type { Config } from '../config/config.ts';
import { createRelayPool } from '../channels/email/relay-pool.ts';
import type { Campaign } from '../core/campaigns/types.ts';
import { createSendEngine, type SendEngine } from '../core/delivery/engine.ts';
import type { CampaignAccess, CampaignLinkSink } from '../core/delivery/ports.ts';
import type { MessageComposer, Outbound } from '../core/delivery/types.ts';
import type { GateService } from '../core/gate/service.ts';
import type { Clock, Logger, Queue } from '../core/ports.ts';
import type { SendingDomainGate } from '../core/sending-domains/types.ts';
import type { Database } from '../db/database.ts';
import type { StandingGate } from '../core/standing/ports.ts';
import { createDeliveryStore } from '../db/repositories/delivery.ts';

export interface DeliveryParts {
  campaigns: CampaignAccess;
  composer: MessageComposer;
  domains: SendingDomainGate;
  /** SEC-04: where prepared campaigns' tracked links are kept (the click redirect reads them). */
  links?: CampaignLinkSink;
  onFinished?: (campaign: Campaign) => Promise<void>;
  /** ACC-05 / REP-07: a campaign paused for the account's standing resumes when it allows email. */
  standing?: StandingGate;
  onHardBounces?: (accountId: string, campaignId: string, count: number) => Promise<void>;
}

/** With no relay configured every message is deferred and the campaign pauses ('relay-unavailable'). */
const noRelay: Outbound = {
  async send(messages) {
    return messages.map((m) => ({
      contactId: m.contactId,
      outcome: 'deferred' as const,
      reply: 'no relay configured (SMTP_RELAYS)',
      code: null,
      relay: null,
    }));
  },
  healthy: () => false,
  async close() {},
};

export function createCampaignDelivery(
  deps: { config: Config; database: Database; clock: Clock; logger: Logger; queue: Queue; gate: GateService },
  parts: DeliveryParts | null,
): SendEngine & { close(): Promise<void> } {
  const d = deps.config.delivery;
  const outbound =
    d && d.relays.length > 0
      ? createRelayPool({ relays: d.relays, maxConnections: d.relayConnections, ratePerSecond: d.relayRatePerSecond })
      : noRelay;
  if (!parts) {
    const missing = async (): Promise<never> => {
      throw new Error('Campaign sending is not wired: the campaign area, composer and sending domains are missing.');
    };
    return {
      start: missing,
      runBatch: missing,
      drain: missing,
      resumePaused: async () => [],
      kick: missing,
      progress: missing,
      quota: missing,
      close: () => outbound.close(),
    };
  }
  const engine = createSendEngine({
    store: createDeliveryStore(deps.database),
    campaigns: parts.campaigns,
    gate: deps.gate,
    composer: parts.composer,
    outbound,
    domains: parts.domains,
    queue: deps.queue,
    clock: deps.clock,
    logger: deps.logger,
    workerId: deps.config.workerId,
    links: parts.links,
    onFinished: parts.onFinished,
    standing: parts.standing,
    onHardBounces: parts.onHardBounces,
    options: { maxAttempts: d?.maxAttempts, accountRatePerSecond: d?.accountRatePerSecond ?? null },
  });
  return {
    ...engine,
    async close() {
      await outbound.close();
      await parts.composer.close();
    },
  };
}
