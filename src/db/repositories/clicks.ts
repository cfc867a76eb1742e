// SQL for click tracking (SEC-04): a campaign's tracked links by index and the clicks on them.
// links() and recordClick() are deliberately unscoped by account: a click token names only the
// campaign, and its HMAC (core/tokens/click.ts) is what makes the lookup trustworthy; the click
// row takes its account from the stored link, never from the request.
import { sql } from 'kysely';
import type { ClickCounter } from '../../core/campaigns/ports.ts';
import type { CampaignLinkSink } from '../../core/delivery/ports.ts';
import { uuidV7At } from '../../core/ids.ts';
import type { ClickLinks, ClickRecorder } from '../../core/tokens/click.ts';
import { insertRows } from '../bulk.ts';
import type { Database } from '../database.ts';

export interface ClickStore extends CampaignLinkSink, ClickLinks, ClickRecorder, ClickCounter {
  /** Both figures: every click, and the distinct contacts who clicked. */
  stats(accountId: string, campaignId: string): Promise<{ clicks: number; clickers: number }>;
}

/** A bound text value in a select list (PostgreSQL cannot infer a bare parameter's type there). */
const text = (v: string) => sql<string>`cast(${v} as text)`;

export function createClickStore(database: Database): ClickStore {
  const { db, engine } = database;

  async function stats(accountId: string, campaignId: string) {
    const row = await db
      .selectFrom('click_events')
      .select([sql<number>`count(*)`.as('clicks'), sql<number>`count(distinct contact_id)`.as('clickers')])
      .where('account_id', '=', accountId)
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return { clicks: Number(row?.clicks ?? 0), clickers: Number(row?.clickers ?? 0) };
  }

  return {
    // Idempotent: (campaign_id, idx) is the key and a row once written is kept, so preparing
    // the same campaign again (another worker, a restart) is a no-op. Content cannot change
    // once a campaign is sending (EDITABLE_STATUSES), so the list per campaign is fixed, and
    // tokens already in inboxes keep pointing at the URL they were minted for.
    async saveLinks(accountId, campaignId, links) {
      if (links.length === 0) return;
      await insertRows(
        db,
        engine,
        'campaign_links',
        ['campaign_id', 'idx', 'url', 'account_id'],
        links.map((url, idx) => [campaignId, idx, url, accountId]),
        { tail: 'on conflict do nothing', pgTypes: { idx: 'int' } },
      );
    },

    async links(campaignId) {
      const rows = await db
        .selectFrom('campaign_links')
        .select(['idx', 'url'])
        .where('campaign_id', '=', campaignId)
        .orderBy('idx')
        .execute();
      if (rows.length === 0) return null;
      const out: string[] = [];
      for (const r of rows) out[Number(r.idx)] = r.url;
      return out;
    },

    // The click is written only for a stored link (insert … select from campaign_links), and
    // takes that link's account.
    async recordClick(campaignId, contactId, index, at) {
      await db
        .insertInto('click_events')
        .columns(['id', 'account_id', 'campaign_id', 'contact_id', 'idx', 'at'])
        .expression(
          db
            .selectFrom('campaign_links')
            .select([
              text(uuidV7At(at.getTime())).as('id'),
              'account_id',
              'campaign_id',
              text(contactId).as('contact_id'),
              'idx',
              text(at.toISOString()).as('at'),
            ])
            .where('campaign_id', '=', campaignId)
            .where('idx', '=', index),
        )
        .execute();
    },

    // The report's one number (ClickCounter) is distinct contacts who clicked, not raw clicks:
    // a reader clicking twice, or a mail scanner fetching the link before the reader does,
    // counts one person. stats() gives both figures.
    async clicks(accountId, campaignId) {
      return (await stats(accountId, campaignId)).clickers;
    },

    stats,
  };
}
