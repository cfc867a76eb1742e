import { describe, expect, it } from 'vitest';
import { FormDefinitionSchema, MAX_CO_REGISTRATION_PARTNERS, type FormDefinitionInput } from './definition.ts';
import { renderForm, sha256Hex } from './render-text.ts';
import type { FormDefinition } from './definition.ts';
import { checkFormRules, type FormViolation, type ListFacts } from './rules.ts';

const EMAIL_LIST = 'list-email';
const EMAIL_LIST_2 = 'list-email-2';
const SMS_LIST = 'list-sms';
const lists = new Map<string, ListFacts>([
  [EMAIL_LIST, { channel: 'email' }],
  [EMAIL_LIST_2, { channel: 'email' }],
  [SMS_LIST, { channel: 'sms' }],
]);
const purpose = {
  sender: 'Acme Books',
  kind: 'a newsletter with new titles',
  purpose: 'telling you about new books',
  channel: 'email',
  frequency: 'once a week',
  withdraw: 'use the unsubscribe link in every message',
};

function good(): FormDefinitionInput {
  return {
    name: 'Newsletter',
    fields: [{ key: 'email', required: true }, { key: 'phone' }],
    consentBoxes: [
      { listIds: [EMAIL_LIST], checkedByDefault: false, purpose },
      {
        listIds: [SMS_LIST],
        purpose: { ...purpose, channel: 'SMS' },
        sms: { programName: 'Acme Alerts', frequency: 'up to 4 msgs/month' },
      },
    ],
    termsBox: { label: 'I accept the privacy policy', url: 'https://acme.test/privacy' },
    partners: [{ name: 'Partner Co', purposeText: 'offers about book clubs by email, monthly' }],
  };
}

function codes(input: FormDefinitionInput): string[] {
  return checkFormRules(FormDefinitionSchema.parse(input), lists).map((v) => v.code);
}

function violations(input: FormDefinitionInput): FormViolation[] {
  return checkFormRules(FormDefinitionSchema.parse(input), lists);
}

/** A violation with its code and path, and a message that names `hint`. */
function violation(code: string, path: string, hint: string) {
  return { code, path, message: expect.stringContaining(hint) as string };
}

