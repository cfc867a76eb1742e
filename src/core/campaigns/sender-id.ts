// The sender of an SMS campaign (issue 11 §6): what the recipient's phone shows as the sender. One
// rule for every sender in Assent — the SMS senders area's (src/core/sms/senders.ts): a number in
// international form (stored as E.164), a short code of 3–8 digits, or a name of up to 11 GSM
// letters and digits with at least one letter; anything else is 400 SMS_SENDER_INVALID.
import { MAX_ALPHANUMERIC_SENDER_LENGTH, normaliseSender } from '../sms/senders.ts';

/** The longest alphanumeric sender ID (GSM 03.38: 11 characters). */
export const MAX_ALPHANUMERIC_SENDER_ID = MAX_ALPHANUMERIC_SENDER_LENGTH;

/** The sender as stored (a number in E.164), or throws 400 SMS_SENDER_INVALID. */
export function checkSenderId(id: string): string {
  return normaliseSender(id);
}
