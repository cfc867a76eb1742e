// The recheck job's singleton key: its successor, enqueued at least CAMPAIGN_SEND_RECHECK_SECONDS
// after it was itself enqueued, always names another slot (a fixed key collided with the running
// job's own, so after a worker died nothing looked at the campaign again).
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_SEND_RECHECK_SECONDS, recheckKey } from './campaign-send.ts';

describe('campaign.send recheck', () => {
  it("[DEL-03] a recheck enqueued by a running recheck never reuses the running job's key; rechecks within one slot share one", () => {
    const step = CAMPAIGN_SEND_RECHECK_SECONDS * 1000;
    for (const enqueuedAt of [0, 1, step - 1, step, 1_733_000_000_000, 1_733_000_009_999]) {
      const own = recheckKey('c1', enqueuedAt);
      // It runs no earlier than startAfter: CAMPAIGN_SEND_RECHECK_SECONDS later.
      for (const runsAt of [enqueuedAt + step, enqueuedAt + step + 1, enqueuedAt + 5 * step]) {
        expect(recheckKey('c1', runsAt)).not.toBe(own);
      }
    }
    expect(recheckKey('c1', 20 * step + 1)).toBe(recheckKey('c1', 20 * step + step - 1));
    expect(recheckKey('c1', 0)).not.toBe(recheckKey('c2', 0));
  });
});
