import { describe, expect, it } from 'vitest';
import { FormDefinitionSchema, MAX_CO_REGISTRATION_PARTNERS, type FormDefinitionInput } from './definition.ts';
import { renderForm, sha256Hex } from './render-text.ts';
import { checkFormRules, type ListFacts } from './rules.ts';

const EMAIL_LIST = 'list-email';
const SMS_LIST = 'list-sms';
const lists = new Map<string, ListFacts>([
  [EMAIL_LIST, { channel: 'email' }],
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
    expect(sms.text).toContain('Acme Alerts: up to 4 msgs/month.');
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
});
