// SQL for lists (CON-01) and their wording versions, the same on both engines. Every query is
// scoped to one account.
import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { CHANNELS } from '../../core/consent/types.ts';
import type { List, ListStore, ListVersion } from '../../core/lists/types.ts';
import type { Database } from '../database.ts';
import type { ListsTable, ListVersionsTable } from '../schema/lists.ts';

const ChannelSchema = z.enum(CHANNELS);

/** The kinds that count as a contact gained: consent given (single opt-in) or confirmed (double). */
function toList(r: Selectable<ListsTable>): List {
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
    version: Number(r.version),
  };
}

function toVersion(r: ListVersionsTable): ListVersion {
  return {
    listId: r.list_id,
    version: Number(r.version),
    purposeText: r.purpose_text,
    frequency: r.frequency,
    senderName: r.sender_name,
    createdAt: r.created_at,
  };
}

export function createListStore(database: Database): ListStore {
  const { db } = database;
  return {
    async insert(l) {
      await database.transaction(async () => {
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
            version: l.version,
          })
          .execute();
        await db
          .insertInto('list_versions')
          .values({
            list_id: l.id,
            version: l.version,
            account_id: l.accountId,
            purpose_text: l.purposeText,
            frequency: l.frequency,
            sender_name: l.senderName,
            created_at: l.createdAt,
          })
          .execute();
      });
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
    async update(accountId, id, patch, newVersionAt) {
      const set: Partial<Selectable<ListsTable>> = {};
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.purposeText !== undefined) set.purpose_text = patch.purposeText;
      if (patch.frequency !== undefined) set.frequency = patch.frequency;
      if (patch.senderName !== undefined) set.sender_name = patch.senderName;
      if (patch.doubleOptIn !== undefined) set.double_opt_in = patch.doubleOptIn ? 1 : 0;
      if (Object.keys(set).length === 0) return (await this.get(accountId, id)) !== null;
      return database.transaction(async () => {
        // The version moves on in the UPDATE itself: concurrent edits (a row lock on PostgreSQL,
        // the write lock on SQLite) each get their own number.
        const updated = await db
          .updateTable('lists')
          .set(newVersionAt ? { ...set, version: sql<number>`version + 1` } : set)
          .where('account_id', '=', accountId)
          .where('id', '=', id)
          .returning(['version', 'purpose_text', 'frequency', 'sender_name'])
          .executeTakeFirst();
        if (!updated) return false;
        if (newVersionAt) {
          await db
            .insertInto('list_versions')
            .values({
              list_id: id,
              version: Number(updated.version),
              account_id: accountId,
              purpose_text: updated.purpose_text,
              frequency: updated.frequency,
              sender_name: updated.sender_name,
              created_at: newVersionAt,
            })
            .execute();
        }
        return true;
      });
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
    async unarchive(accountId, id) {
      const r = await db
        .updateTable('lists')
        .set({ archived_at: null })
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .where('archived_at', 'is not', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async versions(accountId, listId) {
      const rows = await db
        .selectFrom('list_versions')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('list_id', '=', listId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toVersion);
    },
  };
}
