import { describe, expect, it } from 'vitest';
import { MAX_INBOUND_TEXT_LENGTH, classifyInbound } from './keywords.ts';

const kindOf = (text: string) => classifyInbound(text).kind;

describe('inbound keywords', () => {
  it('[SMS-02] opts out on STOP, QUIT, END, REVOKE, OPT OUT, OPTOUT, CANCEL, UNSUBSCRIBE, STOPALL in any case', () => {
    for (const word of ['STOP', 'QUIT', 'END', 'REVOKE', 'OPT OUT', 'OPTOUT', 'CANCEL', 'UNSUBSCRIBE', 'STOPALL']) {
      for (const text of [word, word.toLowerCase(), word[0] + word.slice(1).toLowerCase()]) {
        expect(classifyInbound(text), text).toEqual({
          kind: 'opt-out',
          keyword: word,
          language: word === 'STOP' ? null : 'en',
          position: 'alone',
        });
      }
    }
  });

  it('[SMS-02] opts out on the Romanian words, with or without diacritics', () => {
    const cases: Array<[string, string]> = [
      ['Stop', 'STOP'],
      ['DEZABONARE', 'DEZABONARE'],
      ['dezabonează', 'DEZABONEAZA'],
      ['Dezaboneaza-ma', 'DEZABONEAZA'],
      ['renunt', 'RENUNT'],
      ['Renunț', 'RENUNT'],
      ['RENUNŢ', 'RENUNT'], // the old cedilla form
      ['oprire', 'OPRIRE'],
    ];
    for (const [text, keyword] of cases) {
      expect(classifyInbound(text), text).toMatchObject({ kind: 'opt-out', keyword });
    }
    expect(classifyInbound('Renunț')).toMatchObject({ language: 'ro' });
  });

  it('[SMS-02] ignores surrounding spaces, punctuation and fullwidth forms', () => {
    for (const text of ['  stop  ', 'STOP.', '"Stop!!!"', '¡stop!', '\nStop\r\n', 'opt-out', 'Opt  out.', 'ＳＴＯＰ']) {
      expect(kindOf(text), JSON.stringify(text)).toBe('opt-out');
    }
  });

  it('[SMS-02] opts out on the keyword as the first word', () => {
    expect(classifyInbound('Stop please')).toMatchObject({ kind: 'opt-out', keyword: 'STOP', position: 'first' });
    expect(classifyInbound('Cancel my subscription')).toMatchObject({ kind: 'opt-out', keyword: 'CANCEL' });
    expect(classifyInbound('Renunț la mesaje, mulțumesc')).toMatchObject({ kind: 'opt-out', keyword: 'RENUNT' });
    expect(classifyInbound('END.')).toMatchObject({ kind: 'opt-out', position: 'alone' });
  });

  it('[SMS-02] opts out on an unambiguous opt-out word anywhere: we never argue with a STOP', () => {
    expect(classifyInbound('Please stop texting me')).toMatchObject({ kind: 'opt-out', keyword: 'STOP', position: 'within' });
    expect(classifyInbound("don't stop")).toMatchObject({ kind: 'opt-out', keyword: 'STOP' });
    expect(classifyInbound('how do I unsubscribe?')).toMatchObject({ kind: 'opt-out', keyword: 'UNSUBSCRIBE' });
    expect(classifyInbound('Vreau dezabonare')).toMatchObject({ kind: 'opt-out', keyword: 'DEZABONARE' });
    expect(classifyInbound('yes, stop')).toMatchObject({ kind: 'opt-out' });
    expect(classifyInbound('HELP STOP')).toMatchObject({ kind: 'opt-out' });
  });

  it('does not opt out on a common word further in, nor on words that only contain a keyword', () => {
    expect(kindOf('Can I cancel my order?')).toBe('other');
    expect(kindOf('See you at the end of the week')).toBe('other');
    for (const text of [
      'stopover',
      'Unstoppable deals',
      'STOP2',
      'stopped',
      'Backend',
      'Endless',
      'Dahlia',
      'yesterday',
      'information',
    ]) {
      expect(kindOf(text), text).toBe('other');
    }
  });

  it('[SMS-02] answers HELP, INFO and AJUTOR as help', () => {
    expect(classifyInbound('help')).toEqual({ kind: 'help', keyword: 'HELP', language: 'en', position: 'alone' });
    expect(classifyInbound('Info?')).toMatchObject({ kind: 'help', keyword: 'INFO', language: null });
    expect(classifyInbound('Ajutor, vă rog')).toMatchObject({
      kind: 'help',
      keyword: 'AJUTOR',
      language: 'ro',
      position: 'first',
    });
    expect(kindOf('I need help')).toBe('other');
  });

  it('confirms an SMS double opt-in on YES, Y and DA', () => {
    expect(classifyInbound('YES')).toMatchObject({ kind: 'confirm', keyword: 'YES', language: 'en' });
    expect(classifyInbound('y')).toMatchObject({ kind: 'confirm', keyword: 'Y', position: 'alone' });
    expect(classifyInbound('Da')).toMatchObject({ kind: 'confirm', keyword: 'DA', language: 'ro' });
    expect(classifyInbound('Da, vreau')).toMatchObject({ kind: 'confirm', keyword: 'DA', position: 'first' });
    expect(classifyInbound('Yes please!')).toMatchObject({ kind: 'confirm', keyword: 'YES' });
  });

  it('does not confirm on Y as a first word or on a hyphenated Romanian "dă-mi"', () => {
    expect(kindOf('Y not')).toBe('other');
    expect(kindOf('Dă-mi detalii')).toBe('other');
    expect(kindOf('no')).toBe('other');
  });

  it('treats empty and punctuation-only texts as other, and reads long texts only so far', () => {
    expect(classifyInbound('')).toEqual({ kind: 'other' });
    expect(classifyInbound(' ?! ')).toEqual({ kind: 'other' });
    expect(kindOf(`${'hello '.repeat(300)} stop`)).toBe('other');
    expect(kindOf(`${'hello '.repeat(200)} stop`)).toBe('opt-out');
    expect('hello '.repeat(300).length).toBeGreaterThan(MAX_INBOUND_TEXT_LENGTH);
  });
});
