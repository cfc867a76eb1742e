// SMS campaigns (issue 11 §6): a campaign takes its list's channel; existing campaigns are email.
// An SMS campaign carries its sender ID (E.164 or an alphanumeric ID); email campaigns leave it null.
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('campaigns')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('email'))
    .execute();
  await db.schema.alterTable('campaigns').addColumn('sender_id', 'text').execute();
}
