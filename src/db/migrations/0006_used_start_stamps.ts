// CON-11: a public form's start stamp buys one stored sign-up. A stamp is remembered here from
// its first use until it would expire anyway (START_STAMP_MAX_AGE_MS after the page was served);
// expired rows are deleted as new ones of the same form arrive.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('used_start_stamps')
    .addColumn('stamp', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('used_start_stamps_form_exp_idx')
    .on('used_start_stamps')
    .columns(['form_id', 'expires_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('used_start_stamps').execute();
}
