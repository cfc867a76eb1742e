// SQL for blocklist monitoring (BL-01..03): the check history (append), the open listings, and
// the daily job's targets (verified sending domains, link domains of recent campaigns). Platform
// data, not account data: no account scope.
import { randomUUID } from 'node:crypto';
import type {
  BlocklistReadStore,
  BlocklistStore,
  BlocklistTargetSource,
  ListingAccounts,
  ListingRecord,
  OpenListing,
} from '../../core/blocklists/ports.ts';
import type { CheckResult } from '../../core/blocklists/types.ts';
import type { TargetKind } from '../../core/blocklists/types.ts';
import { uuidV7At } from '../../core/ids.ts';
import { insertRows } from '../bulk.ts';
import type { Database } from '../database.ts';

/** Link rows read per run at most (a week of campaigns' links; beyond that the newest win). */
export const MAX_LINK_ROWS = 200_000;

export function createBlocklistStore(database: Database): BlocklistStore {
  const { db, engine } = database;
  return {
    async recordChecks(rows) {
      if (rows.length === 0) return;
      const base = Date.parse(rows[0]?.checkedAt ?? new Date().toISOString());
      await insertRows(
        db,
        engine,
        'blocklist_checks',
        ['id', 'target', 'target_kind', 'zone', 'listed', 'answer', 'reason', 'error', 'checked_at'],
        rows.map((r) => [
          uuidV7At(base),
          r.target,
          r.targetKind,
          r.zone,
          r.outcome === 'listed' ? 1 : 0,
          r.answer,
          r.reason,
          r.error,
          r.checkedAt,
        ]),
        { pgTypes: { listed: 'int' } },
      );
    },

    async openListings() {
      const rows = await db.selectFrom('blocklist_listings').selectAll().where('cleared_at', 'is', null).execute();
      return rows.map((r): OpenListing => ({
        target: r.target,
        targetKind: r.target_kind as TargetKind,
        zone: r.zone,
        answer: r.answer,
        reason: r.reason,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
      }));
    },

    // Insert-or-ignore on the partial unique index (one open listing per target and zone).
    async openListing(l) {
      const result = await db
        .insertInto('blocklist_listings')
        .values({
          id: randomUUID(),
          target: l.target,
          target_kind: l.targetKind,
          zone: l.zone,
          answer: l.answer,
          reason: l.reason,
          first_seen: l.firstSeen,
          last_seen: l.lastSeen,
          cleared_at: null,
        })
        .onConflict((oc) => oc.columns(['target', 'zone']).where('cleared_at', 'is', null).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async touchListing(target, zone, seenAt, answer, reason) {
      await db
        .updateTable('blocklist_listings')
        .set({ last_seen: seenAt, answer, reason })
        .where('target', '=', target)
        .where('zone', '=', zone)
        .where('cleared_at', 'is', null)
        .execute();
    },

    async clearListing(target, zone, clearedAt) {
      const result = await db
        .updateTable('blocklist_listings')
        .set({ cleared_at: clearedAt })
        .where('target', '=', target)
        .where('zone', '=', zone)
        .where('cleared_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    transaction: (fn) => database.transaction(fn),
  };
}

/** Host name of an http(s) link, or null (mailto:, tel:, merge tags, malformed). */
function linkHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function createBlocklistTargetSource(database: Database): BlocklistTargetSource {
  const { db } = database;
  return {
    async sendingDomains() {
      const rows = await db.selectFrom('sending_domains').select('domain').distinct().where('status', '=', 'verified').execute();
      return rows.map((r) => r.domain);
    },
    async linkDomains(since) {
      const rows = await db
        .selectFrom('campaign_links as l')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .select('l.url')
        .where('c.started_at', '>=', since)
        .orderBy('c.started_at', 'desc')
        .limit(MAX_LINK_ROWS)
        .execute();
      const hosts = new Set<string>();
      for (const r of rows) {
        const h = linkHost(r.url);
        if (h) hosts.add(h);
      }
      return [...hosts];
    },
  };
}

/** BL-03: the accounts a listed domain belongs to. An IP is shared by every account: none by itself. */
export function createListingAccounts(database: Database): ListingAccounts {
  const { db } = database;
  return {
    async accountsFor(target, kind, since) {
      if (kind !== 'domain') return [];
      const domain = target.toLowerCase();
      const out = new Map<string, 'sending-domain' | 'link'>();
      const owners = await db
        .selectFrom('sending_domains')
        .select('account_id')
        .distinct()
        .where('domain', '=', domain)
        .where('status', '=', 'verified')
        .execute();
      for (const r of owners) out.set(r.account_id, 'sending-domain');
      const links = await db
        .selectFrom('campaign_links as l')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .select(['l.url', 'c.account_id'])
        .where('c.started_at', '>=', since)
        .where('l.url', 'like', `%${domain.replace(/[%_\\]/g, '')}%`)
        .limit(MAX_LINK_ROWS)
        .execute();
      for (const r of links) if (linkHost(r.url) === domain && !out.has(r.account_id)) out.set(r.account_id, 'link');
      return [...out].map(([accountId, via]) => ({ accountId, via }));
    },
  };
}

type CheckRow = {
  target: string;
  target_kind: string;
  zone: string;
  listed: number;
  answer: string | null;
  reason: string | null;
  error: string | null;
  checked_at: string;
};
const toCheck = (r: CheckRow): CheckResult => ({
  target: r.target,
  targetKind: r.target_kind as TargetKind,
  zone: r.zone,
  outcome: Number(r.listed) === 1 ? 'listed' : r.error ? 'error' : 'not-listed',
  answer: r.answer,
  reason: r.reason,
  error: r.error,
  checkedAt: r.checked_at,
});

/** The operator's view of the checks and listings (BL-01..03). */
export function createBlocklistReadStore(database: Database): BlocklistReadStore {
  const { db } = database;
  const columns = ['target', 'target_kind', 'zone', 'listed', 'answer', 'reason', 'error', 'checked_at'] as const;
  return {
    async latestRun() {
      const last = await db
        .selectFrom('blocklist_checks')
        .select('checked_at')
        .orderBy('checked_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!last) return null;
      const rows = await db
        .selectFrom('blocklist_checks')
        .select(columns)
        .where('checked_at', '=', last.checked_at)
        .orderBy('target')
        .orderBy('zone')
        .execute();
      return { checkedAt: last.checked_at, rows: rows.map(toCheck) };
    },
    async history(target, limit) {
      const rows = await db
        .selectFrom('blocklist_checks')
        .select(columns)
        .where('target', '=', target)
        .orderBy('checked_at', 'desc')
        .orderBy('zone')
        .limit(limit)
        .execute();
      return rows.map(toCheck);
    },
    async listings(filter) {
      let q = db.selectFrom('blocklist_listings').selectAll();
      if (filter.target) q = q.where('target', '=', filter.target);
      if (filter.open !== undefined) q = q.where('cleared_at', filter.open ? 'is' : 'is not', null);
      const rows = await q.orderBy('first_seen', 'desc').limit(filter.limit).execute();
      return rows.map((r): ListingRecord => ({
        target: r.target,
        targetKind: r.target_kind as TargetKind,
        zone: r.zone,
        answer: r.answer,
        reason: r.reason,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        clearedAt: r.cleared_at,
      }));
    },
  };
}
