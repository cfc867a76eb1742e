// The blocklist check (BL-01..03): each zone's RFC 5782 test points first, then every target of
// its kind against the trusted zones, the history kept, listings opened and cleared. A new
// listing is audited ('blocklist.listed', system actor) and handed to `onNewListing`.
import type { AuditLog } from '../audit/types.ts';
import type { Clock, Logger } from '../ports.ts';
import { isIP } from 'node:net';
import type { BlocklistDns, BlocklistStore, BlocklistTargetSource, OnNewListing, OpenListing } from './ports.ts';
import { IPV6_TEST_POINTS, interpretAnswer, judgeTestPoints, queryName, targetKindOf, testPoints } from './query.ts';
import type { BlocklistTarget, BlocklistZone, CheckResult, ZoneTrust } from './types.ts';

export const BLOCKLIST_CHECK_JOB = 'blocklist.check-daily';
/** Daily at 04:17 UTC: off the hour, when sending is low. */
export const BLOCKLIST_CHECK_CRON = '17 4 * * *';
/** Link domains are taken from campaigns started in the last this many days. */
export const LINK_DOMAIN_DAYS = 7;
/** DNS queries in flight at once: enough for 1,000 domains in seconds, few enough not to flood a resolver. */
export const BLOCKLIST_QUERY_CONCURRENCY = 64;
/** Most targets one run checks; more is a configuration or data mistake. */
export const MAX_BLOCKLIST_TARGETS = 20_000;
const SYSTEM_ACTOR = { type: 'system' as const, id: 'blocklist-check' };

export interface RunSummary {
  zones: ZoneTrust[];
  results: CheckResult[];
  opened: OpenListing[];
  cleared: { target: string; zone: string }[];
}

