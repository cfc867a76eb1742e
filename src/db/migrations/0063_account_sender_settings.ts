// The account's sender settings the public pages use (issue 13 §7): the default country for
// phone numbers typed without +country code (ISO 3166 alpha-2), and the privacy policy link the
// hosted form and the preference page show beside the sender's name. Both optional (null).
import type { AnyDb } from './helpers.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('default_country', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('privacy_policy_url', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('privacy_policy_url').execute();
  await db.schema.alterTable('accounts').dropColumn('default_country').execute();
}
