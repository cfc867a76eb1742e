// SQL for SMS senders (core/sms/senders.ts) and for the inbound texts and their automatic answers
// (core/sms/inbound.ts), on both engines.
import type { SmsInboundRecord, SmsInboundStore } from '../../core/sms/inbound.ts';
import type { SmsSenderRow, SmsSenderStore } from '../../core/sms/senders.ts';
import type { Database } from '../database.ts';

export function createSmsSenderStore(database: Database): SmsSenderStore {
  const { db } = database;
  const row = (r: { id: string; account_id: string; sender: string; created_at: string }): SmsSenderRow => ({
    id: r.id,
    accountId: r.account_id,
    sender: r.sender,
    createdAt: r.created_at,
  });
  return {
    async insert(s) {
      const r = await db
        .insertInto('sms_senders')
        .values({ id: s.id, account_id: s.accountId, sender: s.sender, created_at: s.createdAt })
        .onConflict((oc) => oc.column('sender').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async list(accountId) {
      const rows = await db
        .selectFrom('sms_senders')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(row);
    },
    async remove(accountId, id) {
      const found = await db
        .selectFrom('sms_senders')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!found) return null;
      const r = await db.deleteFrom('sms_senders').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0 ? row(found) : null;
    },
    async find(senders) {
      if (senders.length === 0) return null;
      const r = await db
        .selectFrom('sms_senders')
        .select(['account_id', 'sender'])
        .where('sender', 'in', senders)
        .orderBy('sender')
        .executeTakeFirst();
      return r ? { accountId: r.account_id, sender: r.sender } : null;
    },
  };
}

export function createSmsInboundStore(database: Database): SmsInboundStore {
  const { db } = database;
  return {
    async insert(r: SmsInboundRecord) {
      await db
        .insertInto('sms_inbound')
        .values({
          id: r.id,
          provider: r.provider,
          from_number: r.from,
          to_sender: r.to,
          text: r.text,
          received_at: r.receivedAt,
          account_id: r.accountId,
          contact_id: r.contactId,
          intent: r.intent,
          keyword: r.keyword,
          outcome: r.outcome,
          events: r.events,
          reply: r.reply,
          updated_at: r.receivedAt,
        })
        .execute();
    },
    async settle(id, patch, at) {
      await db
        .updateTable('sms_inbound')
        .set({
          account_id: patch.accountId,
          contact_id: patch.contactId,
          outcome: patch.outcome,
          events: patch.events,
          reply: patch.reply,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
    async get(id) {
      const r = await db.selectFrom('sms_inbound').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      return {
        id: r.id,
        provider: r.provider,
        from: r.from_number,
        to: r.to_sender,
        text: r.text,
        receivedAt: r.received_at,
        accountId: r.account_id,
        contactId: r.contact_id,
        intent: r.intent as SmsInboundRecord['intent'],
        keyword: r.keyword,
        outcome: r.outcome as SmsInboundRecord['outcome'],
        events: Number(r.events),
        reply: r.reply as SmsInboundRecord['reply'],
      };
    },
    // One statement decides a race between two texts handled at once: the row is inserted, or
    // its time moved on only when the last answer is older than the interval; 0 rows: not now.
    async claimReply(key, at, notAfter) {
      const r = await db
        .insertInto('sms_auto_replies')
        .values({ account_id: key.accountId, sender: key.sender, recipient: key.recipient, kind: key.kind, last_at: at })
        .onConflict((oc) =>
          oc
            .columns(['account_id', 'sender', 'recipient', 'kind'])
            .doUpdateSet({ last_at: at })
            .where('sms_auto_replies.last_at', '<=', notAfter),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
