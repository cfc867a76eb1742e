// Request shapes of the contact routes (zod, strict: a "subscribe"/"consent" field is refused,
// there is no force-subscribe path — CON-10).
import { z } from 'zod';
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
  .object({ after: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).optional() })
  .strict();

/** The source id recorded for actions by this caller: the user, or the API key. */
export function actorSourceId(auth: AccountAuth): string {
  if (auth.userId) return `user:${auth.userId}`;
  return auth.apiKeyId ? `api-key:${auth.apiKeyId}` : 'api-key';
}
