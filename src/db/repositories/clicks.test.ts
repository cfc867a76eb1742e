// The click store on both engines (SEC-04): links kept by index once, clicks only on stored links.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import { createClickStore } from './clicks.ts';

describeEachEngine('click store', (db) => {
  const at = new Date('2026-12-03T10:00:00.000Z');

  it('[SEC-04] keeps a campaign’s links by index; saving the same list again is a no-op', async () => {
    const store = createClickStore(db());
    const campaignId = randomUUID();
    expect(await store.links(campaignId)).toBeNull();
    const links = ['https://shop.example/a', 'https://shop.example/b?x=1'];
    await store.saveLinks('acc-1', campaignId, links);
    await store.saveLinks('acc-1', campaignId, links);
    expect(await store.links(campaignId)).toEqual(links);
    const rows = await db().db.selectFrom('campaign_links').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(rows).toHaveLength(2);
    // A later different list never rewrites a stored index: tokens already sent keep their target.
    await store.saveLinks('acc-1', campaignId, ['https://evil.example/', 'https://shop.example/b?x=1', 'https://shop.example/c']);
    expect(await store.links(campaignId)).toEqual([...links, 'https://shop.example/c']);
  });

  it('[SEC-04] records clicks only on stored links, under the link’s account; the counter is distinct clickers', async () => {
    const store = createClickStore(db());
    const campaignId = randomUUID();
    const [alice, bob] = [randomUUID(), randomUUID()];
    await store.saveLinks('acc-2', campaignId, ['https://shop.example/a', 'https://shop.example/b']);
    await store.recordClick(campaignId, alice, 0, at);
    await store.recordClick(campaignId, alice, 1, at);
    await store.recordClick(campaignId, bob, 1, at);
    await store.recordClick(campaignId, bob, 7, at); // no such link: nothing written
    await store.recordClick(randomUUID(), bob, 0, at); // no such campaign: nothing written
    expect(await store.stats('acc-2', campaignId)).toEqual({ clicks: 3, clickers: 2 });
    expect(await store.clicks('acc-2', campaignId)).toBe(2);
    // Another account's id sees none of them.
    expect(await store.clicks('acc-other', campaignId)).toBe(0);
    const rows = await db().db.selectFrom('click_events').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(rows.map((r) => r.account_id)).toEqual(['acc-2', 'acc-2', 'acc-2']);
    expect(rows.every((r) => r.at === at.toISOString())).toBe(true);
  });
});
