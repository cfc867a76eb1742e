// The pure half of the reputation rules (REP-04..06): measures per scope and which thresholds
// they cross, at the boundaries the policy names (at the threshold counts; one under does not;
// below the minimum volume nothing acts), and the plain-words reason.
import { expect, it } from 'vitest';
import { COMPLAINT_RATE, DAILY_COMPLAINT_CAP, HARD_BOUNCE_RATE } from '../../../policy/reputation.ts';
import { crossingReason, crossings, measures } from './rates.ts';
import type { CampaignCounts, Measure } from './types.ts';

const ACCOUNT = 'acc-1';
const row = (campaignId: string, fromDomain: string, sent: number, hardBounces: number, complaints: number): CampaignCounts => ({
  campaignId,
  fromDomain,
  sent,
  hardBounces,
  complaints,
});
const account = (window: 'day' | '7d', sent: number, hardBounces: number, complaints: number): Measure =>
  measures(ACCOUNT, window, [row('c1', 'shop.ro', sent, hardBounces, complaints)])[0]!;
const rules = (ms: Measure[]) => crossings(ms).map((x) => `${x.scope}:${x.window}:${x.rule}`);

it('[REP-04, REP-06] measures an account, each campaign and each From domain, with their rates', () => {
  const ms = measures(ACCOUNT, '7d', [
    row('c1', 'shop.ro', 600, 12, 1),
    row('c2', 'shop.ro', 400, 0, 1),
    row('c3', 'news.ro', 1000, 50, 0),
  ]);
  const by = (scope: string, id: string) => ms.find((m) => m.scope === scope && m.id === id)!;
  expect(by('account', ACCOUNT)).toMatchObject({
    sent: 2000,
    hardBounces: 62,
    complaints: 2,
    complaintRate: 0.001,
    hardBounceRate: 0.031,
  });
  expect(by('campaign', 'c1')).toMatchObject({ sent: 600, hardBounceRate: 0.02 });
  expect(by('domain', 'shop.ro')).toMatchObject({ sent: 1000, hardBounces: 12, complaints: 2, complaintRate: 0.002 });
  expect(by('domain', 'news.ro')).toMatchObject({ sent: 1000, hardBounceRate: 0.05 });
  expect(ms).toHaveLength(1 + 3 + 2);
  expect(measures(ACCOUNT, 'day', [])[0]).toMatchObject({ sent: 0, complaintRate: 0, hardBounceRate: 0 });
});

it('[REP-04] complaint rate: warn at 0.08%, hold at 0.1%, pause at 0.3% — each at the threshold, not one complaint below', () => {
  const n = 10_000;
  expect(rules([account('7d', n, 0, 7)])).toEqual([]);
  expect(rules([account('7d', n, 0, 8)])).toEqual(['account:7d:REP-04.warn']);
  expect(rules([account('7d', n, 0, 9)])).toEqual(['account:7d:REP-04.warn']);
  expect(rules([account('7d', n, 0, 10)])).toEqual(['account:7d:REP-04.hold']);
  expect(rules([account('7d', n, 0, 29)])).toEqual(['account:7d:REP-04.hold']);
  expect(rules([account('7d', n, 0, 30)])).toEqual(['account:7d:REP-04.pause']);
  const [pause] = crossings([account('7d', n, 0, 30)]);
  expect(pause).toMatchObject({
    action: 'pause',
    metric: 'complaint-rate',
    value: 0.003,
    threshold: COMPLAINT_RATE.pause,
    sent: n,
  });
});

it(`[REP-04] complaint rates act only from ${COMPLAINT_RATE.minDelivered} messages sent`, () => {
  expect(rules([account('7d', COMPLAINT_RATE.minDelivered - 1, 0, 500)])).toEqual([]);
  expect(rules([account('7d', COMPLAINT_RATE.minDelivered, 0, 3)])).toEqual(['account:7d:REP-04.pause']);
});

