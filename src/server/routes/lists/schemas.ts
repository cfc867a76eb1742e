// Request shapes of the list routes (zod, strict: unknown fields → 400).
import { z } from 'zod';
import {
  MAX_FREQUENCY_LENGTH,
  MAX_LIST_NAME_LENGTH,
  MAX_PURPOSE_TEXT_LENGTH,
  MAX_SENDER_NAME_LENGTH,
} from '../../../core/lists/service.ts';

export const ID_MAX = 100;
export const IdParams = z.object({ id: z.string().min(1).max(ID_MAX) });

export const ListBody = z
  .object({
    name: z.string().min(1).max(MAX_LIST_NAME_LENGTH),
    purposeText: z.string().min(1).max(MAX_PURPOSE_TEXT_LENGTH),
    channel: z.enum(['email', 'sms']),
    frequency: z.string().min(1).max(MAX_FREQUENCY_LENGTH),
    doubleOptIn: z.boolean().optional(),
    senderName: z.string().min(1).max(MAX_SENDER_NAME_LENGTH),
  })
  .strict();

// The channel is fixed at creation (consent is per channel, CON-01): not patchable.
export const ListPatchBody = ListBody.omit({ channel: true }).partial().strict();
