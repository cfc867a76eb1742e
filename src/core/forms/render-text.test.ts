// The consent sentence a person reads beside a box: composed from the box's parts into natural
// English and Romanian for every channel, with and without frequency and sender (CON-04, SMS-01).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ConsentBoxSchema, FormDefinitionSchema, type ConsentBox } from './definition.ts';
import { composeBoxText, composePartnerText, renderForm, RenderedFormSchema } from './render-text.ts';

const box = (purpose: Record<string, string>, extra: Partial<ConsentBox> = {}): ConsentBox =>
  ConsentBoxSchema.parse({ listIds: ['l1'], purpose, ...extra });

const FULL = {
  sender: 'Acme Books',
  kind: 'newsletters',
  channel: 'email',
  frequency: 'weekly',
  purpose: 'news about our books',
  withdraw: 'use the unsubscribe link in every message',
};

describe('consent sentence', () => {
  it('[CON-04] reads as one English sentence naming sender, kind, channel, frequency, purpose and withdrawal', () => {
    expect(composeBoxText(box(FULL), 'en')).toBe(
      'I agree to receive newsletters from Acme Books by email, weekly. Purpose: news about our books. ' +
        'I can withdraw my consent at any time: use the unsubscribe link in every message.',
    );
  });

  it('[CON-04] reads as natural Romanian, with the e-mail spelling and "Îmi pot retrage acordul"', () => {
    const ro = { ...FULL, kind: 'buletine informative', frequency: 'săptămânal', purpose: 'noutăți despre cărțile noastre' };
    expect(composeBoxText(box({ ...ro, withdraw: 'prin linkul de dezabonare din fiecare mesaj' }), 'ro')).toBe(
      'Sunt de acord să primesc buletine informative de la Acme Books prin e-mail, săptămânal. ' +
        'Scopul: noutăți despre cărțile noastre. Îmi pot retrage acordul oricând: prin linkul de dezabonare din fiecare mesaj.',
    );
  });

  it('normalises the usual spellings of each channel and keeps any other channel as written', () => {
    const cases: Array<[string, string, string]> = [
      ['Email', 'by email', 'prin e-mail'],
      ['e-mail', 'by email', 'prin e-mail'],
      ['sms', 'by SMS', 'prin SMS'],
      ['text messages', 'by SMS', 'prin SMS'],
      ['WhatsApp', 'by WhatsApp', 'prin WhatsApp'],
    ];
    for (const [channel, en, ro] of cases) {
      expect(composeBoxText(box({ ...FULL, channel }), 'en')).toContain(`from Acme Books ${en}, weekly.`);
      expect(composeBoxText(box({ ...FULL, channel }), 'ro')).toContain(`de la Acme Books ${ro}, weekly.`);
    }
  });

  it('takes any frequency phrase after a comma, and leaves no gap or stray comma without one', () => {
    for (const frequency of ['about twice a month', 'once a week', 'up to 4 messages a month'])
      expect(composeBoxText(box({ ...FULL, frequency }), 'en')).toContain(`by email, ${frequency}. Purpose:`);
    const none = composeBoxText(box({ ...FULL, frequency: '' }), 'en');
    expect(none).toContain('from Acme Books by email. Purpose:');
    expect(composeBoxText(box({ ...FULL, frequency: '' }), 'ro')).toContain('de la Acme Books prin e-mail. Scopul:');
  });

  it('without a sender name (a draft) it still reads as a sentence, and an empty part drops its clause', () => {
    const { sender: _s, ...noSender } = FULL;
    expect(composeBoxText(box(noSender), 'en')).toMatch(/^I agree to receive newsletters by email, weekly\. Purpose:/);
    expect(composeBoxText(box(noSender), 'ro')).toMatch(/^Sunt de acord să primesc newsletters prin e-mail, weekly\. Scopul:/);
    expect(composeBoxText(box({}), 'en')).toBe('I agree to receive messages. I can withdraw my consent at any time.');
    expect(composeBoxText(box({}), 'ro')).toBe('Sunt de acord să primesc mesaje. Îmi pot retrage acordul oricând.');
  });

  it('never doubles the final punctuation the customer typed', () => {
    const text = composeBoxText(box({ ...FULL, purpose: 'news about our books.', withdraw: 'reply STOP!' }), 'en');
    expect(text).toContain('Purpose: news about our books. I can withdraw my consent at any time: reply STOP!');
    expect(text).not.toMatch(/\.\.|!\./);
  });

  it('[SMS-01] an SMS box adds the program, the message frequency and the fixed notices, in both languages', () => {
    const sms = box({ ...FULL, channel: 'SMS' }, { sms: { programName: 'Acme Alerts', frequency: 'up to 4 msgs/month' } });
    expect(composeBoxText(sms, 'en')).toMatch(
      /by SMS, weekly\. .* SMS program: Acme Alerts\. Message frequency: up to 4 msgs\/month\. Message and data rates may apply\. Reply HELP for help, STOP to cancel\.$/,
    );
    expect(composeBoxText(sms, 'ro')).toMatch(
      /prin SMS, weekly\. .* Program SMS: Acme Alerts\. Frecvența mesajelor: up to 4 msgs\/month\. Se pot aplica tarife .* Trimiteți HELP pentru ajutor, STOP pentru dezabonare\.$/,
    );
  });

  it('puts the box label before the sentence', () => {
    expect(composeBoxText(box(FULL, { label: 'Newsletter' }), 'en')).toMatch(/^Newsletter — I agree to receive newsletters/);
  });

  it('[CON-05] names a co-registration partner with its purpose, in both languages', () => {
    const partner = { name: 'Book Club SRL', purposeText: 'club offers by email, monthly', checkedByDefault: false };
    expect(composePartnerText(partner, 'en')).toBe(
      'I agree that my details may be passed to Book Club SRL, who may contact me for this purpose: club offers by email, monthly.',
    );
    expect(composePartnerText(partner, 'ro')).toBe(
      'Sunt de acord ca datele mele să fie transmise către Book Club SRL, care mă poate contacta în acest scop: club offers by email, monthly.',
    );
  });
});