it(`[REP-05] ${DAILY_COMPLAINT_CAP} complaints in the day pause the account whatever was sent; not the 7-day window, not a campaign`, () => {
  const huge = 10_000_000;
  expect(rules([account('day', huge, 0, DAILY_COMPLAINT_CAP - 1)])).toEqual([]);
  expect(rules([account('day', huge, 0, DAILY_COMPLAINT_CAP)])).toEqual(['account:day:REP-05.cap']);
  expect(rules([account('day', 10, 0, DAILY_COMPLAINT_CAP)])).toContain('account:day:REP-05.cap');
  expect(rules([account('7d', huge, 0, DAILY_COMPLAINT_CAP * 10)])).toEqual([]);
  const campaignOnly = measures(ACCOUNT, 'day', [row('c1', 'shop.ro', huge, 0, DAILY_COMPLAINT_CAP)]).filter(
    (m) => m.scope === 'campaign',
  );
  expect(rules(campaignOnly)).toEqual([]);
  const [cap] = crossings([account('day', huge, 0, DAILY_COMPLAINT_CAP)]);
  expect(cap).toMatchObject({ metric: 'daily-complaints', value: DAILY_COMPLAINT_CAP, threshold: DAILY_COMPLAINT_CAP });
});

it('[REP-06] hard-bounce rate: warn at 2%, review (hold) at 5%, pause at 10%, from 100 sent', () => {
  expect(rules([account('day', 1000, 19, 0)])).toEqual([]);
  expect(rules([account('day', 1000, 20, 0)])).toEqual(['account:day:REP-06.warn']);
  expect(rules([account('day', 1000, 49, 0)])).toEqual(['account:day:REP-06.warn']);
  expect(rules([account('day', 1000, 50, 0)])).toEqual(['account:day:REP-06.review']);
  expect(crossings([account('day', 1000, 50, 0)])[0]?.action).toBe('hold');
  expect(rules([account('day', 1000, 99, 0)])).toEqual(['account:day:REP-06.review']);
  expect(rules([account('day', 1000, 100, 0)])).toEqual(['account:day:REP-06.pause']);
  expect(rules([account('day', HARD_BOUNCE_RATE.minSent - 1, 99, 0)])).toEqual([]);
  expect(rules([account('day', HARD_BOUNCE_RATE.minSent, 10, 0)])).toEqual(['account:day:REP-06.pause']);
});

it('[REP-04, REP-06] every crossing of every scope, harshest first', () => {
  const ms = [
    ...measures(ACCOUNT, 'day', [row('c1', 'shop.ro', 1000, 25, 0), row('c2', 'news.ro', 1000, 0, 1)]),
    ...measures(ACCOUNT, '7d', [row('c1', 'shop.ro', 1000, 110, 0)]),
  ];
  const found = crossings(ms);
  expect(found.map((x) => x.action)).toEqual([...found.map((x) => x.action)].sort((a, b) => order(b) - order(a)));
  expect(found[0]).toMatchObject({ action: 'pause', rule: 'REP-06.pause', window: '7d' });
  expect(found.map((x) => `${x.scope}:${x.id}:${x.rule}`)).toEqual(
    expect.arrayContaining([
      'campaign:c1:REP-06.warn',
      'campaign:c2:REP-04.hold',
      'domain:news.ro:REP-04.hold',
      'account:acc-1:REP-06.pause',
    ]),
  );
});
const order = (a: string) => ({ warn: 1, hold: 2, pause: 3 })[a] ?? 0;

it('[REP-04, REP-05, REP-06] the reason says what was measured, where, over which window, the limit and what happens', () => {
  const [pause] = crossings([account('7d', 1000, 0, 3)]);
  expect(crossingReason(pause!)).toBe(
    'The complaint rate of the account over the last 7 days is 0.3% of 1000 messages, at or over the 0.3% limit: email sending is paused until a platform operator reviews the account.',
  );
  const [hold] = crossings(measures(ACCOUNT, 'day', [row('c9', 'shop.ro', 200, 10, 0)]).filter((m) => m.scope === 'campaign'));
  expect(crossingReason(hold!)).toBe(
    'The hard-bounce rate of campaign c9 today (UTC) is 5% of 200 messages, at or over the 5% limit: new campaigns wait for a reviewer before they are sent.',
  );
  const [warn] = crossings(measures(ACCOUNT, 'day', [row('c9', 'shop.ro', 1000, 25, 0)]).filter((m) => m.scope === 'domain'));
  expect(crossingReason(warn!)).toBe(
    'The hard-bounce rate of the sending domain shop.ro today (UTC) is 2.5% of 1000 messages, at or over the 2% limit: this is a warning.',
  );
  const [cap] = crossings([account('day', 100_000, 0, 60)]);
  expect(crossingReason(cap!)).toBe(
    '60 spam complaints today (UTC), at or over the daily limit of 50: email sending is paused until a platform operator reviews the account.',
  );
});
