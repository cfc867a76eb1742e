// The publish rules: a form that breaks any of them is refused with the rule named (stable code).
// Pure: the lists a form names are looked up by the caller and passed in.
import type { Channel } from '../consent/types.ts';
import { MAX_CO_REGISTRATION_PARTNERS, PURPOSE_PARTS, boxKeys, type FormDefinition } from './definition.ts';

export const FORM_RULE_CODES = [
  'FORM_NO_CONSENT_BOX',
  'FORM_CONSENT_PRECHECKED', // CON-02
  'FORM_ONE_BOX_PER_LIST', // CON-03
  'FORM_BOX_SHARED_WITH_TERMS', // CON-03
  'FORM_BOX_CHANNEL_MISMATCH', // CON-03 (email and SMS separate)
  'FORM_PURPOSE_MISSING', // CON-04
  'FORM_PURPOSE_INCOMPLETE', // CON-04
  'FORM_TOO_MANY_PARTNERS', // CON-05
  'FORM_PARTNER_INCOMPLETE', // CON-05
  'FORM_SMS_TEXT_INCOMPLETE', // SMS-01
  'FORM_LIST_NOT_FOUND',
  'FORM_CHANNEL_FIELD_MISSING',
  'FORM_DUPLICATE_KEY',
] as const;
export type FormRuleCode = (typeof FORM_RULE_CODES)[number];

export interface FormViolation {
  code: FormRuleCode;
  message: string;
  /** Where in the definition, e.g. 'consentBoxes.1.purpose'. */
  path: string;
}

export interface ListFacts {
  channel: Channel;
}

export function checkFormRules(def: FormDefinition, lists: ReadonlyMap<string, ListFacts>): FormViolation[] {
  const out: FormViolation[] = [];
  const add = (code: FormRuleCode, path: string, message: string) => out.push({ code, path, message });
  const fieldKeys = new Set(def.fields.map((f) => f.key));
  if (fieldKeys.size !== def.fields.length) add('FORM_DUPLICATE_KEY', 'fields', 'A field appears twice on the form.');
  const keys = boxKeys(def);
  if (new Set(keys).size !== keys.length) add('FORM_DUPLICATE_KEY', 'consentBoxes', 'Two consent boxes share a key.');

  if (def.consentBoxes.length === 0) add('FORM_NO_CONSENT_BOX', 'consentBoxes', 'A sign-up form needs at least one consent box.');

  const seenLists = new Set<string>();
  def.consentBoxes.forEach((box, i) => {
    const at = `consentBoxes.${i}`;
    if (box.checkedByDefault)
      add('FORM_CONSENT_PRECHECKED', `${at}.checkedByDefault`, 'Consent boxes must start unchecked (CON-02).');
    if (box.listIds.length !== 1) {
      add(
        'FORM_ONE_BOX_PER_LIST',
        `${at}.listIds`,
        'Each consent box covers exactly one list; give every list its own box (CON-03).',
      );
    }
    for (const listId of box.listIds) {
      if (seenLists.has(listId))
        add('FORM_ONE_BOX_PER_LIST', `${at}.listIds`, `List ${listId} already has a box on this form (CON-03).`);
      seenLists.add(listId);
    }
    if (box.alsoAcceptsTerms) {
      add(
        'FORM_BOX_SHARED_WITH_TERMS',
        `${at}.alsoAcceptsTerms`,
        'Terms or privacy acceptance needs its own box, never a marketing consent box (CON-03).',
      );
    }
    const parts = box.purpose ?? {};
    const missing = PURPOSE_PARTS.filter((p) => !(parts[p] ?? '').trim());
    if (missing.length === PURPOSE_PARTS.length) {
      add('FORM_PURPOSE_MISSING', `${at}.purpose`, 'The box has no purpose text (CON-04).');
    } else if (missing.length > 0) {
      add('FORM_PURPOSE_INCOMPLETE', `${at}.purpose`, `The purpose text must also name: ${missing.join(', ')} (CON-04).`);
    }
    const channels = new Set<Channel>();
    for (const listId of box.listIds) {
      const list = lists.get(listId);
      if (!list) add('FORM_LIST_NOT_FOUND', `${at}.listIds`, `List ${listId} does not exist in this account.`);
      else channels.add(list.channel);
    }
    if (channels.size > 1) add('FORM_ONE_BOX_PER_LIST', `${at}.listIds`, 'Email and SMS consent need separate boxes (CON-03).');
    if (channels.has('sms')) {
      const sms = box.sms ?? {};
      const smsMissing = (['programName', 'frequency'] as const).filter((p) => !(sms[p] ?? '').trim());
      if (smsMissing.length > 0) {
        add(
          'FORM_SMS_TEXT_INCOMPLETE',
          `${at}.sms`,
          `An SMS box must name the program and the message frequency (missing: ${smsMissing.join(', ')}) (SMS-01).`,
        );
      }
      if (!fieldKeys.has('phone')) add('FORM_CHANNEL_FIELD_MISSING', 'fields', 'An SMS box needs a phone field on the form.');
    } else if (channels.has('email')) {
      if (box.sms)
        add(
          'FORM_BOX_CHANNEL_MISMATCH',
          `${at}.sms`,
          'SMS terms on a box for an email list: email and SMS consent are separate boxes (CON-03).',
        );
      if (!fieldKeys.has('email')) add('FORM_CHANNEL_FIELD_MISSING', 'fields', 'An email box needs an email field on the form.');
    }
  });

  if (def.termsBox) {
    if (def.termsBox.listIds.length > 0) {
      add('FORM_BOX_SHARED_WITH_TERMS', 'termsBox.listIds', 'The terms/privacy box cannot also subscribe to a list (CON-03).');
    }
    if (def.termsBox.checkedByDefault)
      add('FORM_CONSENT_PRECHECKED', 'termsBox.checkedByDefault', 'The terms box must start unchecked.');
  }

  if (def.partners.length > MAX_CO_REGISTRATION_PARTNERS) {
    add(
      'FORM_TOO_MANY_PARTNERS',
      'partners',
      `At most ${MAX_CO_REGISTRATION_PARTNERS} co-registration partners per form (CON-05).`,
    );
  }
  def.partners.forEach((p, i) => {
    if (p.checkedByDefault)
      add('FORM_CONSENT_PRECHECKED', `partners.${i}.checkedByDefault`, 'Partner boxes must start unchecked (CON-02, CON-05).');
    if (!(p.name ?? '').trim() || !(p.purposeText ?? '').trim()) {
      add('FORM_PARTNER_INCOMPLETE', `partners.${i}`, 'Each partner is named on the form with its purpose (CON-05).');
    }
  });
  return out;
}