describe('form publish rules', () => {
  it('accepts a compliant form', () => {
    expect(codes(good())).toEqual([]);
  });

  it('[CON-02] refuses a form whose consent box is pre-checked', () => {
    const f = good();
    f.consentBoxes![0]!.checkedByDefault = true;
    expect(codes(f)).toEqual(['FORM_CONSENT_PRECHECKED']);
  });

  it('[CON-02][CON-05] refuses a pre-checked partner box', () => {
    const f = good();
    f.partners![0]!.checkedByDefault = true;
    expect(codes(f)).toEqual(['FORM_CONSENT_PRECHECKED']);
  });

  it('[CON-03] refuses one box covering two lists, and two boxes for one list', () => {
    const f = good();
    f.consentBoxes![0]!.listIds = [EMAIL_LIST, SMS_LIST];
    f.consentBoxes!.pop();
    expect(codes(f)).toContain('FORM_ONE_BOX_PER_LIST');
    const g = good();
    g.consentBoxes![1] = { listIds: [EMAIL_LIST], purpose };
    expect(codes(g)).toEqual(['FORM_ONE_BOX_PER_LIST']);
  });

  it('[CON-03] refuses terms acceptance sharing a box with marketing consent', () => {
    const f = good();
    f.consentBoxes![0]!.alsoAcceptsTerms = true;
    expect(codes(f)).toEqual(['FORM_BOX_SHARED_WITH_TERMS']);
    const g = good();
    g.termsBox!.listIds = [EMAIL_LIST];
    expect(codes(g)).toEqual(['FORM_BOX_SHARED_WITH_TERMS']);
  });

  it('[CON-03] refuses SMS terms on an email list box (email and SMS separate)', () => {
    const f = good();
    f.consentBoxes![0]!.sms = { programName: 'X', frequency: 'daily' };
    expect(codes(f)).toEqual(['FORM_BOX_CHANNEL_MISMATCH']);
  });

  it('[CON-04] refuses a box with no purpose text, and names the missing parts', () => {
    const f = good();
    delete f.consentBoxes![0]!.purpose;
    expect(codes(f)).toEqual(['FORM_PURPOSE_MISSING']);
    const g = good();
    g.consentBoxes![0]!.purpose = { ...purpose, frequency: '  ', withdraw: '' };
    const v = checkFormRules(FormDefinitionSchema.parse(g), lists);
    expect(v.map((x) => x.code)).toEqual(['FORM_PURPOSE_INCOMPLETE']);
    expect(v[0]!.message).toContain('frequency, withdraw');
  });

  it('[CON-05] refuses more than 10 partners and a partner without name or purpose', () => {
    const f = good();
    f.partners = Array.from({ length: MAX_CO_REGISTRATION_PARTNERS + 1 }, (_, i) => ({
      name: `P${i}`,
      purposeText: 'offers, monthly',
    }));
    expect(codes(f)).toEqual(['FORM_TOO_MANY_PARTNERS']);
    f.partners = f.partners.slice(0, MAX_CO_REGISTRATION_PARTNERS);
    expect(codes(f)).toEqual([]);
    const g = good();
    g.partners = [{ name: '', purposeText: 'offers' }];
    expect(codes(g)).toEqual(['FORM_PARTNER_INCOMPLETE']);
  });

  it('[SMS-01] refuses an SMS box without program name or frequency', () => {
    const f = good();
    f.consentBoxes![1]!.sms = { programName: 'Acme Alerts' };
    expect(codes(f)).toEqual(['FORM_SMS_TEXT_INCOMPLETE']);
    const g = good();
    delete g.consentBoxes![1]!.sms;
    expect(codes(g)).toEqual(['FORM_SMS_TEXT_INCOMPLETE']);
  });

  it('[SMS-01] renders the SMS box with program, frequency, the rates notice and HELP/STOP', () => {
    const rendered = renderForm(FormDefinitionSchema.parse(good()));
    const sms = rendered.boxes[1]!;
    expect(sms.channel).toBe('sms');
    expect(sms.text).toContain('SMS program: Acme Alerts. Message frequency: up to 4 msgs/month.');
    expect(sms.text).toContain('Message and data rates may apply.');
    expect(sms.text).toMatch(/HELP.*STOP/);
    expect(sms.textHash).toBe(sha256Hex(sms.text));
  });

  it('[CON-04] composes the box text from sender, kind, purpose, channel, frequency and withdrawal', () => {
    const rendered = renderForm(FormDefinitionSchema.parse(good()));
    const text = rendered.boxes[0]!.text;
    for (const part of Object.values(purpose)) expect(text).toContain(part);
  });

  it('refuses boxes naming unknown lists and boxes without the field their channel needs', () => {
    const f = good();
    f.consentBoxes![0]!.listIds = ['nope'];
    expect(codes(f)).toEqual(['FORM_LIST_NOT_FOUND']);
    const g = good();
    g.fields = [{ key: 'email', required: true }];
    expect(codes(g)).toEqual(['FORM_CHANNEL_FIELD_MISSING']);
  });

  it('accepts a compliant form without a terms box', () => {
    const f = good();
    delete f.termsBox;
    expect(codes(f)).toEqual([]);
  });

  it('refuses a form with no consent box, fields named twice and boxes sharing a key', () => {
    const f = good();
    f.consentBoxes = [];
    expect(violations(f)).toEqual([violation('FORM_NO_CONSENT_BOX', 'consentBoxes', 'at least one consent box')]);
    const g = good();
    g.fields = [{ key: 'email' }, { key: 'email' }, { key: 'phone' }];
    expect(violations(g)).toEqual([violation('FORM_DUPLICATE_KEY', 'fields', 'twice')]);
    const h = good();
    h.consentBoxes![0]!.key = 'list-2'; // the second box's default key
    expect(violations(h)).toEqual([violation('FORM_DUPLICATE_KEY', 'consentBoxes', 'share a key')]);
  });

  it('[CON-02] names the pre-checked box, terms box or partner by its place on the form', () => {
    const f = good();
    f.consentBoxes![1]!.checkedByDefault = true;
    expect(violations(f)).toEqual([violation('FORM_CONSENT_PRECHECKED', 'consentBoxes.1.checkedByDefault', 'CON-02')]);
    const g = good();
    g.termsBox!.checkedByDefault = true;
    expect(violations(g)).toEqual([violation('FORM_CONSENT_PRECHECKED', 'termsBox.checkedByDefault', 'terms box')]);
    const h = good();
    h.partners = [
      { name: 'A', purposeText: 'offers, monthly' },
      { name: 'B', purposeText: 'offers', checkedByDefault: true },
    ];
    expect(violations(h)).toEqual([violation('FORM_CONSENT_PRECHECKED', 'partners.1.checkedByDefault', 'CON-05')]);
  });

  it('[CON-03] names a box covering two lists of one channel, and the second box of a list', () => {
    const f = good();
    f.consentBoxes![0]!.listIds = [EMAIL_LIST, EMAIL_LIST_2];
    expect(violations(f)).toEqual([violation('FORM_ONE_BOX_PER_LIST', 'consentBoxes.0.listIds', 'exactly one list')]);
    const g = good();
    g.consentBoxes![1] = { listIds: [EMAIL_LIST], purpose };
    expect(violations(g)).toEqual([
      violation('FORM_ONE_BOX_PER_LIST', 'consentBoxes.1.listIds', `List ${EMAIL_LIST} already has a box`),
    ]);
  });

  it('[CON-03] refuses one box for an email and an SMS list twice: two lists, and two channels', () => {
    const f = good();
    f.consentBoxes![0]!.listIds = [EMAIL_LIST, SMS_LIST];
    f.consentBoxes!.pop();
    expect(violations(f)).toEqual([
      violation('FORM_ONE_BOX_PER_LIST', 'consentBoxes.0.listIds', 'exactly one list'),
      violation('FORM_ONE_BOX_PER_LIST', 'consentBoxes.0.listIds', 'Email and SMS consent need separate boxes'),
      violation('FORM_SMS_TEXT_INCOMPLETE', 'consentBoxes.0.sms', 'SMS-01'),
    ]);
  });

  it('[CON-03] names the terms sharing a box, SMS terms on an email box and a terms box with lists', () => {
    const f = good();
    f.consentBoxes![0]!.alsoAcceptsTerms = true;
    expect(violations(f)).toEqual([violation('FORM_BOX_SHARED_WITH_TERMS', 'consentBoxes.0.alsoAcceptsTerms', 'its own box')]);
    const g = good();
    g.consentBoxes![0]!.sms = { programName: 'X', frequency: 'daily' };
    expect(violations(g)).toEqual([violation('FORM_BOX_CHANNEL_MISMATCH', 'consentBoxes.0.sms', 'separate boxes')]);
    const h = good();
    h.termsBox!.listIds = [EMAIL_LIST];
    expect(violations(h)).toEqual([violation('FORM_BOX_SHARED_WITH_TERMS', 'termsBox.listIds', 'cannot also subscribe')]);
  });

  it('[CON-04] names the box whose purpose text is missing or incomplete', () => {
    const f = good();
    delete f.consentBoxes![1]!.purpose;
    expect(violations(f)).toEqual([violation('FORM_PURPOSE_MISSING', 'consentBoxes.1.purpose', 'no purpose text')]);
    const g = good();
    g.consentBoxes![1]!.purpose = { ...purpose, sender: '' };
    expect(violations(g)).toEqual([violation('FORM_PURPOSE_INCOMPLETE', 'consentBoxes.1.purpose', 'name: sender (CON-04)')]);
  });

  it('[CON-04][SMS-01][CON-05] counts a blank part as missing even when the caller did not trim it', () => {
    const def: FormDefinition = FormDefinitionSchema.parse(good());
    def.consentBoxes[0]!.purpose = { ...purpose, withdraw: '   ' };
    def.consentBoxes[1]!.sms = { programName: 'Acme Alerts', frequency: ' ' };
    def.partners = [
      { name: ' ', purposeText: 'offers', checkedByDefault: false },
      { name: 'B', purposeText: '\t', checkedByDefault: false },
    ];
    expect(checkFormRules(def, lists)).toEqual([
      violation('FORM_PURPOSE_INCOMPLETE', 'consentBoxes.0.purpose', 'name: withdraw'),
      violation('FORM_SMS_TEXT_INCOMPLETE', 'consentBoxes.1.sms', 'missing: frequency'),
      violation('FORM_PARTNER_INCOMPLETE', 'partners.0', 'named on the form'),
      violation('FORM_PARTNER_INCOMPLETE', 'partners.1', 'named on the form'),
    ]);
  });

  it('[CON-05] names too many partners, and a partner whose name or purpose is absent', () => {
    const f = good();
    f.partners = Array.from({ length: MAX_CO_REGISTRATION_PARTNERS + 1 }, (_, i) => ({
      name: `P${i}`,
      purposeText: 'offers, monthly',
    }));
    expect(violations(f)).toEqual([violation('FORM_TOO_MANY_PARTNERS', 'partners', `At most ${MAX_CO_REGISTRATION_PARTNERS}`)]);
    const g = good();
    g.partners = [{ purposeText: 'offers' }, { name: 'B' }];
    expect(violations(g)).toEqual([
      violation('FORM_PARTNER_INCOMPLETE', 'partners.0', 'named on the form'),
      violation('FORM_PARTNER_INCOMPLETE', 'partners.1', 'named on the form'),
    ]);
  });

  it('[SMS-01] names both missing SMS parts', () => {
    const f = good();
    delete f.consentBoxes![1]!.sms;
    expect(violations(f)).toEqual([
      violation('FORM_SMS_TEXT_INCOMPLETE', 'consentBoxes.1.sms', 'missing: programName, frequency) (SMS-01)'),
    ]);
  });

  it('names the unknown list and the missing phone or email field', () => {
    const f = good();
    f.consentBoxes![0]!.listIds = ['nope'];
    expect(violations(f)).toEqual([violation('FORM_LIST_NOT_FOUND', 'consentBoxes.0.listIds', 'List nope does not exist')]);
    const g = good();
    g.fields = [{ key: 'email', required: true }];
    expect(violations(g)).toEqual([violation('FORM_CHANNEL_FIELD_MISSING', 'fields', 'phone field')]);
    const h = good();
    h.fields = [{ key: 'phone', required: true }];
    expect(violations(h)).toEqual([violation('FORM_CHANNEL_FIELD_MISSING', 'fields', 'email field')]);
  });

  it('checks no channel rule on a box whose list does not exist', () => {
    const f = good();
    f.fields = [{ key: 'first_name' }];
    f.consentBoxes = [{ listIds: ['nope'], purpose, sms: { programName: 'X', frequency: 'daily' } }];
    expect(violations(f)).toEqual([violation('FORM_LIST_NOT_FOUND', 'consentBoxes.0.listIds', 'List nope')]);
  });
});
