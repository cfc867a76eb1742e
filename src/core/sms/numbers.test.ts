import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../suppression/address.ts';
import { checkSmsNumber, parseSmsNumber } from './numbers.ts';

const RO_ONLY = { defaultCountry: 'RO', allowedCountries: ['RO'] };

describe('SMS numbers', () => {
  it('[SMS-04] reads a local number in the account default country and answers E.164', () => {
    expect(parseSmsNumber('0722 123 456', RO_ONLY)).toEqual({ e164: '+40722123456', country: 'RO' });
    expect(parseSmsNumber('(0722) 123-456', { ...RO_ONLY, defaultCountry: 'ro' })).toEqual({
      e164: '+40722123456',
      country: 'RO',
    });
  });

  it('[SMS-04] keeps an international number whatever the default country', () => {
    const rules = { defaultCountry: 'RO', allowedCountries: ['RO', 'US'] };
    expect(parseSmsNumber('+1 (212) 555-1234', rules)).toEqual({ e164: '+12125551234', country: 'US' });
    expect(parseSmsNumber('  +40 722 123 456  ', rules).e164).toBe('+40722123456');
  });

  it('[SMS-04] gives the same E.164 string that contacts store', () => {
    for (const input of ['0722 123 456', '+40 21 234 5678', '0040722123456']) {
      expect(parseSmsNumber(input, RO_ONLY).e164).toBe(normalizePhone(input, 'RO'));
    }
  });

  it('[SMS-04] refuses unparseable and invalid numbers with SMS_NUMBER_INVALID', () => {
    for (const input of ['', 'call me', '12', '+40 72', '+40 722 123 456 789', '0722 123 456'.repeat(3)]) {
      expect(checkSmsNumber(input, RO_ONLY)).toEqual({ ok: false, code: 'SMS_NUMBER_INVALID' });
    }
    expect(checkSmsNumber('9'.repeat(MAX_PHONE_INPUT_LENGTH + 1), RO_ONLY)).toMatchObject({ code: 'SMS_NUMBER_INVALID' });
  });

  it('[SMS-04] refuses a local number when the account has no default country', () => {
    expect(checkSmsNumber('0722 123 456', { allowedCountries: ['RO'] })).toMatchObject({ code: 'SMS_NUMBER_INVALID' });
    expect(checkSmsNumber('0722 123 456', { defaultCountry: 'XX', allowedCountries: ['RO'] })).toMatchObject({
      code: 'SMS_NUMBER_INVALID',
    });
  });

  it('[SMS-04] refuses a valid number of a country the account may not text', () => {
    expect(checkSmsNumber('+49 30 1234567', RO_ONLY)).toEqual({ ok: false, code: 'SMS_COUNTRY_NOT_ALLOWED', country: 'DE' });
    expect(checkSmsNumber('+49 30 1234567', { ...RO_ONLY, allowedCountries: ['ro', 'de'] })).toMatchObject({
      ok: true,
      country: 'DE',
    });
  });

  it('fails closed: an empty allowed list allows no country', () => {
    expect(checkSmsNumber('+40722123456', { defaultCountry: 'RO', allowedCountries: [] })).toMatchObject({
      ok: false,
      code: 'SMS_COUNTRY_NOT_ALLOWED',
    });
  });

  it('refuses a number of no single country (+800 freephone) as not allowed', () => {
    const result = checkSmsNumber('+800 1234 5678', RO_ONLY);
    expect(result).toEqual({ ok: false, code: 'SMS_COUNTRY_NOT_ALLOWED', country: undefined });
  });

  it('throws the refusal as an AppError with a stable code and the field', () => {
    const invalidNumber = () => parseSmsNumber('nope', RO_ONLY);
    expect(invalidNumber).toThrow(AppError);
    expect(invalidNumber).toThrow(expect.objectContaining({ code: 'SMS_NUMBER_INVALID', kind: 'invalid' }));
    expect(() => parseSmsNumber('+4930 1234567', RO_ONLY)).toThrow(
      expect.objectContaining({
        code: 'SMS_COUNTRY_NOT_ALLOWED',
        kind: 'unprocessable',
        details: { field: 'phone', country: 'DE' },
      }),
    );
  });
});
