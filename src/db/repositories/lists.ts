// SQL for lists (CON-01), the same on both engines. Every query is scoped to one account.
import { z } from 'zod';
import { CHANNELS } from '../../core/consent/types.ts';
import type { List, ListStore } from '../../core/lists/types.ts';
import type { Database } from '../database.ts';
import type { ListsTable } from '../schema/lists.ts';

const ChannelSchema = z.enum(CHANNELS);

function toList(r: ListsTable): List {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    purposeText: r.purpose_text,
    channel: ChannelSchema.parse(r.channel),
    frequency: r.frequency,
    doubleOptIn: Number(r.double_opt_in) === 1,
    senderName: r.sender_name,
    createdAt: r.created_at,
    archivedAt: r.archived_at,
  };
}

export function createListStore(database: Database): ListStore {
  const { db } = database;
  return {
    async insert(l) {
      await db
        .insertInto('lists')
        .values({
          id: l.id,
          account_id: l.accountId,
          name: l.name,
          purpose_text: l.purposeText,
          channel: l.channel,
          frequency: l.frequency,
          double_opt_in: l.doubleOptIn ? 1 : 0,
          sender_name: l.senderName,
          created_at: l.createdAt,
          archived_at: l.archivedAt,
        })
        .execute();
    },
    async get(accountId, id) {
      const r = await db
        .selectFrom('lists')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toList(r) : null;
    },
    async list(accountId, { includeArchived }) {
      let q = db.selectFrom('lists').selectAll().where('account_id', '=', accountId);
      if (!includeArchived) q = q.where('archived_at', 'is', null);
      return (await q.orderBy('created_at').orderBy('id').execute()).map(toList);
    },
    async update(accountId, id, patch) {
      const set: Partial<ListsTable> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.purposeText !== undefined) set.purpose_text = patch.purposeText;
      if (patch.frequency !== undefined) set.frequency = patch.frequency;
      if (patch.senderName !== undefined) set.sender_name = patch.senderName;
      if (patch.doubleOptIn !== undefined) set.double_opt_in = patch.doubleOptIn ? 1 : 0;
      if (Object.keys(set).length === 0) return (await this.get(accountId, id)) !== null;
      const r = await db
        .updateTable('lists')
        .set(set)
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async archive(accountId, id, at) {
      const r = await db
        .updateTable('lists')
        .set({ archived_at: at })
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
