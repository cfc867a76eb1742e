// SQL for the content policy's operator revisions (CNT-01). Inserts and selects only: the table
// is append-only and the database refuses UPDATE and DELETE (migration 0040_content_policy).
import type { Selectable } from 'kysely';
import {
  ContentPolicyOverridesSchema,
  type ContentPolicyStore,
  type StoredContentPolicyRevision,
} from '../../core/content/policy-settings.ts';
import type { ContentPolicyOverrides } from '../../core/content/policy.ts';
import type { Database } from '../database.ts';
import type { ContentPolicyRevisionsTable } from '../schema/content-policy.ts';

function toRevision(r: Selectable<ContentPolicyRevisionsTable>): StoredContentPolicyRevision {
  // Read back through the same schema that admitted it; a row that no longer parses (a category
  // removed from policy/content since) is refused loudly rather than applied in part.
  const overrides = ContentPolicyOverridesSchema.parse(JSON.parse(r.overrides)) as ContentPolicyOverrides;
  return {
    revision: r.revision,
    seq: Number(r.seq),
    baseRevision: r.base_revision,
    overrides,
    createdBy: r.created_by,
    createdAt: r.created_at,
    note: r.note,
  };
}

export function createContentPolicyStore(database: Database): ContentPolicyStore {
  const { db } = database;
  return {
    async latest() {
      const row = await db.selectFrom('content_policy_revisions').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return row ? toRevision(row) : null;
    },
    async latestRevision() {
      const row = await db
        .selectFrom('content_policy_revisions')
        .select('revision')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.revision ?? null;
    },
    async append(r) {
      await db
        .insertInto('content_policy_revisions')
        .values({
          revision: r.revision,
          seq: r.seq,
          base_revision: r.baseRevision,
          overrides: JSON.stringify(r.overrides),
          created_by: r.createdBy,
          created_at: r.createdAt,
          note: r.note,
        })
        .execute();
    },
    async list(limit) {
      const rows = await db.selectFrom('content_policy_revisions').selectAll().orderBy('seq', 'desc').limit(limit).execute();
      return rows.map(toRevision);
    },
    transaction: (fn) => database.transaction(fn),
  };
}
