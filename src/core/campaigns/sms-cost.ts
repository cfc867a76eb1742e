// What an SMS campaign's text costs (issue 11 §5), shared by the service and the editor (pure, so
// it bundles into the web app). Decision: one platform price per part, a named constant in euro,
// until billing prices SMS per account or per destination (Brevo and Twilio show "cost per
// recipient" the same way: parts × price of a part). Prices are integer micro-euros (segments.ts).
import { costPerRecipient, measureSms, transliterate, type SmsMeasure } from '../sms/segments.ts';

/** The price of one SMS part: €0.045, in micro-euros. */
export const SMS_PRICE_PER_SEGMENT = 45_000;
export const SMS_PRICE_CURRENCY = 'EUR';
/** Micro-units per currency unit (the price's smallest unit). */
export const SMS_PRICE_UNITS_PER_CURRENCY = 1_000_000;

export interface SmsTextCost extends SmsMeasure {
  /** Cost per recipient in currency units (e.g. 0.09 for two parts). */
  costPerRecipient: number;
  currency: string;
  /**
   * When the text is UCS-2 and replacing its diacritics makes it GSM-7: the replaced text and the
   * parts that saves (0 when it fits the same number of parts). Null otherwise.
   */
  transliteration: { text: string; segments: number; saved: number } | null;
}

export function smsTextCost(text: string): SmsTextCost {
  const m = measureSms(text);
  let transliteration: SmsTextCost['transliteration'] = null;
  if (m.encoding === 'UCS-2') {
    const replaced = transliterate(text);
    const after = measureSms(replaced);
    if (after.encoding === 'GSM-7')
      transliteration = { text: replaced, segments: after.segments, saved: m.segments - after.segments };
  }
  return {
    ...m,
    costPerRecipient: costPerRecipient(m.segments, SMS_PRICE_PER_SEGMENT) / SMS_PRICE_UNITS_PER_CURRENCY,
    currency: SMS_PRICE_CURRENCY,
    transliteration,
  };
}
