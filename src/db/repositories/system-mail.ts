// SQL for the system mail outbox (ACC-07) and the account facts mail needs (owners, feature-news
// opt-out, language). Outbox rows are only ever advanced: queued → sent | failed.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { SystemMailCategory } from '../../core/system-mail/ports.ts';
import type { OutboxRow, SystemMailStore } from '../../core/system-mail/types.ts';
import type { DB } from '../schema/index.ts';
import type { SystemMailTable } from '../schema/system-mail.ts';

function toRow(r: Selectable<SystemMailTable>): OutboxRow {
  return {
    id: r.id,
    accountId: r.account_id,
    to: r.to_address,
    template: r.template,
    category: r.category as SystemMailCategory,
    language: r.language,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    nextAttemptAt: r.next_attempt_at,
  };
}

export function createSystemMailRepository(db: Kysely<DB>): SystemMailStore {
  return {
    async insert(row) {
      await db
        .insertInto('system_mail')
        .values({
          id: row.id,
          account_id: row.accountId,
          to_address: row.to,
          template: row.template,
          category: row.category,
          language: row.language,
          subject: row.subject,
          text_body: row.text,
          html_body: row.html,
          status: row.status,
          attempts: row.attempts,
          last_error: row.lastError,
          created_at: row.createdAt,
          sent_at: row.sentAt,
          next_attempt_at: row.nextAttemptAt,
        })
        .execute();
    },

    async get(id) {
      const r = await db.selectFrom('system_mail').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toRow(r) : null;
    },

    async list(filter) {
      let q = db.selectFrom('system_mail').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.accountId) q = q.where('account_id', '=', filter.accountId);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
      return rows.map(toRow);
    },

    async accountPrefs(accountId) {
      const r = await db
        .selectFrom('accounts')
        .select(['feature_news_opt_out', 'language'])
        .where('id', '=', accountId)
        .executeTakeFirst();
      return r ? { featureNewsOptOut: Number(r.feature_news_opt_out) === 1, language: r.language } : null;
    },

    async owners(accountId) {
      let q = db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('accounts as a', 'a.id', 'm.account_id')
        .select([
          'a.id as account_id',
          'a.name as account_name',
          'a.feature_news_opt_out',
          'a.language as account_language',
          'u.email',
          'u.language as user_language',
        ])
        .where('m.role', '=', 'owner');
      if (accountId !== null) q = q.where('m.account_id', '=', accountId);
      const rows = await q.orderBy('a.created_at').orderBy('a.id').orderBy('u.email').execute();
      return rows.map((r) => ({
        accountId: r.account_id,
        accountName: r.account_name,
        email: r.email,
        language: r.user_language || r.account_language,
        featureNewsOptOut: Number(r.feature_news_opt_out) === 1,
      }));
    },

    async markSent(id, at) {
      await db
        .updateTable('system_mail')
        .set({ status: 'sent', sent_at: at, attempts: sql`attempts + 1`, next_attempt_at: null })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },

    async markFailed(id, error) {
      await db
        .updateTable('system_mail')
        .set({ status: 'failed', last_error: error, attempts: sql`attempts + 1`, next_attempt_at: null })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },

    async markRetry(id, error, nextAttemptAt) {
      await db
        .updateTable('system_mail')
        .set({ last_error: error, attempts: sql`attempts + 1`, next_attempt_at: nextAttemptAt })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },

    async markWaiting(id, note) {
      await db.updateTable('system_mail').set({ last_error: note }).where('id', '=', id).where('status', '=', 'queued').execute();
    },

    async dueQueued(before, limit) {
      const rows = await db
        .selectFrom('system_mail')
        .select('id')
        .where('status', '=', 'queued')
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<', before)]))
        .where('created_at', '<', before)
        .orderBy('created_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
