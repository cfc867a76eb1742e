// A form definition: what the builder edits and every version stores (immutable once saved).
// The schema accepts rule-breaking shapes on purpose (a pre-checked box, two lists in one box,
// a missing purpose) so the publish rules (rules.ts) can refuse them BY NAME instead of a generic
// validation error (CON-02…CON-05, SMS-01).
import { z } from 'zod';
import { invalid } from '../errors.ts';

/** CON-05: at most this many co-registration partners on one form. */
export const MAX_CO_REGISTRATION_PARTNERS = 10;
export const MAX_FORM_NAME_LENGTH = 200;
export const MAX_CONSENT_BOXES = 20;
export const MAX_PURPOSE_PART_LENGTH = 500;
export const MAX_LABEL_LENGTH = 500;
export const MAX_FIELD_VALUE_LENGTH = 200;
/** Wider than the rule allows, so a form with 11+ partners reaches the rule and gets its code. */
const MAX_PARTNERS_ACCEPTED_BY_SCHEMA = 100;

export const FORM_LANGUAGES = ['en', 'ro'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

export const FIELD_KEYS = ['email', 'phone', 'first_name', 'last_name'] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

const text = (max: number) => z.string().trim().max(max);
const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _ (max 40)');

export const FieldSchema = z
  .object({
    key: z.enum(FIELD_KEYS),
    required: z.boolean().default(false),
    label: text(MAX_LABEL_LENGTH).optional(),
  })
  .strict();

/**
 * CON-04: the text of a consent box is composed from these parts, all required and non-empty,
 * rendered into the exact text shown (render-text.ts).
 */
export const PurposeSchema = z
  .object({
    sender: text(MAX_PURPOSE_PART_LENGTH).optional(),
    kind: text(MAX_PURPOSE_PART_LENGTH).optional(),
    purpose: text(MAX_PURPOSE_PART_LENGTH).optional(),
    channel: text(MAX_PURPOSE_PART_LENGTH).optional(),
    frequency: text(MAX_PURPOSE_PART_LENGTH).optional(),
    withdraw: text(MAX_PURPOSE_PART_LENGTH).optional(),
  })
  .strict();
export const PURPOSE_PARTS = ['sender', 'kind', 'purpose', 'channel', 'frequency', 'withdraw'] as const;
export type PurposePart = (typeof PURPOSE_PARTS)[number];

/** SMS-01: the program name and frequency; the rates notice and HELP/STOP are always added. */
export const SmsTermsSchema = z
  .object({
    programName: text(MAX_PURPOSE_PART_LENGTH).optional(),
    frequency: text(MAX_PURPOSE_PART_LENGTH).optional(),
  })
  .strict();

export const ConsentBoxSchema = z
  .object({
    key: key.optional(),
    /** Exactly one list per box (CON-03); an array so a box claiming two lists can be named. */
    listIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_CONSENT_BOXES),
    label: text(MAX_LABEL_LENGTH).optional(),
    /** CON-02: must be false; kept as a boolean so the rule can refuse `true` by name. */
    checkedByDefault: z.boolean().default(false),
    /** CON-03: terms acceptance never rides on a marketing box; true is refused by name. */
    alsoAcceptsTerms: z.boolean().default(false),
    purpose: PurposeSchema.optional(),
    sms: SmsTermsSchema.optional(),
  })
  .strict();

export const TermsBoxSchema = z
  .object({
    label: text(MAX_LABEL_LENGTH).min(1),
    url: z.string().url().max(2000).optional(),
    checkedByDefault: z.boolean().default(false),
    /** Must stay empty (CON-03); present so a combined box can be refused by name. */
    listIds: z.array(z.string().min(1).max(100)).max(MAX_CONSENT_BOXES).default([]),
  })
  .strict();

export const PartnerSchema = z
  .object({
    name: text(MAX_LABEL_LENGTH).optional(),
    purposeText: text(MAX_PURPOSE_PART_LENGTH * 2).optional(),
    checkedByDefault: z.boolean().default(false),
  })
  .strict();

export const FormDefinitionSchema = z
  .object({
    name: text(MAX_FORM_NAME_LENGTH).min(1),
    language: z.enum(FORM_LANGUAGES).default('en'),
    /** Default country for phone numbers typed without +country code (ISO 3166 alpha-2). */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    fields: z.array(FieldSchema).min(1).max(FIELD_KEYS.length),
    consentBoxes: z.array(ConsentBoxSchema).max(MAX_CONSENT_BOXES).default([]),
    termsBox: TermsBoxSchema.optional(),
    partners: z.array(PartnerSchema).max(MAX_PARTNERS_ACCEPTED_BY_SCHEMA).default([]),
    intro: text(2000).optional(),
  })
  .strict();

export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>;
export type FormDefinition = z.output<typeof FormDefinitionSchema>;
export type ConsentBox = z.output<typeof ConsentBoxSchema>;
export type Partner = z.output<typeof PartnerSchema>;

/** The box keys a version uses: given keys, else `list-1`, `list-2`… in order. */
export function boxKeys(def: FormDefinition): string[] {
  return def.consentBoxes.map((b, i) => b.key ?? `list-${i + 1}`);
}

/**
 * The only schemes a link on a form may use. `javascript:` or `data:` in an href would run in
 * (or replace) our page when a visitor clicks the terms link.
 */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:'];

export function isHttpUrl(value: string): boolean {
  try {
    return LINK_PROTOCOLS.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** At save (builder create/update): 400 FORM_TERMS_URL_INVALID for a link that is not http(s). */
export function assertSafeLinks(def: FormDefinition): void {
  const url = def.termsBox?.url;
  if (url !== undefined && !isHttpUrl(url)) {
    throw invalid('FORM_TERMS_URL_INVALID', 'The terms link must be an http:// or https:// address.', {
      path: 'termsBox.url',
    });
  }
}
