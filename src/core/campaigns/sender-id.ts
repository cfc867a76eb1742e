// The sender ID of an SMS campaign (issue 11 §6): what the recipient's phone shows as the sender.
// Either a number in E.164 (+ and 8–15 digits) or an alphanumeric ID of at most 11 characters
// (the GSM 03.38 limit of an alphanumeric TP-OA: letters, digits, space, '-', '.', '&'; at least one
// letter, since an all-digit ID is read as a number). Per-account registered sender IDs come from the
// SMS sender area (src/core/sms/senders.ts once it lands); until then the form is validated here.
import { invalid } from '../errors.ts';

/** The longest alphanumeric sender ID (GSM 03.38: 11 characters). */
export const MAX_ALPHANUMERIC_SENDER_ID = 11;
const E164 = /^\+[1-9]\d{7,14}$/;
const ALPHANUMERIC = /^[A-Za-z0-9&.\- ]+$/;

export type SenderIdKind = 'e164' | 'alphanumeric';

/** The kind of a valid sender ID, or null when it is neither form. */
export function senderIdKind(id: string): SenderIdKind | null {
  if (E164.test(id)) return 'e164';
  if (id.length <= MAX_ALPHANUMERIC_SENDER_ID && ALPHANUMERIC.test(id) && /[A-Za-z]/.test(id) && id.trim() === id)
    return 'alphanumeric';
  return null;
}

/** Returns the sender ID, or throws 400 SMS_SENDER_ID_INVALID. */
export function checkSenderId(id: string): string {
  if (senderIdKind(id) === null)
    throw invalid(
      'SMS_SENDER_ID_INVALID',
      `A sender ID is a number in international form (+40712345678) or up to ${MAX_ALPHANUMERIC_SENDER_ID} letters and digits with at least one letter.`,
      { field: 'senderId', max: MAX_ALPHANUMERIC_SENDER_ID },
    );
  return id;
}
