// Test sends (issue 8, DEL-04): one message of a campaign, built by the same composer as the real
// send (template, headers, footer, DKIM), to one verified address of the account's own team —
// the campaign service checks the recipient and the domain before it calls this. It bypasses
// the gate on purpose (the recipient is the sender's own team, not a contact of a list), so it
// writes no delivery record and counts in no report. The subject says "[Test]". The unsubscribe
// link and VERP address name the nil contact: a click or a bounce maps to nobody.
import type { Config } from '../config/config.ts';
import { createRelayPool } from '../channels/email/relay-pool.ts';
import type { TestSender } from '../core/campaigns/service.ts';
import type { Campaign } from '../core/campaigns/types.ts';
import type { DeliveryStore } from '../core/delivery/ports.ts';
import type { MessageComposer, Outbound } from '../core/delivery/types.ts';
import { unavailable } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import type { SendingDomainGate } from '../core/sending-domains/types.ts';

export const TEST_CONTACT_ID = '00000000-0000-0000-0000-000000000000';

export interface TestSenderParts {
  config: Config;
  clock: Clock;
  composer: MessageComposer;
  domains: SendingDomainGate;
  senderFacts: DeliveryStore['senderFacts'];
}

/** Null when no relay is configured (the service then answers TEST_SEND_UNAVAILABLE). */
export function createTestSender(parts: TestSenderParts): (TestSender & { close(): Promise<void> }) | null {
  const d = parts.config.delivery;
  if (!d || d.relays.length === 0) return null;
  // Its own small pool, opened on the first test send: test mail never waits behind a campaign.
  let outbound: Outbound | null = null;
  const relays = () =>
    (outbound ??= createRelayPool({ relays: d.relays, maxConnections: 1, ratePerSecond: d.relayRatePerSecond }));
  return {
    async send(campaign: Campaign, to: string) {
      const unavailableNow = () => unavailable('TEST_SEND_UNAVAILABLE', 'The campaign cannot be built for a test send.');
      const domain = await parts.domains.verifiedFor(campaign.accountId, campaign.fromEmail);
      const keys = domain ? await parts.domains.signingKeys(campaign.accountId, domain.id) : null;
      const sender = await parts.senderFacts(campaign.accountId, campaign.listId);
      if (!keys || !sender) throw unavailableNow();
      const prepared = await parts.composer.prepare({
        campaign: { ...campaign, subject: `[Test] ${campaign.subject}` },
        sender,
        keys,
      });
      const [message] = await parts.composer.compose(
        prepared,
        [{ contactId: TEST_CONTACT_ID, email: to, language: null, attributes: {} }],
        parts.clock.now(),
      );
      if (!message) throw unavailableNow();
      const [result] = await relays().send([message]);
      if (!result || result.outcome !== 'accepted')
        throw unavailable('TEST_SEND_FAILED', `The relay did not accept the test message: ${result?.reply ?? 'no answer'}`);
    },
    async close() {
      await outbound?.close();
    },
  };
}