export interface BlocklistService {
  /** Checks the targets against every configured zone, stores the history, opens and clears listings. */
  runChecks(targets: readonly BlocklistTarget[]): Promise<RunSummary>;
  /** The daily job's targets: SENDING_IPS, verified sending domains, link domains of recent campaigns. */
  dailyTargets(): Promise<BlocklistTarget[]>;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** De-duplicated, lower-cased, valid targets; anything else is dropped (and logged by the caller). */
export function normaliseTargets(values: readonly string[]): { targets: BlocklistTarget[]; rejected: string[] } {
  const seen = new Set<string>();
  const targets: BlocklistTarget[] = [];
  const rejected: string[] = [];
  for (const raw of values) {
    const value = raw.trim().toLowerCase().replace(/\.$/, '');
    const kind = targetKindOf(value);
    if (!kind) {
      rejected.push(raw);
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    targets.push({ value, kind });
  }
  return { targets, rejected };
}

export function createBlocklistService(deps: {
  dns: BlocklistDns;
  store: BlocklistStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  zones: readonly BlocklistZone[];
  /** SENDING_IPS from config. */
  sendingIps: readonly string[];
  targetSource: BlocklistTargetSource;
  onNewListing?: OnNewListing;
}): BlocklistService {
  async function ask(target: string, zone: BlocklistZone) {
    return interpretAnswer(await deps.dns.lookup(queryName(target, zone)), zone);
  }

  async function judge(zone: BlocklistZone, points: { listed: string; notListed: string }) {
    const [listed, notListed] = await Promise.all([ask(points.listed, zone), ask(points.notListed, zone)]);
    return judgeTestPoints(listed, notListed);
  }

  async function trustOf(zone: BlocklistZone): Promise<ZoneTrust> {
    const asksIpv6 = zone.kind === 'ip' && zone.ipv6 === true;
    const [main, v6] = await Promise.all([judge(zone, testPoints(zone)), asksIpv6 ? judge(zone, IPV6_TEST_POINTS) : null]);
    return { zone: zone.name, ...main, ipv6Trusted: v6 ? v6.trusted : null, ipv6Problem: v6?.problem ?? null };
  }

  // An IPv6 target is asked only of a zone whose IPv6 test points answered as they must.
  function applies(target: BlocklistTarget, zone: BlocklistZone, trust: ZoneTrust): boolean {
    if (target.kind !== zone.kind) return false;
    return target.kind === 'domain' || isIP(target.value) === 4 || trust.ipv6Trusted === true;
  }

  async function runChecks(targets: readonly BlocklistTarget[]): Promise<RunSummary> {
    if (targets.length > MAX_BLOCKLIST_TARGETS)
      throw new Error(`blocklists: ${targets.length} targets, over ${MAX_BLOCKLIST_TARGETS}`);
    const zones = await Promise.all(deps.zones.map(trustOf));
    const checkedAt = deps.clock.now().toISOString();
    const pairs: { target: BlocklistTarget; zone: BlocklistZone }[] = [];
    deps.zones.forEach((zone, i) => {
      const trust = zones[i] as ZoneTrust;
      if (!trust.trusted) {
        deps.logger.warn(
          { zone: zone.name, problem: trust.problem },
          'blocklist zone untrusted for this run: its answers are not used',
        );
        return;
      }
      if (trust.ipv6Trusted === false)
        deps.logger.warn({ zone: zone.name, problem: trust.ipv6Problem }, 'blocklist zone untrusted for IPv6 in this run');
      for (const target of targets) if (applies(target, zone, trust)) pairs.push({ target, zone });
    });
    const results = await mapLimit(pairs, BLOCKLIST_QUERY_CONCURRENCY, async ({ target, zone }): Promise<CheckResult> => {
      const i = await ask(target.value, zone);
      return {
        target: target.value,
        targetKind: target.kind,
        zone: zone.name,
        outcome: i.outcome,
        answer: i.outcome === 'not-listed' ? null : i.answer,
        reason: i.outcome === 'listed' ? i.reason : null,
        error: i.outcome === 'error' ? i.error : null,
        checkedAt,
      };
    });
    // An untrusted zone leaves one history row saying so (its test point's answer), so the
    // history shows why a target has no check on that zone that day.
    const untrustedRows: CheckResult[] = zones
      .filter((z) => !z.trusted)
      .map((z) => {
        const zone = deps.zones.find((x) => x.name === z.zone) as BlocklistZone;
        return {
          target: testPoints(zone).listed,
          targetKind: zone.kind,
          zone: z.zone,
          outcome: 'error',
          answer: null,
          reason: null,
          error: `zone-untrusted: ${z.problem ?? ''}`,
          checkedAt,
        };
      });
    for (const z of zones)
      if (z.trusted && z.ipv6Trusted === false)
        untrustedRows.push({
          target: IPV6_TEST_POINTS.listed,
          targetKind: 'ip',
          zone: z.zone,
          outcome: 'error',
          answer: null,
          reason: null,
          error: `zone-untrusted (IPv6): ${z.ipv6Problem ?? ''}`,
          checkedAt,
        });
    await deps.store.recordChecks([...untrustedRows, ...results]);

    const open = new Map((await deps.store.openListings()).map((l) => [`${l.target}\u0000${l.zone}`, l]));
    const opened: OpenListing[] = [];
    const cleared: { target: string; zone: string }[] = [];
    for (const r of results) {
      const key = `${r.target}\u0000${r.zone}`;
      const current = open.get(key);
      // Errors neither open nor clear: an unanswered question says nothing about the listing.
      if (r.outcome === 'listed') {
        if (current) {
          await deps.store.touchListing(r.target, r.zone, checkedAt, r.answer ?? '', r.reason);
          continue;
        }
        const listing: OpenListing = {
          target: r.target,
          targetKind: r.targetKind,
          zone: r.zone,
          answer: r.answer ?? '',
          reason: r.reason,
          firstSeen: checkedAt,
          lastSeen: checkedAt,
        };
        const zone = deps.zones.find((z) => z.name === r.zone) as BlocklistZone;
        const isNew = await deps.store.transaction(async () => {
          if (!(await deps.store.openListing(listing))) return false;
          await deps.audit.append({
            actor: SYSTEM_ACTOR,
            accountId: null,
            action: 'blocklist.listed',
            reason: `${r.target} is listed on ${r.zone} (${listing.answer}): ${listing.reason ?? zone.meaning}`.slice(0, 1000),
            rule: 'BL-01',
            details: { target: r.target, targetKind: r.targetKind, zone: r.zone, answer: listing.answer, reason: listing.reason },
          });
          return true;
        });
        if (!isNew) continue;
        opened.push(listing);
        deps.logger.warn(
          { target: r.target, zone: r.zone, answer: listing.answer, reason: listing.reason },
          'new blocklist listing',
        );
        await deps.onNewListing?.({ ...listing, meaning: zone.meaning });
      } else if (r.outcome === 'not-listed' && current) {
        const closed = await deps.store.transaction(async () => {
          if (!(await deps.store.clearListing(r.target, r.zone, checkedAt))) return false;
          await deps.audit.append({
            actor: SYSTEM_ACTOR,
            accountId: null,
            action: 'blocklist.cleared',
            reason: `${r.target} is no longer listed on ${r.zone}.`,
            rule: 'BL-01',
            details: { target: r.target, zone: r.zone, firstSeen: current.firstSeen },
          });
          return true;
        });
        if (closed) {
          cleared.push({ target: r.target, zone: r.zone });
          deps.logger.info({ target: r.target, zone: r.zone }, 'blocklist listing cleared');
        }
      }
    }
    return { zones, results, opened, cleared };
  }

  async function dailyTargets(): Promise<BlocklistTarget[]> {
    const since = new Date(deps.clock.now().getTime() - LINK_DOMAIN_DAYS * 86_400_000).toISOString();
    const [sending, links] = await Promise.all([deps.targetSource.sendingDomains(), deps.targetSource.linkDomains(since)]);
    const { targets, rejected } = normaliseTargets([...deps.sendingIps, ...sending, ...links]);
    if (rejected.length > 0)
      deps.logger.warn(
        { rejected: rejected.slice(0, 20), count: rejected.length },
        'blocklist targets skipped: not an IP or a domain',
      );
    return targets;
  }

  return { runChecks, dailyTargets };
}
