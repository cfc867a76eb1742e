// SMS-04: a recipient's number as the SMS channel takes it: E.164, valid, of a country the account
// may text. Parsed exactly as contacts store phones (suppression/address.ts normalizePhone: the
// same library, metadata, input bound and default-country rule), so a stored contact's number and
// the number a text goes to are one string; this adds the country and the refusal's reason.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { AppError } from '../errors.ts';
import { invalid, unprocessable } from '../errors.ts';
import { MAX_PHONE_INPUT_LENGTH } from '../suppression/address.ts';

export interface SmsNumberRules {
  /** ISO 3166 alpha-2 of the account (e.g. 'RO'): how a number typed without +country code is read. */
  defaultCountry?: string | null;
  /** ISO 3166 alpha-2 codes the account may text. Fail closed: an empty list allows no country. */
  allowedCountries: readonly string[];
}

export interface SmsNumber {
  /** E.164: '+' and at most 15 digits, e.g. '+40722123456'. */
  e164: string;
  /** ISO 3166 alpha-2 of the number's country, e.g. 'RO'. */
  country: CountryCode;
}

export type SmsNumberCheck =
  ({ ok: true } & SmsNumber) | { ok: false; code: 'SMS_NUMBER_INVALID' | 'SMS_COUNTRY_NOT_ALLOWED'; country?: string };

function region(value: string | null | undefined): CountryCode | undefined {
  const code = value?.trim().toUpperCase();
  return code && isSupportedCountry(code) ? code : undefined;
}

/**
 * Checks one number without throwing (an import checks thousands of rows). A number of no single
 * country (+800 freephone, +882 international networks) is refused as not allowed: an account's
 * allowed list names countries, and such a number's rules and prices are nobody's country's.
 */
export function checkSmsNumber(input: string, rules: SmsNumberRules): SmsNumberCheck {
  if (input.length > MAX_PHONE_INPUT_LENGTH) return { ok: false, code: 'SMS_NUMBER_INVALID' };
  const parsed = parsePhoneNumberFromString(input.trim(), region(rules.defaultCountry));
  if (!parsed || !parsed.isValid()) return { ok: false, code: 'SMS_NUMBER_INVALID' };
  const country = parsed.country;
  const allowed = new Set(rules.allowedCountries.map((c) => c.trim().toUpperCase()));
  if (!country || !allowed.has(country)) return { ok: false, code: 'SMS_COUNTRY_NOT_ALLOWED', country };
  return { ok: true, e164: parsed.number, country };
}

/** The same check for one number typed by a person: throws the refusal as an AppError. */
export function parseSmsNumber(input: string, rules: SmsNumberRules): SmsNumber {
  const result = checkSmsNumber(input, rules);
  if (result.ok) return { e164: result.e164, country: result.country };
  throw smsNumberError(result);
}

export function smsNumberError(refusal: Extract<SmsNumberCheck, { ok: false }>): AppError {
  if (refusal.code === 'SMS_NUMBER_INVALID')
    return invalid(
      'SMS_NUMBER_INVALID',
      'This is not a valid phone number. Write it with its country code, e.g. +40 722 123 456.',
      {
        field: 'phone',
      },
    );
  return unprocessable(
    'SMS_COUNTRY_NOT_ALLOWED',
    refusal.country
      ? `This account may not send text messages to numbers in ${refusal.country}.`
      : 'This number belongs to no single country; this account may not send text messages to it.',
    { field: 'phone', country: refusal.country ?? null },
  );
}
