// SQL for forms, their immutable versions and double opt-in confirmations; the same on both engines.
import { z } from 'zod';
import { FormDefinitionSchema } from '../../core/forms/definition.ts';
import { RenderedFormSchema } from '../../core/forms/render-text.ts';
import type { Confirmation, FormRecord, FormStore, FormVersion } from '../../core/forms/types.ts';
import type { Database } from '../database.ts';
import type { FormConfirmationsTable, FormsTable, FormVersionsTable } from '../schema/forms.ts';

const ItemsJson = z.array(z.object({ listId: z.string(), boxKey: z.string().optional(), textShown: z.string().optional() }));

function toForm(r: FormsTable): FormRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    latestVersion: Number(r.latest_version),
    publishedVersion: r.published_version === null ? null : Number(r.published_version),
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toVersion(r: FormVersionsTable): FormVersion {
  return {
    formId: r.form_id,
    version: Number(r.version),
    accountId: r.account_id,
    definition: FormDefinitionSchema.parse(JSON.parse(r.definition)),
    rendered: RenderedFormSchema.parse(JSON.parse(r.rendered)),
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function versionRow(v: FormVersion): FormVersionsTable {
  return {
    form_id: v.formId,
    version: v.version,
    account_id: v.accountId,
    definition: JSON.stringify(v.definition),
    rendered: JSON.stringify(v.rendered),
    created_at: v.createdAt,
    created_by: v.createdBy,
  };
}

function toConfirmation(r: FormConfirmationsTable): Confirmation {
  return {
    id: r.id,
    accountId: r.account_id,
    contactId: r.contact_id,
    formId: r.form_id,
    formVersion: r.form_version === null ? null : Number(r.form_version),
    items: ItemsJson.parse(JSON.parse(r.items)),
    language: r.language,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    confirmedAt: r.confirmed_at,
    confirmIp: r.confirm_ip,
    confirmUserAgent: r.confirm_user_agent,
  };
}

export function createFormStore(database: Database): FormStore {
  const { db } = database;
  return {
    async insertForm(form, first) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('forms')
          .values({
            id: form.id,
            account_id: form.accountId,
            name: form.name,
            latest_version: form.latestVersion,
            published_version: form.publishedVersion,
            published_at: form.publishedAt,
            created_at: form.createdAt,
            updated_at: form.updatedAt,
          })
          .execute();
        await trx.insertInto('form_versions').values(versionRow(first)).execute();
      });
    },
    async appendVersion(next, at) {
      return db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('forms')
          .set({ latest_version: next.version, name: next.definition.name, updated_at: at })
          .where('id', '=', next.formId)
          .where('account_id', '=', next.accountId)
          .where('latest_version', '=', next.version - 1)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return false;
        await trx.insertInto('form_versions').values(versionRow(next)).execute();
        return true;
      });
    },
    async getForm(accountId, formId) {
      const r = await db
        .selectFrom('forms')
        .selectAll()
        .where('id', '=', formId)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return r ? toForm(r) : null;
    },
    async getFormAnyAccount(formId) {
      const r = await db.selectFrom('forms').selectAll().where('id', '=', formId).executeTakeFirst();
      return r ? toForm(r) : null;
    },
    async listForms(accountId) {
      const rows = await db
        .selectFrom('forms')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toForm);
    },
    async getVersion(formId, version) {
      const r = await db
        .selectFrom('form_versions')
        .selectAll()
        .where('form_id', '=', formId)
        .where('version', '=', version)
        .executeTakeFirst();
      return r ? toVersion(r) : null;
    },
    async setPublished(accountId, formId, version, at) {
      await db
        .updateTable('forms')
        .set({ published_version: version, published_at: at, updated_at: at })
        .where('id', '=', formId)
        .where('account_id', '=', accountId)
        .execute();
    },
    async insertConfirmation(c) {
      await db
        .insertInto('form_confirmations')
        .values({
          id: c.id,
          account_id: c.accountId,
          contact_id: c.contactId,
          form_id: c.formId,
          form_version: c.formVersion,
          items: JSON.stringify(c.items),
          language: c.language,
          created_at: c.createdAt,
          expires_at: c.expiresAt,
          confirmed_at: c.confirmedAt,
          confirm_ip: c.confirmIp,
          confirm_user_agent: c.confirmUserAgent,
        })
        .execute();
    },
    async getConfirmation(id) {
      const r = await db.selectFrom('form_confirmations').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toConfirmation(r) : null;
    },
    async markConfirmed(id, at, ip, userAgent) {
      const res = await db
        .updateTable('form_confirmations')
        .set({ confirmed_at: at, confirm_ip: ip, confirm_user_agent: userAgent })
        .where('id', '=', id)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    unitOfWork: (fn) => database.transaction(fn),
  };
}
