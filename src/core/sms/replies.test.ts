import { describe, expect, it } from 'vitest';
import { classifyInbound } from './keywords.ts';
import { helpReply, optOutConfirmation } from './replies.ts';
import { measureSms } from './segments.ts';

const PROGRAMS: Array<[string, string]> = [
  ['Brutaria Ana', 'ajutor@brutaria.ro'],
  ['Librăria Cărturești Alerte', '+40 21 123 4567'],
  ['Târgul de Crăciun din Brașov - Oferte', 'https://optimail.ro/ajutor/sms'],
];
const LANGUAGES = ['en', 'ro'] as const;
const NO_MARKETING = /https?:|www\.|%|offer|ofert|discount|reducer|sale\b|promo|\bcod\b/iu;

describe('the opt-out confirmation', () => {
  it('[SMS-02] names the program, says no more messages will be sent, and carries no marketing', () => {
    expect(optOutConfirmation({ program: 'Brutaria Ana', language: 'en' }).text).toBe(
      'Brutaria Ana: You have been unsubscribed. No more messages will be sent to this number.',
    );
    expect(optOutConfirmation({ program: 'Brutaria Ana', language: 'ro' }).text).toBe(
      'Brutaria Ana: V-ati dezabonat. Nu va vom mai trimite niciun mesaj pe acest numar.',
    );
    for (const language of LANGUAGES) {
      const { text } = optOutConfirmation({ program: 'Brutaria Ana', language });
      expect(text).toMatch(/^Brutaria Ana: /u);
      expect(text).not.toMatch(NO_MARKETING);
    }
  });

  it('[SMS-02] fits one GSM-7 part in English and in transliterated Romanian', () => {
    for (const [program] of PROGRAMS) {
      for (const language of LANGUAGES) {
        const reply = optOutConfirmation({ program, language });
        expect(reply, `${language} ${program}`).toMatchObject({ encoding: 'GSM-7', segments: 1 });
        expect(measureSms(reply.text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      }
    }
    expect(optOutConfirmation({ program: 'Târgul din Brașov', language: 'ro' }).text).toMatch(/^Targul din Brasov: V-ati/u);
  });

  it('is not itself taken for a keyword if echoed back', () => {
    // An auto-reply loop must not opt in or ask for help: the confirmation reads as 'other' or a STOP.
    for (const language of LANGUAGES) {
      expect(['other', 'opt-out']).toContain(classifyInbound(optOutConfirmation({ program: 'Acme', language }).text).kind);
    }
  });
});

describe('the HELP answer', () => {
  it('[SMS-02] names the program, the contact, the rates notice and how to opt out', () => {
    expect(helpReply({ program: 'Brutaria Ana', contact: 'ajutor@brutaria.ro', language: 'en' }).text).toBe(
      'Brutaria Ana: For help, contact ajutor@brutaria.ro. Msg & data rates may apply. Reply STOP to opt out.',
    );
    expect(helpReply({ program: 'Brutaria Ana', contact: '+40 21 123 4567', language: 'ro' }).text).toBe(
      'Brutaria Ana: Pentru ajutor, contactati +40 21 123 4567. Se pot aplica tarife pentru mesaje si date. Trimiteti STOP pentru dezabonare.',
    );
  });

  it('[SMS-02] fits one GSM-7 part, falling back to a shorter wording when the names are long', () => {
    for (const [program, contact] of PROGRAMS) {
      for (const language of LANGUAGES) {
        const reply = helpReply({ program, contact, language });
        expect(reply, `${language} ${program}`).toMatchObject({ encoding: 'GSM-7', segments: 1 });
        expect(reply.text).toContain(contact);
        expect(reply.text).toMatch(/STOP/u);
        expect(reply.text).toMatch(language === 'en' ? /rates may apply/u : /tarife/u);
      }
    }
    expect(helpReply({ program: PROGRAMS[2]![0], contact: PROGRAMS[2]![1], language: 'ro' }).text).toMatch(/: Ajutor: /u);
  });

  it('goes in more parts only when no wording can fit, and says so', () => {
    const reply = helpReply({ program: 'P'.repeat(80), contact: 'c'.repeat(60), language: 'en' });
    expect(reply.segments).toBe(2);
    expect(reply.text).toContain('Reply STOP to opt out.');
    // An emoji or a dash in the program name has no GSM-7 base letter: the text stays UCS-2, counted as such.
    expect(optOutConfirmation({ program: 'Acme — Alerts', language: 'ro' }).encoding).toBe('UCS-2');
    expect(helpReply({ program: 'Acme 🎉', contact: '+40 21 123 4567', language: 'en' }).encoding).toBe('UCS-2');
  });

  it('keeps a program name or contact on one line and refuses empty ones', () => {
    expect(helpReply({ program: 'Acme\r\nAlerts', contact: ' help@acme.test\n', language: 'en' }).text).toMatch(
      /^Acme Alerts: For help, contact help@acme\.test\. /u,
    );
    expect(() => optOutConfirmation({ program: '  ', language: 'en' })).toThrow(RangeError);
    expect(() => helpReply({ program: 'Acme', contact: '', language: 'ro' })).toThrow(RangeError);
  });
});
