// Shared zod shapes of the SMS sender routes (OpenAPI).
import { z } from 'zod';
import { MAX_SENDER_INPUT_LENGTH } from '../../../core/sms/senders.ts';

export const TAGS = ['sms'];

export const SmsSenderSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  sender: z.string(),
  kind: z.enum(['number', 'short-code', 'alphanumeric']),
  createdAt: z.string(),
});

export const AddSmsSenderBody = z.object({ sender: z.string().min(1).max(MAX_SENDER_INPUT_LENGTH) }).strict();

export const SmsSenderIdParams = z.object({ id: z.string().min(1).max(100) });
