// Click tracking (SEC-04): each campaign's tracked links by index, stored once when the send
// engine prepares the campaign, and one row per click. /c/<token> redirects only to a URL of
// campaign_links (never to anything the token or the query string says), so a forged or
// stale link cannot make the platform an open redirect.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('campaign_links')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_links_pk', ['campaign_id', 'idx'])
    .execute();

  await db.schema
    .createTable('click_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // The report counts a campaign's clicks (and distinct clickers) by campaign.
  await db.schema.createIndex('click_events_campaign_idx').on('click_events').columns(['campaign_id', 'contact_id']).execute();
}
