// SQL for suppression, the same on both engines. Platform-wide entries use account_id ''.
import { z } from 'zod';
import { SUPPRESSION_REASONS, type SuppressionEntry, type SuppressionStore } from '../../core/suppression/types.ts';
import type { Database } from '../database.ts';
import type { SuppressionsTable } from '../schema/suppression.ts';
import { chunk } from './consent.ts';

/** The stored account_id of a platform-wide entry. */
export const PLATFORM_WIDE = '';
const HASH_CHUNK = 5_000;
const ReasonSchema = z.enum(SUPPRESSION_REASONS);

const toEntry = (r: SuppressionsTable): SuppressionEntry => ({
  accountId: r.account_id === PLATFORM_WIDE ? null : r.account_id,
  addressHash: r.address_hash,
  reason: ReasonSchema.parse(r.reason),
  createdAt: r.created_at,
  source: r.source ?? null,
});

export function createSuppressionStore(database: Database): SuppressionStore {
  const { db } = database;
  return {
    async entriesFor(accountId, hashes) {
      const out: SuppressionEntry[] = [];
      for (const part of chunk(hashes, HASH_CHUNK)) {
        const rows = await db
          .selectFrom('suppressions')
          .selectAll()
          .where('account_id', 'in', [accountId, PLATFORM_WIDE])
          .where('address_hash', 'in', part)
          .execute();
        out.push(...rows.map(toEntry));
      }
      return out;
    },
    async add(entries) {
      for (const part of chunk(entries, 1_000)) {
        await db
          .insertInto('suppressions')
          .values(
            part.map((e) => ({
              account_id: e.accountId ?? PLATFORM_WIDE,
              address_hash: e.addressHash,
              reason: e.reason,
              created_at: e.createdAt,
              source: e.source ?? null,
            })),
          )
          .onConflict((oc) => oc.columns(['account_id', 'address_hash']).doNothing())
          .execute();
      }
    },
    async remove(accountId, hash, reason) {
      const r = await db
        .deleteFrom('suppressions')
        .where('account_id', '=', accountId ?? PLATFORM_WIDE)
        .where('address_hash', '=', hash)
        .where('reason', '=', reason)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async list(accountId, { after, limit }) {
      let q = db.selectFrom('suppressions').selectAll().where('account_id', '=', accountId);
      if (after) q = q.where('address_hash', '>', after);
      return (await q.orderBy('address_hash').limit(limit).execute()).map(toEntry);
    },
  };
}
