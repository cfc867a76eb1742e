// Sending policy (issue 8): the warm-up quota of new accounts (ACC-08) and the first-campaign
// sample of a newly approved import (IMP-07). Data, read by src/core/delivery/engine.ts.

/**
 * ACC-08 warm-up. An account may send `startPerDay` messages on its first sending day; each
 * earlier UTC day on which it sent multiplies that by `growth`, up to `maxPerDay` — while its
 * last 30 days stay healthy (hard bounces ≤ maxHardBounceRate and complaints ≤ maxComplaintRate
 * of what it sent). An unhealthy account is held at `startPerDay`. A send over the day's quota
 * waits for the next UTC day; it is never dropped.
 */
export const WARMUP = {
  startPerDay: 500,
  growth: 2,
  maxPerDay: 5_000_000,
  maxHardBounceRate: 0.05,
  maxComplaintRate: 0.003,
} as const;

export type WarmupPolicy = { -readonly [K in keyof typeof WARMUP]: number };

/** IMP-07: the share of a newly approved import sent first, at least `min`, and the hard-bounce rate that declines the rest. */
export const IMPORT_SAMPLE = {
  share: 0.05,
  min: 100,
  maxHardBounceRate: 0.05,
} as const;

export type SamplePolicy = { -readonly [K in keyof typeof IMPORT_SAMPLE]: number };
