// Campaigns (migration 0031_campaigns).
import type { Generated } from 'kysely';

export interface CampaignsTable {
  id: string;
  account_id: string;
  list_id: string;
  segment_id: string | null;
  name: string;
  /** A CampaignStatus (src/core/campaigns/types.ts). */
  status: string;
  /** 'email' | 'sms' (migration 0069). */
  channel: Generated<string>;
  /** SMS only (migration 0069). */
  sender_id: string | null;
  subject: string;
  preheader: string;
  from_name: string;
  from_email: string;
  reply_to: string | null;
  format: string;
  body: string;
  click_tracking: number;
  version: number;
  /** ContentVerdict as JSON text, or null. */
  verdict: string | null;
  scheduled_at: string | null;
  time_zone: string | null;
  pause_reason: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
}
