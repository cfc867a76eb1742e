// Operator tuning of the content policy (CNT-01): every saved set of overrides is one row, never
// changed or removed; the current policy is the row with the highest seq. A verdict records the
// revision it was screened with, so the row it names must stay as it was: the database refuses
// UPDATE and DELETE on both engines (as for audit_log).
import { engineOf, sql, type AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable('content_policy_revisions')
    // '<base revision>+op<seq>': the built-in policy's revision when saved, and the row's number.
    .addColumn('revision', 'text', (c) => c.primaryKey())
    // 1, 2, 3 … given by the writer (max + 1): unique, so two concurrent saves cannot both win.
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('base_revision', 'text', (c) => c.notNull())
    // ContentPolicyOverrides as JSON text, validated with zod when read back.
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();

  if (engine === 'sqlite') {
    await sql`create trigger content_policy_revisions_no_update before update on content_policy_revisions begin select raise(abort, 'content_policy_revisions is append-only'); end`.execute(
      db,
    );
    await sql`create trigger content_policy_revisions_no_delete before delete on content_policy_revisions begin select raise(abort, 'content_policy_revisions is append-only'); end`.execute(
      db,
    );
  } else {
    await sql`create function content_policy_revisions_append_only() returns trigger language plpgsql as $$ begin raise exception 'content_policy_revisions is append-only'; end $$`.execute(
      db,
    );
    await sql`create trigger content_policy_revisions_no_change before update or delete on content_policy_revisions for each row execute function content_policy_revisions_append_only()`.execute(
      db,
    );
  }
}
