// The send engine keeps a prepared campaign's tracked links before composing (SEC-04), on both
// engines, so no click link reaches an inbox before /c/<token> can resolve it.
import { expect, it } from 'vitest';
import { manualClock } from '../../../test/helpers/clock.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import {
  deliveryWorld,
  memoryCampaigns,
  plainComposer,
  recordingQueue,
  verifiedDomains,
} from '../../../test/helpers/delivery.ts';
import { createClickStore } from '../../db/repositories/clicks.ts';
import { createDeliveryStore } from '../../db/repositories/delivery.ts';
import { silentLogger } from '../ports.ts';
import { createSendEngine } from './engine.ts';
import type { MessageComposer, Outbound } from './types.ts';

const accepting: Outbound = {
  async send(messages) {
    return messages.map((m) => ({
      contactId: m.contactId,
      outcome: 'accepted' as const,
      reply: '250 ok',
      queueId: 'q',
      relay: 'r1',
    }));
  },
  healthy: () => true,
  async close() {},
};

describeEachEngine('send engine: tracked links', (db) => {
  async function setup(links: string[]) {
    const clock = manualClock('2026-12-03T10:00:00.000Z');
    const world = await deliveryWorld(db(), clock, 3);
    const campaigns = memoryCampaigns(clock);
    const campaign = campaigns.add({
      id: crypto.randomUUID(),
      accountId: world.accountId,
      listId: world.listId,
      clickTracking: true,
    });
    const clicks = createClickStore(db());
    const seen: (string[] | null)[] = [];
    const composer: MessageComposer = {
      async prepare(input) {
        return { ...(await plainComposer.prepare(input)), links };
      },
      async compose(prepared, recipients, now) {
        // What /c/<token> would find at the moment the first message is composed.
        seen.push(await clicks.links(prepared.campaignId));
        return plainComposer.compose(prepared, recipients, now);
      },
      async close() {},
    };
    const engine = createSendEngine({
      store: createDeliveryStore(db()),
      campaigns,
      gate: world.s.gate,
      composer,
      outbound: accepting,
      domains: verifiedDomains,
      queue: recordingQueue(),
      clock,
      logger: silentLogger,
      workerId: 'w1',
      links: clicks,
      options: { warmup: null, accountRatePerSecond: null },
    });
    return { world, campaign, engine, clicks, seen };
  }

  it('[SEC-04] stores the prepared links by index before the first message is composed', async () => {
    const links = ['https://shop.example/menu', 'https://shop.example/hours'];
    const t = await setup(links);
    await t.engine.start(t.world.accountId, t.campaign.id);
    const drained = await t.engine.drain(t.campaign.id);
    expect(drained.sent).toBe(3);
    expect(t.seen[0]).toEqual(links);
    expect(await t.clicks.links(t.campaign.id)).toEqual(links);
    const rows = await db().db.selectFrom('campaign_links').selectAll().where('campaign_id', '=', t.campaign.id).execute();
    expect(rows.every((r) => r.account_id === t.world.accountId)).toBe(true);
  });

  it('[SEC-04] stores nothing for a campaign without tracked links', async () => {
    const t = await setup([]);
    await t.engine.start(t.world.accountId, t.campaign.id);
    expect((await t.engine.drain(t.campaign.id)).sent).toBe(3);
    expect(await t.clicks.links(t.campaign.id)).toBeNull();
  });
});
