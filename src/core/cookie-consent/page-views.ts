// Our first-party demo analytics (the "performance" category): page views counted per path in
// memory, bounded. /assets/analytics.js reports a view only after the visitor accepted
// performance cookies (CK-04); nothing here identifies a visitor.

/** Distinct paths we count; views of further paths are counted under OTHER_PATH. */
export const MAX_TRACKED_PATHS = 200;
export const MAX_TRACKED_PATH_LENGTH = 200;
export const OTHER_PATH = '(other)';

export interface PageViewCounter {
  /** Counts one view; returns the path's total so far. */
  record(path: string): number;
  snapshot(): Record<string, number>;
}

export function createPageViewCounter(): PageViewCounter {
  const counts = new Map<string, number>();
  return {
    record(path) {
      let key = path.split(/[?#]/)[0] ?? '';
      if (!key.startsWith('/') || key.length > MAX_TRACKED_PATH_LENGTH) key = OTHER_PATH;
      if (!counts.has(key) && counts.size >= MAX_TRACKED_PATHS) key = OTHER_PATH;
      const next = (counts.get(key) ?? 0) + 1;
      counts.set(key, next);
      return next;
    },
    snapshot() {
      return Object.fromEntries(counts);
    },
  };
}
