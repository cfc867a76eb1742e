// Checks one submission against the published version it names, before anything is stored
// (nothing is written when any check fails). Pure: no store, no clock.
import type { CountryCode } from 'libphonenumber-js';
import { AppError, invalid } from '../errors.ts';
import { MAX_EMAIL_LENGTH, normalizeEmail, normalizePhone } from '../suppression/address.ts';
import { MAX_FIELD_VALUE_LENGTH, type FieldKey } from './definition.ts';
import type { RenderedBox } from './render-text.ts';
import type { FormVersion } from './types.ts';

/** The value a ticked box sends: 'yes' from the HTML checkbox, true in JSON. */
export const BOX_TICK_VALUE = 'yes';

export interface SubmissionInput {
  /** The version whose text the person saw (hidden field in HTML, required in JSON). */
  version: number | null;
  fields: Record<string, string | undefined>;
  /** Box key → the submitted value. Absent keys are unticked boxes. */
  boxes: Record<string, unknown>;
  /** The request carried a "default"/"pre-checked" claim (a field the HTTP layer recognised). */
  claimsDefault: boolean;
  honeypot?: string | null;
  startStamp?: string | null;
}

export interface SubmissionPlan {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The list boxes the person ticked. */
  lists: RenderedBox[];
  /** Names of the co-registration partners whose boxes were ticked (CON-05). */
  partners: string[];
  termsAccepted: boolean;
}

/** `defaultCountry`: the country of a phone number typed without +country code (the form's, else the account's). */
export function planSubmission(v: FormVersion, input: SubmissionInput, defaultCountry?: string): SubmissionPlan {
  if (input.version === null) throw invalid('FORM_VERSION_REQUIRED', 'Name the form version whose text was shown.');
  if (input.version !== v.version) {
    // A stale version: the texts the person saw are no longer the ones we would record.
    throw new AppError(
      'FORM_VERSION_STALE',
      `The form changed (version ${input.version} is not the current ${v.version}); show the current version and submit again.`,
      {
        currentVersion: v.version,
      },
    );
  }
  if (input.claimsDefault) {
    throw invalid(
      'CONSENT_DEFAULT_CLAIMED',
      'Consent cannot be pre-set or defaulted; only a box the person ticked counts (CON-02).',
    );
  }
  const { rendered, definition } = v;
  const known = new Map<string, 'list' | 'partner' | 'terms'>();
  for (const b of rendered.boxes) known.set(b.key, 'list');
  for (const p of rendered.partners) known.set(p.key, 'partner');
  if (rendered.terms) known.set('terms', 'terms');
  const unknown = Object.keys(input.boxes).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw invalid('FORM_UNKNOWN_BOX', `These boxes are not in form version ${v.version}: ${unknown.join(', ')}.`, {
      boxes: unknown,
    });
  const ticked = new Set<string>();
  for (const [k, value] of Object.entries(input.boxes)) {
    if (value === BOX_TICK_VALUE || value === true) ticked.add(k);
    else if (value !== false) {
      throw invalid(
        'CONSENT_DEFAULT_CLAIMED',
        `Box "${k}" carries "${String(value).slice(0, 40)}", not a tick; consent cannot be pre-set (CON-02).`,
        { box: k },
      );
    }
  }
  const allowedFields = new Set<string>(definition.fields.map((f) => f.key));
  const extra = Object.keys(input.fields).filter((k) => !allowedFields.has(k) && (input.fields[k] ?? '') !== '');
  if (extra.length > 0)
    throw invalid('FORM_UNKNOWN_FIELD', `These fields are not on the form: ${extra.join(', ')}.`, {
      fields: Object.fromEntries(extra.map((k) => [k, 'not on this form'])),
    });

  const errors: Record<string, string> = {};
  const value = (k: FieldKey) => (input.fields[k] ?? '').trim();
  for (const f of definition.fields) {
    const raw = value(f.key);
    if (f.required && raw === '') errors[f.key] = 'required';
    else if (raw.length > (f.key === 'email' ? MAX_EMAIL_LENGTH : MAX_FIELD_VALUE_LENGTH)) errors[f.key] = 'too long';
  }
  const email = value('email') ? normalizeEmail(value('email')) : null;
  if (value('email') && !email && !errors.email) errors.email = 'not a valid email address';
  const phone = value('phone')
    ? normalizePhone(value('phone'), (defaultCountry ?? definition.defaultCountry) as CountryCode | undefined)
    : null;
  if (value('phone') && !phone && !errors.phone)
    errors.phone = 'not a valid phone number (international format, e.g. +40 721 234 567)';

  const lists = rendered.boxes.filter((b) => ticked.has(b.key));
  if (lists.length === 0) errors.consent = 'tick at least one box to sign up';
  // SMS-01: a phone number alone is not SMS consent; an SMS box needs a number to mean anything.
  if (lists.some((b) => b.channel === 'sms') && !value('phone') && !errors.phone) errors.phone = 'required for SMS messages';
  if (lists.some((b) => b.channel === 'email') && !value('email') && !errors.email) errors.email = 'required for email messages';
  if (rendered.terms && !ticked.has('terms')) errors.terms = 'required';
  if (Object.keys(errors).length > 0) throw invalid('FORM_FIELDS_INVALID', 'Some fields need attention.', { fields: errors });

  return {
    email,
    phone,
    firstName: value('first_name') || null,
    lastName: value('last_name') || null,
    lists,
    partners: rendered.partners.filter((p) => ticked.has(p.key)).map((p) => p.name),
    termsAccepted: rendered.terms !== null && ticked.has('terms'),
  };
}
