// The editor's meter: encoding, parts, cost and the transliteration offer of an SMS text.
import { describe, expect, it } from 'vitest';
import { SMS_PRICE_PER_SEGMENT, SMS_PRICE_UNITS_PER_CURRENCY, smsTextCost } from './sms-cost.ts';

const PRICE = SMS_PRICE_PER_SEGMENT / SMS_PRICE_UNITS_PER_CURRENCY;

describe('smsTextCost', () => {
  it('a Romanian text with diacritics is UCS-2; replacing them makes it GSM-7 in fewer parts', () => {
    const text = 'Pâine proaspătă și cozonac cu nucă în fiecare sâmbătă la brutăria noastră din centrul orașului, de la ora 8.';
    const c = smsTextCost(text);
    expect(c).toMatchObject({ encoding: 'UCS-2', segments: 2, currency: 'EUR' });
    expect(c.costPerRecipient).toBeCloseTo(2 * PRICE, 10);
    expect(c.transliteration).toMatchObject({ segments: 1, saved: 1 });
    expect(c.transliteration?.text).toContain('Paine proaspata si cozonac');
    expect(smsTextCost(c.transliteration!.text)).toMatchObject({ encoding: 'GSM-7', segments: 1, transliteration: null });
  });

  it('no offer when the text is GSM-7 already, or when an emoji keeps it UCS-2 anyway', () => {
    expect(smsTextCost('Bread at 8.').transliteration).toBeNull();
    expect(smsTextCost('Pâine 🍞').transliteration).toBeNull();
  });
});
