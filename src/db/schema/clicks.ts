// Click tracking (migration 0034_clicks, SEC-04).
export interface CampaignLinksTable {
  campaign_id: string;
  /** The link's index in the campaign's content (the index a click token carries). */
  idx: number;
  url: string;
  account_id: string;
}

export interface ClickEventsTable {
  id: string;
  account_id: string;
  campaign_id: string;
  contact_id: string;
  idx: number;
  at: string;
}

export interface ClickTables {
  campaign_links: CampaignLinksTable;
  click_events: ClickEventsTable;
}
