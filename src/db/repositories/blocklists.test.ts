// The blocklist check end to end on both engines: real zones from rbldnsd, the service, the store
// and the audit log (BL-01..03).
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBlocklistDns } from '../../channels/dns/blocklist-client.ts';
import { createAuditLog } from '../../core/audit/audit-log.ts';
import type { OpenListing } from '../../core/blocklists/ports.ts';
import { IPV6_TEST_POINTS, queryName } from '../../core/blocklists/query.ts';
import { createBlocklistService } from '../../core/blocklists/service.ts';
import type { BlocklistTarget } from '../../core/blocklists/types.ts';
import { silentLogger } from '../../core/ports.ts';
import { manualClock } from '../../../test/helpers/clock.ts';
import { describeEachEngine } from '../../../test/helpers/engines.ts';
import {
  CLEAN_DOMAIN,
  CLEAN_IPV4,
  ERROR_IPV4,
  LISTED_DOMAIN,
  LISTED_IPV4,
  LISTED_IPV4_REASON,
  LISTED_IPV6,
  TEST_ZONES,
  rbldnsdAvailable,
  startRbldnsd,
  type RunningRbldnsd,
} from '../../../test/helpers/rbldnsd.ts';
import { createAuditRepository } from './audit.ts';
import { createBlocklistStore, createBlocklistTargetSource } from './blocklists.ts';

const ZONES = [TEST_ZONES.ips, TEST_ZONES.domains, TEST_ZONES.broken, TEST_ZONES.notest];
const TARGETS: BlocklistTarget[] = [
  { value: LISTED_IPV4, kind: 'ip' },
  { value: LISTED_IPV6, kind: 'ip' },
  { value: ERROR_IPV4, kind: 'ip' },
  { value: CLEAN_IPV4, kind: 'ip' },
  { value: LISTED_DOMAIN, kind: 'domain' },
  { value: CLEAN_DOMAIN, kind: 'domain' },
];

let listedServer: RunningRbldnsd | undefined;
let delistedServer: RunningRbldnsd | undefined;
let silent: Socket | undefined;
const available = rbldnsdAvailable();

