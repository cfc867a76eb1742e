// Reputation's vocabulary (see CONTEXT.md): counts and rates per scope and window, and the
// crossings of the policy's thresholds (policy/reputation.ts).

export type RateScope = 'account' | 'campaign' | 'domain';
export type RateWindow = 'day' | '7d';

/** What one campaign sent and got back in a window (the store's unit). */
export interface CampaignCounts {
  campaignId: string;
  fromDomain: string;
  sent: number;
  hardBounces: number;
  complaints: number;
}

export interface Measure {
  scope: RateScope;
  /** The account id, campaign id or domain. */
  id: string;
  window: RateWindow;
  sent: number;
  hardBounces: number;
  complaints: number;
  complaintRate: number;
  hardBounceRate: number;
}

export type CrossingAction = 'warn' | 'hold' | 'pause';

export interface Crossing {
  rule: string;
  action: CrossingAction;
  metric: 'complaint-rate' | 'hard-bounce-rate' | 'daily-complaints';
  scope: RateScope;
  id: string;
  window: RateWindow;
  /** The measured value: a rate (0..1) or, for the daily cap, a count. */
  value: number;
  threshold: number;
  sent: number;
}

export interface CampaignHold {
  accountId: string;
  rule: string;
  reason: string;
  heldAt: string;
}

export interface ReputationStore {
  /** Per campaign of the account: sent, hard bounces and counted complaints since `since`. */
  campaignCounts(accountId: string, since: string): Promise<CampaignCounts[]>;
  getHold(accountId: string): Promise<CampaignHold | null>;
  /** False when a hold was already there. */
  addHold(hold: CampaignHold): Promise<boolean>;
  removeHold(accountId: string): Promise<boolean>;
  /**
   * When an operator last reviewed the account's sending (a reinstate, or a hold lifted), or null:
   * the rates count from then on (REP-07), so a reviewed account is not paused again at once for
   * what it was reviewed for.
   */
  lastReviewedAt(accountId: string): Promise<string | null>;
  /** Per UTC day since `since` (YYYY-MM-DD): sent, hard bounces, counted complaints; days without either absent. */
  dailyCounts(
    accountId: string,
    since: string,
  ): Promise<{ day: string; sent: number; hardBounces: number; complaints: number }[]>;
  /** Accounts with anything sent or complained about since `since` (the periodic evaluation). */
  activeAccounts(since: string): Promise<string[]>;
}

export interface ReputationView {
  measures: Measure[];
  crossings: Crossing[];
  hold: CampaignHold | null;
  thresholds: {
    complaintRate: { warn: number; hold: number; pause: number; minDelivered: number };
    dailyComplaintCap: number;
    hardBounceRate: { warn: number; review: number; pause: number; minSent: number };
  };
}

/** One UTC day of an account's history (the reputation charts). */
export interface DailyRates {
  day: string;
  sent: number;
  hardBounces: number;
  complaints: number;
  complaintRate: number;
  hardBounceRate: number;
}
