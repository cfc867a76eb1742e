// The BL-03 listing response, pure: what each account concerned gets, with the ports in memory
// (the stores and services are tested on both engines in listings.test.ts over rbldnsd).
import { describe, expect, it } from 'vitest';
import { BLOCKLIST_RESPONSE } from '../../../policy/blocklists.ts';
import type { OnNewListing } from '../blocklists/ports.ts';
import { silentLogger } from '../ports.ts';
import { DEFAULT_REPUTATION_POLICY } from '../reputation/rates.ts';
import type { Measure } from '../reputation/types.ts';
import type { TransitionInput } from '../standing/types.ts';
import { createListingResponse, LISTING_ACTOR, type ListingAction } from './listings.ts';
import type { IncidentRow } from './ports.ts';

const NOW = new Date('2026-12-04T04:17:00.000Z');
type Standing = { standing: string; restrictedServices: string[] };

function world(options: {
  owners?: { accountId: string; via: 'sending-domain' | 'link' }[];
  active?: string[];
  rates?: Record<string, { sent: number; complaints: number }>;
  standings?: Record<string, Standing>;
  operatorEmail?: string;
  failFor?: string;
}) {
  const transitions: TransitionInput[] = [];
  const incidents: IncidentRow[] = [];
  const mails: { to: string; data: Record<string, unknown> }[] = [];
  const since: string[] = [];
  let done: ListingAction[] = [];
  const standings = new Map(Object.entries(options.standings ?? {}));
  const respond = createListingResponse({
    store: {
      async openIncident(row: IncidentRow) {
        incidents.push(row);
        return { id: 'inc-1', opened: true };
      },
    } as never,
    accounts: {
      async accountsFor(_target, kind, s) {
        since.push(s);
        return kind === 'domain' ? (options.owners ?? []) : [];
      },
    },
    reputation: {
      async view(accountId) {
        const r = options.rates?.[accountId] ?? { sent: 0, complaints: 0 };
        const week: Measure = {
          scope: 'account',
          id: accountId,
          window: '7d',
          sent: r.sent,
          hardBounces: 0,
          complaints: r.complaints,
          complaintRate: r.sent ? r.complaints / r.sent : 0,
          hardBounceRate: 0,
        };
        const day: Measure = { ...week, window: 'day', sent: 0, complaints: 0, complaintRate: 0 };
        return { measures: [day, week], crossings: [], hold: null, thresholds: DEFAULT_REPUTATION_POLICY };
      },
      async activeAccounts(s) {
        since.push(s.toISOString());
        return options.active ?? [];
      },
    },
    standing: {
      async getAccount(accountId: string) {
        if (accountId === options.failFor) throw new Error('standing store down');
        return { id: accountId, ...(standings.get(accountId) ?? { standing: 'active', restrictedServices: [] }) } as never;
      },
      async transition(input: TransitionInput) {
        transitions.push(input);
        return {} as never;
      },
    },
    systemMail: {
      async enqueue(mail) {
        mails.push({ to: mail.to, data: mail.data });
        return 'mail-1';
      },
    },
    operatorEmail: options.operatorEmail,
    clock: { now: () => NOW },
    logger: silentLogger,
    onDone: (a) => (done = a),
  });
  return { respond, transitions, incidents, mails, since, done: () => done };
}

const domainListing: Parameters<OnNewListing>[0] = {
  target: 'shop.ro',
  targetKind: 'domain',
  zone: 'dbl.example',
  answer: '127.0.1.2',
  reason: 'spam domain',
  firstSeen: NOW.toISOString(),
  lastSeen: NOW.toISOString(),
  meaning: 'domains seen in spam',
};
const ipListing: Parameters<OnNewListing>[0] = {
  ...domainListing,
  target: '192.0.2.25',
  targetKind: 'ip',
  zone: 'zen.example',
  reason: null,
};

