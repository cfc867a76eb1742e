// Growth over the last days (issue 13 §9): per UTC day, subscriptions gained and lost, read from
// the consent ledger. Days without events are filled with zeros here, so every engine and every
// caller get the same series of GROWTH_DAYS days ending today.
import type { Clock } from '../ports.ts';

/** The dashboard's window: the last 30 UTC days, today included (Mailchimp's default range). */
export const GROWTH_DAYS = 30;

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
  /** The days with events at or after `since` (ISO instant), any order; days without none. */
  consentChangesByDay(accountId: string, since: string, listId?: string): Promise<DailyChange[]>;
}

export interface Growth {
  /** GROWTH_DAYS days, oldest first, 'YYYY-MM-DD'. */
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

export interface DashboardService {
  growth(accountId: string, options?: { listId?: string }): Promise<Growth>;
}

const DAY_MS = 24 * 3600 * 1000;

/** The GROWTH_DAYS UTC days ending on `now`'s day, oldest first. */
export function growthDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: GROWTH_DAYS }, (_, i) =>
    new Date(today - (GROWTH_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

export function createDashboardService(deps: { store: GrowthStore; clock: Clock }): DashboardService {
  return {
    async growth(accountId, options = {}) {
      const days = growthDays(deps.clock.now());
      const rows = await deps.store.consentChangesByDay(accountId, `${days[0]}T00:00:00.000Z`, options.listId);
      const byDay = new Map(rows.map((r) => [r.day, r]));
      const gained = days.map((d) => byDay.get(d)?.gained ?? 0);
      const lost = days.map((d) => byDay.get(d)?.lost ?? 0);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      return { days, gained, lost, totalGained: sum(gained), totalLost: sum(lost) };
    },
  };
}
