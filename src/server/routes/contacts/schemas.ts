// Request shapes of the contact routes (zod, strict: a "subscribe"/"consent" field is refused,
// there is no force-subscribe path — CON-10).
import { z } from 'zod';
import { MAX_CONTACT_SEARCH_LENGTH, MAX_CONTACTS_BULK, MAX_CONTACTS_PAGE } from '../../../core/contacts/service.ts';
import { CONTACT_SOURCES, CONTACT_STATUSES } from '../../../core/contacts/types.ts';
import type { AccountAuth } from '../../auth.ts';

export const IdParams = z.object({ id: z.string().min(1).max(100) });
const Attributes = z.record(z.string().max(64), z.unknown());

export const CreateContactBody = z
  .object({
    email: z.string().max(320).optional(),
    phone: z.string().max(64).optional(),
    /** ISO 3166-1 alpha-2 region for a national phone number. */
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    language: z.string().max(35).optional(),
    timeZone: z.string().max(64).optional(),
    attributes: Attributes.optional(),
  })
  .strict();

export const UpdateContactBody = z
  .object({
    attributes: z.record(z.string().max(64), z.unknown()).optional(),
    language: z.string().max(35).nullable().optional(),
    timeZone: z.string().max(64).nullable().optional(),
  })
  .strict();

export const PageQuery = z
  .object({
    after: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_CONTACTS_PAGE).optional(),
    /** Address or name, case-insensitive; prefix, and substring from 3 characters. */
    q: z.string().max(MAX_CONTACT_SEARCH_LENGTH).optional(),
    listId: z.string().min(1).max(100).optional(),
    /** The status on listId (or the contact's overall status without listId). */
    status: z.enum(CONTACT_STATUSES).optional(),
    /** Contacts who gave consent (on listId, when set) through this source: form, import, api, … */
    source: z.enum(CONTACT_SOURCES).optional(),
  })
  .strict();

/** GET /contacts/export.csv: the listing's filter, without paging. */
export const ExportQuery = PageQuery.omit({ after: true, limit: true });

const ContactIds = z.array(z.string().min(1).max(100)).min(1).max(MAX_CONTACTS_BULK);

/** POST /contacts/bulk/withdraw: unsubscribe these contacts from one list (never a subscribe). */
export const BulkWithdrawBody = z.object({ listId: z.string().min(1).max(100), contactIds: ContactIds }).strict();

/** POST /contacts/bulk/erase: data-subject erasure of each contact. */
export const BulkEraseBody = z.object({ contactIds: ContactIds }).strict();

/** The source id recorded for actions by this caller: the user, or the API key. */
export function actorSourceId(auth: AccountAuth): string {
  if (auth.userId) return `user:${auth.userId}`;
  return auth.apiKeyId ? `api-key:${auth.apiKeyId}` : 'api-key';
}
