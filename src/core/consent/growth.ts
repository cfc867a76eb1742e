// Growth over the last days (issue 13 §2 and §9): per UTC day, subscriptions gained and lost, read
// from the consent ledger — the one series the dashboard (the account) and a list's page (one list)
// both show. Days without events are filled with zeros here, so every engine and every caller get
// the same series of `days` days ending today. See CONTEXT.md, "Growth".
import type { Clock } from '../ports.ts';

/** The default window: the last 30 UTC days, today included (Mailchimp's default range). */
export const GROWTH_DAYS = 30;
/** The windows a chart may ask for, in days. */
export const GROWTH_PERIODS = [30, 90] as const;
export type GrowthPeriod = (typeof GROWTH_PERIODS)[number];

/** The ledger kinds that count as a gain and as a loss (see CONTEXT.md). */
export const GAINED_KINDS = ['granted', 'confirmed'] as const;
export const LOST_KINDS = ['withdrawn'] as const;

export interface DailyChange {
  /** 'YYYY-MM-DD' (UTC). */
  day: string;
  gained: number;
  lost: number;
}

export interface GrowthStore {
  /**
   * The days with events at or after `since` (ISO instant), any order; days without none. A day's
   * gains and losses are distinct subscriptions (contact × list): granted twice in a day is one gain.
   */
  consentChangesByDay(accountId: string, since: string, listId?: string): Promise<DailyChange[]>;
}

export interface Growth {
  /** The window's days, oldest first, 'YYYY-MM-DD'. */
  days: string[];
  gained: number[];
  lost: number[];
  totalGained: number;
  totalLost: number;
}

/** GET /api/v1/account/dashboard (the web app reads this type). */
export interface DashboardView {
  growth: Growth;
}

export interface GrowthService {
  /** The account's (or one list's) growth over the last `days` days (GROWTH_DAYS by default). */
  growth(accountId: string, options?: { listId?: string; days?: GrowthPeriod }): Promise<Growth>;
}

const DAY_MS = 24 * 3600 * 1000;

/** The `length` UTC days ending on `now`'s day, oldest first. */
export function growthDays(now: Date, length: number = GROWTH_DAYS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length }, (_, i) => new Date(today - (length - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

export function createGrowthService(deps: { store: GrowthStore; clock: Clock }): GrowthService {
  return {
    async growth(accountId, options = {}) {
      const days = growthDays(deps.clock.now(), options.days ?? GROWTH_DAYS);
      const rows = await deps.store.consentChangesByDay(accountId, `${days[0]}T00:00:00.000Z`, options.listId);
      const byDay = new Map(rows.map((r) => [r.day, r]));
      const gained = days.map((d) => byDay.get(d)?.gained ?? 0);
      const lost = days.map((d) => byDay.get(d)?.lost ?? 0);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      return { days, gained, lost, totalGained: sum(gained), totalLost: sum(lost) };
    },
  };
}
