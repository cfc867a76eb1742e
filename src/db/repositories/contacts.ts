// SQL for contacts, the same on both engines. Every query is scoped to one account.
import { z } from 'zod';
import type { ContactRecord, ContactStore } from '../../core/contacts/types.ts';
import type { Database } from '../database.ts';
import type { ContactsTable } from '../schema/contacts.ts';

const AttributesJson = z.record(z.string(), z.unknown());

export function toContactRecord(r: ContactsTable): ContactRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    email: r.email,
    phone: r.phone,
    emailHash: r.email_hash,
    phoneHash: r.phone_hash,
    attributes: AttributesJson.parse(JSON.parse(r.attributes)),
    language: r.language,
    timeZone: r.time_zone,
    createdAt: r.created_at,
    erasedAt: r.erased_at,
  };
}

/** True when the error is a unique-constraint violation on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function createContactStore(database: Database): ContactStore {
  const { db } = database;
  return {
    async insert(c) {
      try {
        const res = await db
          .insertInto('contacts')
          .values({
            id: c.id,
            account_id: c.accountId,
            email: c.email,
            phone: c.phone,
            email_hash: c.emailHash,
            phone_hash: c.phoneHash,
            attributes: JSON.stringify(c.attributes),
            language: c.language,
            time_zone: c.timeZone,
            created_at: c.createdAt,
            erased_at: c.erasedAt,
          })
          // A taken address is not an error: inside a unit of work a failed statement would abort
          // the whole PostgreSQL transaction, so the conflict is reported by the row count.
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
    async get(accountId, id) {
      const r = await db
        .selectFrom('contacts')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toContactRecord(r) : null;
    },
    async findByAddress(accountId, { email, phone }) {
      if (!email && !phone) return [];
      const rows = await db
        .selectFrom('contacts')
        .selectAll()
        .where('account_id', '=', accountId)
        .where((eb) => {
          const ors = [];
          if (email) ors.push(eb('email', '=', email));
          if (phone) ors.push(eb('phone', '=', phone));
          return eb.or(ors);
        })
        .orderBy('created_at')
        .execute();
      return rows.map(toContactRecord);
    },
    async update(accountId, id, p) {
      const set: Partial<ContactsTable> = {};
      if (p.email !== undefined) set.email = p.email;
      if (p.phone !== undefined) set.phone = p.phone;
      if (p.emailHash !== undefined) set.email_hash = p.emailHash;
      if (p.phoneHash !== undefined) set.phone_hash = p.phoneHash;
      if (p.attributes !== undefined) set.attributes = JSON.stringify(p.attributes);
      if (p.language !== undefined) set.language = p.language;
      if (p.timeZone !== undefined) set.time_zone = p.timeZone;
      if (p.erasedAt !== undefined) set.erased_at = p.erasedAt;
      if (Object.keys(set).length === 0) return true;
      const r = await db
        .updateTable('contacts')
        .set(set)
        .where('account_id', '=', accountId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async page(accountId, { after, limit }) {
      let q = db.selectFrom('contacts').selectAll().where('account_id', '=', accountId);
      if (after) q = q.where('id', '>', after);
      return (await q.orderBy('id').limit(limit).execute()).map(toContactRecord);
    },
  };
}
