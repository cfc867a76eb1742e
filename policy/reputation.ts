// Reputation policy (REP-01, REP-04..07): when what comes back changes what an account may do.
// Data, read by src/core/reputation/. Rates are of messages sent (accepted + bounced at the
// relay or after it) in the window; complaints are those whose trace proves the recipient.

/** REP-04: complaint rate thresholds, acting only past `minDelivered` sent in the window. */
export const COMPLAINT_RATE = {
  warn: 0.0008,
  hold: 0.001,
  pause: 0.003,
  minDelivered: 1_000,
} as const;

/** REP-05: this many complaints in one UTC day pause the account whatever the rate. */
export const DAILY_COMPLAINT_CAP = 50;

/**
 * REP-06: hard-bounce rate thresholds. The policy names no minimum volume for bounces; we act
 * past `minSent` so that one bad address in a ten-message test list does not pause an account.
 * `review` holds new campaigns for a reviewer, as the complaint `hold` does.
 */
export const HARD_BOUNCE_RATE = {
  warn: 0.02,
  review: 0.05,
  pause: 0.1,
  minSent: 100,
} as const;

/** REP-01: soft bounces in a row (across campaigns, no accepted message between) that suppress an address. */
export const SOFT_BOUNCES_IN_A_ROW = 3;

/** The windows rates are measured over: the current UTC day and the rolling 7 days. */
export const RATE_WINDOWS = ['day', '7d'] as const;

/** Rule ids written to the audit log and shown to the customer with each crossing. */
export const REPUTATION_RULES = {
  complaintWarn: 'REP-04.warn',
  complaintHold: 'REP-04.hold',
  complaintPause: 'REP-04.pause',
  complaintCap: 'REP-05.cap',
  bounceWarn: 'REP-06.warn',
  bounceReview: 'REP-06.review',
  bouncePause: 'REP-06.pause',
} as const;