beforeAll(async () => {
  if (!available) return;
  listedServer = await startRbldnsd();
  delistedServer = await startRbldnsd({ delisted: true });
  silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent?.bind(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await listedServer?.close();
  await delistedServer?.close();
  await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
});

describeEachEngine('blocklist checks: service and store', (db) => {
  const clock = manualClock('2026-12-01T04:17:00.000Z');
  const hooked: OpenListing[] = [];
  const serviceOn = (server: string, timeoutMs?: number) => {
    const database = db();
    return createBlocklistService({
      dns: createBlocklistDns({ servers: [server], timeoutMs, tries: 1 }),
      store: createBlocklistStore(database),
      targetSource: createBlocklistTargetSource(database),
      audit: createAuditLog({ store: createAuditRepository(database.db), clock }),
      clock,
      logger: silentLogger,
      zones: ZONES,
      sendingIps: ['192.0.2.1', '2001:db8::25'],
      onNewListing: async (l) => {
        hooked.push(l);
      },
    });
  };
  const audit = () => createAuditLog({ store: createAuditRepository(db().db), clock });
  const openRows = () => db().db.selectFrom('blocklist_listings').selectAll().orderBy('target').orderBy('zone').execute();

  it.skipIf(!available)(
    '[BL-01, BL-02] checks IPs and domains on trusted zones only, keeps every check, and opens each new listing once, audited',
    async () => {
      const run = await serviceOn(listedServer?.server ?? '').runChecks(TARGETS);
      expect(run.zones).toEqual([
        { zone: 'ips.bl.test', trusted: true, problem: null, ipv6Trusted: true, ipv6Problem: null },
        { zone: 'domains.bl.test', trusted: true, problem: null, ipv6Trusted: null, ipv6Problem: null },
        {
          zone: 'broken.bl.test',
          trusted: false,
          problem: expect.stringMatching(/127\.255\.255\.254/),
          ipv6Trusted: null,
          ipv6Problem: null,
        },
        {
          zone: 'notest.bl.test',
          trusted: false,
          problem: 'listed test point answered not-listed',
          ipv6Trusted: null,
          ipv6Problem: null,
        },
      ]);
      const byKey = new Map(run.results.map((r) => [`${r.target}@${r.zone}`, r]));
      expect(byKey.get(`${LISTED_IPV4}@ips.bl.test`)).toMatchObject({
        outcome: 'listed',
        answer: '127.0.0.4',
        reason: LISTED_IPV4_REASON,
      });
      expect(byKey.get(`${LISTED_IPV6}@ips.bl.test`)?.outcome).toBe('listed');
      expect(byKey.get(`${LISTED_DOMAIN}@domains.bl.test`)?.outcome).toBe('listed');
      expect(byKey.get(`${ERROR_IPV4}@ips.bl.test`)).toMatchObject({ outcome: 'error', error: 'zone-error-code' });
      expect(byKey.get(`${CLEAN_IPV4}@ips.bl.test`)?.outcome).toBe('not-listed');
      expect(byKey.get(`${CLEAN_DOMAIN}@domains.bl.test`)?.outcome).toBe('not-listed');
      // notest.bl.test lists LISTED_IPV4 but fails its test point: its answers are not even asked.
      expect(run.results.some((r) => r.zone === 'notest.bl.test' || r.zone === 'broken.bl.test')).toBe(false);

      // History: 4 IPs + 2 domains on the trusted zones, and one row per untrusted zone saying why.
      const checks = await db().db.selectFrom('blocklist_checks').selectAll().execute();
      expect(checks).toHaveLength(6 + 2);
      expect(
        checks
          .filter((c) => c.listed === 1)
          .map((c) => c.target)
          .sort(),
      ).toEqual([LISTED_IPV6, LISTED_IPV4, LISTED_DOMAIN].sort());
      expect(checks.find((c) => c.zone === 'notest.bl.test')?.error).toMatch(/^zone-untrusted: /);

      // Listings: the three listed pairs, none from the error answer or the untrusted zones.
      const rows = await openRows();
      expect(rows.map((r) => `${r.target}@${r.zone}`)).toEqual(
        [`${LISTED_IPV4}@ips.bl.test`, `${LISTED_IPV6}@ips.bl.test`, `${LISTED_DOMAIN}@domains.bl.test`].sort(),
      );
      expect(rows.every((r) => r.cleared_at === null && r.first_seen === '2026-12-01T04:17:00.000Z')).toBe(true);
      const entries = await audit().list({ actionPrefix: 'blocklist.' });
      expect(entries).toHaveLength(3);
      expect(entries.every((e) => e.action === 'blocklist.listed' && e.actorType === 'system' && e.accountId === null)).toBe(
        true,
      );
      expect(entries.find((e) => e.details.target === LISTED_IPV4)?.reason).toContain(LISTED_IPV4_REASON);
      expect(hooked.map((l) => l.target).sort()).toEqual([LISTED_IPV6, LISTED_IPV4, LISTED_DOMAIN].sort());
    },
  );

  it.skipIf(!available)(
    '[BL-01] a second run does not reopen an open listing: it moves last_seen, audits nothing new',
    async () => {
      clock.set('2026-12-02T04:17:00.000Z');
      const run = await serviceOn(listedServer?.server ?? '').runChecks(TARGETS);
      expect(run.opened).toEqual([]);
      const rows = await openRows();
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.first_seen === '2026-12-01T04:17:00.000Z' && r.last_seen === '2026-12-02T04:17:00.000Z')).toBe(
        true,
      );
      expect(await audit().list({ actionPrefix: 'blocklist.' })).toHaveLength(3);
      expect(hooked).toHaveLength(3);
    },
  );

  it.skipIf(!available)(
    '[BL-02] a resolver that does not answer clears nothing: every zone is untrusted for that run',
    async () => {
      const run = await serviceOn(`127.0.0.1:${silent?.address().port ?? 0}`, 100).runChecks(TARGETS);
      expect(run.zones.every((z) => !z.trusted && /dns-etimeout/.test(z.problem ?? ''))).toBe(true);
      expect(run.results).toEqual([]);
      expect(run.cleared).toEqual([]);
      expect((await openRows()).every((r) => r.cleared_at === null)).toBe(true);
    },
  );

  it.skipIf(!available)('[BL-01] a listing that is gone on a trusted zone is closed, audited once', async () => {
    clock.set('2026-12-03T04:17:00.000Z');
    const run = await serviceOn(delistedServer?.server ?? '').runChecks(TARGETS);
    expect(run.cleared).toHaveLength(3);
    const rows = await openRows();
    expect(rows.every((r) => r.cleared_at === '2026-12-03T04:17:00.000Z')).toBe(true);
    expect((await audit().list({ actionPrefix: 'blocklist.cleared' })).length).toBe(3);
    // Listed again later: a new listing opens (a new row), the closed one stays as history.
    clock.set('2026-12-04T04:17:00.000Z');
    const again = await serviceOn(listedServer?.server ?? '').runChecks(TARGETS);
    expect(again.opened).toHaveLength(3);
    expect(await openRows()).toHaveLength(6);
  });

  it.skipIf(!available)(
    '[BL-02] a zone whose IPv6 test point is not listed is asked about IPv4 targets only, and says so in the history',
    async () => {
      // rbldnsd answers ::ffff:7f00:2 from its IPv4 data, so the missing IPv6 test point is made
      // at the network edge: that one name answers NXDOMAIN, every other goes to rbldnsd.
      const real = createBlocklistDns({ servers: [listedServer?.server ?? ''], tries: 1 });
      const v6TestPoint = `${queryName(IPV6_TEST_POINTS.listed, TEST_ZONES.ips)}`;
      const database = db();
      const asked: string[] = [];
      const service = createBlocklistService({
        dns: {
          lookup: async (name) => {
            asked.push(name);
            return name === v6TestPoint ? { kind: 'nxdomain' } : real.lookup(name);
          },
        },
        store: createBlocklistStore(database),
        targetSource: createBlocklistTargetSource(database),
        audit: createAuditLog({ store: createAuditRepository(database.db), clock }),
        clock,
        logger: silentLogger,
        zones: [TEST_ZONES.ips],
        sendingIps: [],
      });
      const run = await service.runChecks([
        { value: LISTED_IPV4, kind: 'ip' },
        { value: LISTED_IPV6, kind: 'ip' },
      ]);
      expect(run.zones).toEqual([
        {
          zone: 'ips.bl.test',
          trusted: true,
          problem: null,
          ipv6Trusted: false,
          ipv6Problem: 'listed test point answered not-listed',
        },
      ]);
      expect(run.results.map((r) => r.target)).toEqual([LISTED_IPV4]);
      expect(asked).not.toContain(queryName(LISTED_IPV6, TEST_ZONES.ips));
      const v6Row = await database.db
        .selectFrom('blocklist_checks')
        .selectAll()
        .where('checked_at', '=', clock.now().toISOString())
        .where('target', '=', IPV6_TEST_POINTS.listed)
        .executeTakeFirst();
      expect(v6Row?.error).toMatch(/^zone-untrusted \(IPv6\): /);
    },
  );

  it('[BL-01] the daily targets are SENDING_IPS, verified sending domains and link domains of recent campaigns', async () => {
    const d = db().db;
    const base = {
      account_id: 'a1',
      dkim_selector: 's1',
      ed25519_selector: null,
      records: '[]',
      rsa_private_key_sealed: 'x',
      ed25519_private_key_sealed: null,
      last_checked_at: null,
      verified_at: null,
      created_at: '2026-11-01T00:00:00.000Z',
    };
    await d
      .insertInto('sending_domains')
      .values([
        { ...base, id: 'sd1', domain: 'news.shop.example', status: 'verified' },
        { ...base, id: 'sd2', domain: 'pending.example', status: 'pending' },
      ])
      .execute();
    const campaign = (id: string, startedAt: string | null) => ({
      id,
      account_id: 'a1',
      list_id: 'l1',
      segment_id: null,
      name: id,
      status: 'sent',
      subject: 's',
      preheader: '',
      from_name: 'f',
      from_email: 'f@news.shop.example',
      reply_to: null,
      format: 'html',
      body: '',
      click_tracking: 1,
      version: 1,
      verdict: null,
      scheduled_at: null,
      time_zone: null,
      pause_reason: null,
      created_at: '2026-11-01T00:00:00.000Z',
      updated_at: '2026-11-01T00:00:00.000Z',
      started_at: startedAt,
      finished_at: null,
    });
    await d
      .insertInto('campaigns')
      .values([campaign('c-recent', '2026-12-03T10:00:00.000Z'), campaign('c-old', '2026-10-01T10:00:00.000Z')])
      .execute();
    await d
      .insertInto('campaign_links')
      .values([
        { campaign_id: 'c-recent', idx: 0, url: 'https://Shop.Example/sale?x=1', account_id: 'a1' },
        { campaign_id: 'c-recent', idx: 1, url: 'mailto:help@shop.example', account_id: 'a1' },
        { campaign_id: 'c-recent', idx: 2, url: 'https://news.shop.example/', account_id: 'a1' },
        { campaign_id: 'c-old', idx: 0, url: 'https://old.example/', account_id: 'a1' },
      ])
      .execute();
    const targets = await serviceOn('127.0.0.1:1').dailyTargets();
    expect(targets).toEqual([
      { value: '192.0.2.1', kind: 'ip' },
      { value: '2001:db8::25', kind: 'ip' },
      { value: 'news.shop.example', kind: 'domain' },
      { value: 'shop.example', kind: 'domain' },
    ]);
  });
});