describe('BL-03 listing response', () => {
  it("[BL-03] pauses the email of a listed sending domain's owner, with the rule, the listing and the details", async () => {
    const w = world({ owners: [{ accountId: 'a1', via: 'sending-domain' }], rates: { a1: { sent: 5000, complaints: 1 } } });
    await w.respond(domainListing);
    expect(w.transitions).toEqual([
      {
        accountId: 'a1',
        action: 'restrict',
        services: ['email'],
        reason:
          'shop.ro is listed on dbl.example (127.0.1.2): spam domain (your sending domain). Email sending is paused until a platform operator reviews it with you.',
        rule: BLOCKLIST_RESPONSE.pauseRule,
        actor: LISTING_ACTOR,
        details: {
          target: 'shop.ro',
          targetKind: 'domain',
          zone: 'dbl.example',
          answer: '127.0.1.2',
          via: 'sending-domain',
          complaintRate: 0.0002,
          sent: 5000,
          holdThreshold: DEFAULT_REPUTATION_POLICY.complaintRate.hold,
        },
      },
    ]);
    expect(w.done()).toEqual([{ accountId: 'a1', via: 'sending-domain', action: 'paused', complaintRate: 0.0002 }]);
    // Link domains of the last 7 days.
    expect(w.since).toEqual([new Date(NOW.getTime() - 7 * 86_400_000).toISOString()]);
  });

  it('[BL-03] a linking account is told it is a domain its campaigns link to; other restricted services are kept', async () => {
    const w = world({
      owners: [{ accountId: 'a2', via: 'link' }],
      standings: { a2: { standing: 'restricted', restrictedServices: ['import'] } },
    });
    await w.respond({ ...domainListing, reason: null });
    expect(w.transitions[0]).toMatchObject({
      action: 'restrict',
      services: ['import', 'email'],
      reason:
        'shop.ro is listed on dbl.example (127.0.1.2) (a domain your campaigns link to). Email sending is paused until a platform operator reviews it with you.',
    });
  });

  it('[ACC-05] blocks an account whose 7-day complaint rate is at or over the hold threshold past its minimum volume', async () => {
    const hold = DEFAULT_REPUTATION_POLICY.complaintRate.hold;
    const min = DEFAULT_REPUTATION_POLICY.complaintRate.minDelivered;
    const w = world({
      owners: [
        { accountId: 'at', via: 'sending-domain' },
        { accountId: 'under', via: 'sending-domain' },
        { accountId: 'small', via: 'sending-domain' },
      ],
      rates: {
        at: { sent: min, complaints: min * hold },
        under: { sent: min * 10, complaints: min * 10 * hold - 1 },
        small: { sent: min - 1, complaints: 500 },
      },
    });
    await w.respond(domainListing);
    expect(w.transitions.map((x) => [x.accountId, x.action, x.rule])).toEqual([
      ['at', 'block', BLOCKLIST_RESPONSE.blockRule],
      ['under', 'restrict', BLOCKLIST_RESPONSE.pauseRule],
      ['small', 'restrict', BLOCKLIST_RESPONSE.pauseRule],
    ]);
    expect(w.transitions[0]!.reason).toBe(
      'shop.ro is listed on dbl.example (127.0.1.2): spam domain. Your complaint rate over the last 7 days is 0.10% of 1000 messages, at or over the 0.10% that shows mail sent without permission: the account is blocked.',
    );
    expect(w.done().map((a) => a.action)).toEqual(['blocked', 'paused', 'paused']);
  });

  it('[BL-03] leaves alone accounts whose email is already off; an already blocked account is not blocked again', async () => {
    const w = world({
      owners: [
        { accountId: 'blocked', via: 'sending-domain' },
        { accountId: 'suspended', via: 'sending-domain' },
        { accountId: 'emailoff', via: 'link' },
      ],
      rates: { blocked: { sent: 2000, complaints: 10 } },
      standings: {
        blocked: { standing: 'blocked', restrictedServices: [] },
        suspended: { standing: 'suspended', restrictedServices: [] },
        emailoff: { standing: 'restricted', restrictedServices: ['email'] },
      },
    });
    await w.respond(domainListing);
    expect(w.transitions).toEqual([]);
    expect(w.done().map((a) => a.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('[BL-03] a listed platform IP acts only on active accounts sending without permission', async () => {
    const w = world({
      active: ['spammer', 'clean'],
      rates: { spammer: { sent: 4000, complaints: 8 }, clean: { sent: 4000, complaints: 1 } },
    });
    await w.respond(ipListing);
    expect(w.transitions.map((x) => [x.accountId, x.action])).toEqual([['spammer', 'block']]);
    expect(w.transitions[0]!.details).toMatchObject({ via: 'active-on-ip', targetKind: 'ip' });
    expect(w.since).toEqual([
      new Date(NOW.getTime() - 7 * 86_400_000).toISOString(),
      new Date(NOW.getTime() - 7 * 86_400_000).toISOString(),
    ]);
    expect(w.incidents[0]).toMatchObject({ kind: 'blocklist', subjectKind: 'ip', subject: '192.0.2.25', accountId: null });
  });

  it('[BL-03] one incident per listing: its account when one owner, the accounts and what was done in its details', async () => {
    const one = world({ owners: [{ accountId: 'a1', via: 'sending-domain' }] });
    await one.respond(domainListing);
    expect(one.incidents).toEqual([
      expect.objectContaining({
        kind: 'blocklist',
        subjectKind: 'domain',
        subject: 'shop.ro',
        accountId: 'a1',
        summary: 'shop.ro is listed on dbl.example (127.0.1.2): spam domain.',
        occurrences: 1,
        openedAt: NOW.toISOString(),
        lastSeenAt: NOW.toISOString(),
        closedAt: null,
        details: {
          zone: 'dbl.example',
          answer: '127.0.1.2',
          reason: 'spam domain',
          meaning: 'domains seen in spam',
          accounts: [{ accountId: 'a1', via: 'sending-domain', action: 'paused', complaintRate: 0 }],
        },
      }),
    ]);
    const two = world({
      owners: [
        { accountId: 'a1', via: 'sending-domain' },
        { accountId: 'a2', via: 'link' },
      ],
    });
    await two.respond(domainListing);
    expect(two.incidents[0]!.accountId).toBeNull();
  });

  it('[BL-03] the operator is mailed what was listed and what was done, only when an address is configured', async () => {
    const w = world({ owners: [{ accountId: 'a1', via: 'sending-domain' }], operatorEmail: 'ops@assent.test' });
    await w.respond(domainListing);
    expect(w.mails).toHaveLength(1);
    expect(w.mails[0]!.to).toBe('ops@assent.test');
    expect(w.mails[0]!.data).toEqual({
      subject: 'Blocklist: shop.ro listed on dbl.example',
      body: 'shop.ro is listed on dbl.example (127.0.1.2): spam domain.\n\ndomains seen in spam\n\nDone: a1 paused (sending-domain).\n\nIncident inc-1 is open in the operator console.',
    });
    const none = world({ active: ['clean'], operatorEmail: 'ops@assent.test' });
    await none.respond(ipListing);
    expect(String(none.mails[0]!.data.body)).toContain(
      'No account was paused: the target belongs to none, or none shows sending without permission.',
    );
    const quiet = world({ owners: [{ accountId: 'a1', via: 'sending-domain' }] });
    await quiet.respond(domainListing);
    expect(quiet.mails).toEqual([]);
  });

  it('[BL-03] one account failing does not stop the others, and the incident is still opened', async () => {
    const w = world({
      owners: [
        { accountId: 'broken', via: 'sending-domain' },
        { accountId: 'ok', via: 'sending-domain' },
      ],
      failFor: 'broken',
    });
    await w.respond(domainListing);
    expect(w.transitions.map((x) => x.accountId)).toEqual(['ok']);
    expect(w.incidents).toHaveLength(1);
  });
});
