// The operator console's read model (issue 13 §4, §9): the names of the accounts a listing
// mentions, and the counts of the operator's dashboard. Read only; every count is one query.
import type { Standing } from '../standing/machine.ts';

/** Most account ids one name lookup takes (a listing page is at most a few hundred rows). */
export const MAX_ACCOUNT_NAME_LOOKUP = 1_000;
/** Open incidents shown on the dashboard, most recently seen first. */
export const DASHBOARD_RECENT_INCIDENTS = 5;

export interface DashboardIncident {
  id: string;
  kind: string;
  subject: string;
  summary: string;
  accountId: string | null;
  accountName: string | null;
  lastSeenAt: string;
}

export interface OperatorDashboard {
  /** Every standing with its number of accounts (0 included). */
  accountsByStanding: Record<Standing, number>;
  /** Signups held for an operator's review (ACC-02). */
  signupsPending: number;
  /** Imports held for review (IMP-05). */
  importsHeld: number;
  /** Campaigns the content screen held for a reviewer (CNT-02). */
  campaignsHeld: number;
  /** System mail not sent yet (queued or held): the outbox backlog (ACC-07). */
  outboxBacklog: number;
  /** The oldest unsent mail's creation time, or null when the backlog is empty. */
  outboxOldest: string | null;
  openIncidents: number;
  recentIncidents: DashboardIncident[];
}

export interface OperatorConsoleStore {
  /** id → name for the accounts among `ids` that exist (unknown ids are left out). */
  accountNames(ids: readonly string[]): Promise<Map<string, string>>;
  dashboard(): Promise<OperatorDashboard>;
}