describe('the rendered form', () => {
  const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

  it('[CON-03] gives every box its key, list, channel, text and the text hash; partners and terms their own', () => {
    const def = FormDefinitionSchema.parse({
      name: 'Footer',
      language: 'ro',
      fields: [{ key: 'email', required: true }],
      consentBoxes: [
        { key: 'news', listIds: ['list-news'], purpose: FULL },
        { listIds: ['list-sms'], purpose: { ...FULL, channel: 'sms' }, sms: { programName: 'Acme', frequency: 'weekly' } },
      ],
      partners: [{ name: '  Book Club SRL.  ', purposeText: 'club offers' }],
      termsBox: { label: 'I accept the terms', url: 'https://acme.example/terms' },
    });
    const r = renderForm(def);
    expect(RenderedFormSchema.parse(r)).toEqual(r);
    expect(r.boxes.map((b) => [b.key, b.listId, b.channel])).toEqual([
      ['news', 'list-news', 'email'],
      ['list-2', 'list-sms', 'sms'],
    ]);
    for (const b of r.boxes) expect(b.textHash).toBe(sha(b.text));
    expect(r.boxes[0]!.text).toBe(composeBoxText(def.consentBoxes[0]!, 'ro'));
    expect(r.partners).toEqual([
      {
        key: 'partner-1',
        name: 'Book Club SRL',
        text: composePartnerText(def.partners[0]!, 'ro'),
        textHash: sha(r.partners[0]!.text),
      },
    ]);
    expect(r.terms).toEqual({ key: 'terms', text: 'I accept the terms', url: 'https://acme.example/terms' });
    const bare = renderForm(
      FormDefinitionSchema.parse({ name: 'Bare', fields: [{ key: 'email' }], termsBox: { label: 'Terms' } }),
    );
    expect([bare.boxes, bare.partners, bare.terms]).toEqual([[], [], { key: 'terms', text: 'Terms', url: null }]);
    expect(renderForm(FormDefinitionSchema.parse({ name: 'None', fields: [{ key: 'email' }] })).terms).toBeNull();
  });

  it('trims trailing stops and spaces of each part, ends a part on ? or … as typed, and names only whole channel words', () => {
    const text = composeBoxText(box({ ...FULL, purpose: 'news about our books . ', withdraw: 'ask us how?' }), 'en');
    expect(text).toContain('Purpose: news about our books. I can withdraw my consent at any time: ask us how?');
    expect(composeBoxText(box({ ...FULL, withdraw: 'wait…' }), 'en')).toMatch(/any time: wait…$/);
    // A word that merely contains "email" or "sms" is the customer's channel as written.
    expect(composeBoxText(box({ ...FULL, channel: 'email newsletter' }), 'en')).toContain('by email newsletter, weekly.');
    expect(composeBoxText(box({ ...FULL, channel: 'my e-mail' }), 'ro')).toContain('prin my e-mail, weekly.');
    expect(composeBoxText(box({ ...FULL, channel: 'smsx' }), 'en')).toContain('by smsx, weekly.');
    expect(composeBoxText(box({ ...FULL, channel: 'Text message' }), 'en')).toContain('by SMS, weekly.');
    expect(composeBoxText(box({ ...FULL, channel: 'text' }), 'en')).toContain('by SMS, weekly.');
    expect(composeBoxText(box({ ...FULL, channel: 'text messages' }), 'en')).toContain('by SMS, weekly.');
    expect(composeBoxText(box({ ...FULL, channel: 'text messagesx' }), 'en')).toContain('by text messagesx, weekly.');
    // An SMS box without a program or a frequency has no empty "SMS program:" clause.
    const plain = composeBoxText(box({ ...FULL, channel: 'SMS' }, { sms: {} }), 'en');
    expect(plain).not.toContain('SMS program');
    expect(plain).not.toContain('Message frequency');
  });
});
