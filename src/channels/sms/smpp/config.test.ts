// The SMPP URL and the message splitter, without a socket.
import { describe, expect, it } from 'vitest';
import { parseSmppUrl } from './config.ts';
import { parseReceiptText } from './deliver.ts';
import { MAX_MESSAGE_CHARS, senderAddress, splitMessage } from './parts.ts';

describe('SMPP configuration URL', () => {
  it('reads credentials, host, port and the window, with defaults', () => {
    expect(parseSmppUrl('smpp://assent:p%40ss@smsc.example.net:2776?window=20&enquire_link=15&system_type=VMA')).toEqual({
      host: 'smsc.example.net',
      port: 2776,
      tls: false,
      systemId: 'assent',
      password: 'p@ss',
      systemType: 'VMA',
      window: 20,
      enquireLinkSeconds: 15,
    });
    expect(parseSmppUrl('ssmpp://a:b@h')).toMatchObject({ port: 3550, tls: true, window: 10, enquireLinkSeconds: 30 });
  });

  it('refuses what an SMSC would refuse, naming the part', () => {
    expect(() => parseSmppUrl('http://a:b@h')).toThrow(/smpp:\/\//);
    expect(() => parseSmppUrl('smpp://h:2775')).toThrow(/system_id/);
    expect(() => parseSmppUrl('smpp://a:toolongpassword@h')).toThrow(/password/);
    expect(() => parseSmppUrl('smpp://a:b@h?window=0')).toThrow(/window/);
    expect(() => parseSmppUrl('smpp://a:b@h?window=ten')).toThrow(/window/);
  });
});

describe('splitting into SMPP parts', () => {
  it('keeps one message whole up to 160 GSM-7 / 70 UCS-2 characters, with no UDH', () => {
    const g = splitMessage('a'.repeat(160), 'gsm7', 7);
    expect(g.ok && g.parts.map((p) => [p.bytes.length, p.udh])).toEqual([[160, false]]);
    const u = splitMessage('ș'.repeat(70), 'ucs2', 7);
    expect(u.ok && u.parts.map((p) => p.bytes.length)).toEqual([140]);
  });

  it('never splits a GSM-7 escape pair (€ is two septets) across parts', () => {
    const r = splitMessage('a'.repeat(152) + '€' + 'b'.repeat(10), 'gsm7', 9);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [first, second] = r.parts;
    expect(first!.bytes.subarray(0, 6)).toEqual(Buffer.from([5, 0, 3, 9, 2, 1]));
    expect(first!.bytes.length - 6).toBe(152); // the € moved whole to part 2
    expect(second!.bytes.subarray(6, 8)).toEqual(Buffer.from([0x1b, 0x65]));
  });

  it('refuses a text over its bound before splitting it', () => {
    expect(splitMessage('x'.repeat(MAX_MESSAGE_CHARS + 1), 'gsm7', 0)).toMatchObject({ ok: false, code: 'too-long' });
  });

  it('types sender ids: E.164, short code, alphanumeric (≤ 11)', () => {
    expect(senderAddress('+40722123456')).toEqual({ addr: '40722123456', ton: 1, npi: 1 });
    expect(senderAddress('1878')).toEqual({ addr: '1878', ton: 3, npi: 0 });
    expect(senderAddress('Assent')).toEqual({ addr: 'Assent', ton: 5, npi: 0 });
    expect(senderAddress('TwelveLetter')).toBeNull();
    expect(senderAddress('')).toBeNull();
  });

  it('reads the SMPP 3.4 Appendix B receipt text', () => {
    expect(
      parseReceiptText(
        'id:0123456789 sub:001 dlvrd:000 submit date:2611221449 done date:2611221450 stat:UNDELIV err:034 text:Hi',
      ),
    ).toEqual({ id: '0123456789', stat: 'UNDELIV', err: '034' });
  });
});
