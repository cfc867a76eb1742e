// SQL for the append-only audit log (ACC-04). This file exports inserts and selects only: there
// is no update or delete of audit_log anywhere in the code, and the database refuses both.
import { sql, type Kysely, type Selectable } from 'kysely';
import { AuditDetailsSchema, type AuditEntry, type AuditRow, type AuditStore } from '../../core/audit/types.ts';
import type { DB } from '../schema/index.ts';
import type { AuditLogTable } from '../schema/standing.ts';

/** Inserts one entry; pass a transaction to append in the same commit as the change it records. */
export async function insertAuditRow(db: Kysely<DB>, row: AuditRow): Promise<AuditEntry> {
  const stored = await db
    .insertInto('audit_log')
    .values({
      id: row.id,
      at: row.at,
      actor_type: row.actorType,
      actor_id: row.actorId,
      account_id: row.accountId,
      action: row.action,
      reason: row.reason,
      rule: row.rule,
      details: JSON.stringify(row.details),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntry(stored);
}

export function toEntry(r: Selectable<AuditLogTable>): AuditEntry {
  const details = AuditDetailsSchema.safeParse(JSON.parse(r.details));
  return {
    id: r.id,
    seq: Number(r.seq),
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    accountId: r.account_id,
    action: r.action,
    reason: r.reason,
    rule: r.rule,
    details: details.success ? details.data : {},
  };
}

export function createAuditRepository(db: Kysely<DB>): AuditStore {
  return {
    insert: (row) => insertAuditRow(db, row),
    async list(filter) {
      let q = db.selectFrom('audit_log').selectAll();
      if (filter.accountId !== undefined) q = q.where('account_id', '=', filter.accountId);
      // substr, not LIKE: the same on both engines and no wildcard escaping.
      if (filter.actionPrefix !== undefined)
        q = q.where(sql<string>`substr(action, 1, ${filter.actionPrefix.length})`, '=', filter.actionPrefix);
      if (filter.before !== undefined) q = q.where('seq', '<', filter.before);
      const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
      return rows.map(toEntry);
    },
  };
}
