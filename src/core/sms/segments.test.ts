import { describe, expect, it } from 'vitest';
import {
  MAX_SMS_SEGMENTS,
  MAX_SMS_TEXT_LENGTH,
  checkSmsLength,
  costPerRecipient,
  measureSms,
  transliterate,
} from './segments.ts';

// A Romanian sentence with diacritics, 50 characters long.
const RO = 'Reduceri de toamnă: până la 30% la încălțăminte! ';
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('SMS segments', () => {
  it('counts plain text as GSM-7: 160 characters in one part, 153 per part after', () => {
    expect(measureSms(fill('Sale today ', 160))).toMatchObject({ encoding: 'GSM-7', segments: 1, charactersLeft: 0 });
    expect(measureSms(fill('Sale today ', 161))).toMatchObject({
      encoding: 'GSM-7',
      segments: 2,
      charactersPerSegment: 153,
      charactersLeft: 153 * 2 - 161,
    });
    expect(measureSms(fill('Sale today ', 306)).segments).toBe(2);
    expect(measureSms(fill('Sale today ', 307)).segments).toBe(3);
  });

  it('counts Romanian diacritics as UCS-2: 70 characters in one part, 67 per part after', () => {
    const one = measureSms(fill(RO, 70));
    expect(one).toMatchObject({ encoding: 'UCS-2', segments: 1, charactersPerSegment: 70, charactersLeft: 0 });
    expect(one.nonGsmCharacters).toEqual(expect.arrayContaining(['ă', 'â', 'î', 'ț']));
    expect(measureSms(fill(RO, 71))).toMatchObject({ segments: 2, charactersPerSegment: 67, charactersLeft: 67 * 2 - 71 });
    expect(measureSms(fill(RO, 134)).segments).toBe(2);
    expect(measureSms(fill(RO, 135)).segments).toBe(3);
  });

  it('the same Romanian text transliterated goes back to GSM-7 and fewer parts', () => {
    const text = fill(RO, 140);
    expect(measureSms(text)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    expect(measureSms(transliterate(text))).toMatchObject({ encoding: 'GSM-7', segments: 1, charactersLeft: 20 });
  });

  it('counts GSM-7 extension characters (€) twice', () => {
    expect(measureSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(measureSms('€'.repeat(81)).segments).toBe(2);
  });

  it(`refuses a text over ${MAX_SMS_SEGMENTS} parts with SMS_TOO_MANY_SEGMENTS`, () => {
    expect(checkSmsLength(fill('a', 153 * MAX_SMS_SEGMENTS)).segments).toBe(MAX_SMS_SEGMENTS);
    // 766 × € is 1,532 septets: 11 parts, counted.
    expect(() => checkSmsLength('€'.repeat(766))).toThrow(
      expect.objectContaining({ code: 'SMS_TOO_MANY_SEGMENTS', details: { field: 'text', segments: 11, max: 10 } }),
    );
    expect(checkSmsLength(fill(RO, 67 * MAX_SMS_SEGMENTS)).segments).toBe(MAX_SMS_SEGMENTS);
    expect(() => checkSmsLength(fill(RO, 67 * MAX_SMS_SEGMENTS + 1))).toThrow(
      expect.objectContaining({ code: 'SMS_TOO_MANY_SEGMENTS', kind: 'invalid' }),
    );
    // Too long to fit in any encoding: refused before counting.
    expect(() => checkSmsLength('a'.repeat(MAX_SMS_TEXT_LENGTH + 1))).toThrow(
      expect.objectContaining({ code: 'SMS_TOO_MANY_SEGMENTS', details: expect.objectContaining({ segments: null }) }),
    );
  });

  it('costs segments × the price of a part, exactly in integer price units', () => {
    expect(costPerRecipient(measureSms(fill(RO, 71)).segments, 45_000)).toBe(90_000);
    expect(costPerRecipient(1, 0)).toBe(0);
    expect(() => costPerRecipient(1, 0.045)).toThrow(RangeError);
    expect(() => costPerRecipient(-1, 10)).toThrow(RangeError);
  });
});

describe('transliterate', () => {
  it('replaces Romanian diacritics by their base letters, comma-below and cedilla forms alike', () => {
    expect(transliterate('ș ț ă î â Ș Ț Ă Î Â')).toBe('s t a i a S T A I A');
    expect(transliterate('ş ţ Ş Ţ')).toBe('s t S T');
    expect(transliterate('Bună ziua! Vă așteptăm în magazin până vineri.')).toBe(
      'Buna ziua! Va asteptam in magazin pana vineri.',
    );
  });

  it("keeps GSM-7's own accented letters, also when typed decomposed", () => {
    expect(transliterate('café über niño Ä Ö Ü Ñ à è ì ò ù')).toBe('café über niño Ä Ö Ü Ñ à è ì ò ù');
    expect(transliterate('cafe\u0301')).toBe('café');
    expect(measureSms(transliterate('café über niño')).encoding).toBe('GSM-7');
  });

  it('strips accents GSM-7 lacks (ç, ő, ł has none to strip) and leaves emoji, so such a text stays UCS-2', () => {
    expect(transliterate('ça ő')).toBe('ca o');
    expect(transliterate('łódź')).toBe('łodz');
    expect(transliterate('Reducere 🎉 azi')).toBe('Reducere 🎉 azi');
    expect(transliterate('1\uFE0F\u20E3 ofertă')).toBe('1\uFE0F\u20E3 oferta');
    expect(measureSms(transliterate('Reducere 🎉 până azi')).encoding).toBe('UCS-2');
  });
});
