// A message as SMPP short_message octets: split into parts by sms-segments-calculator (Twilio's
// segment rules — the same counter the editor and core/sms/segments use, so what we bill is what
// we send), each part prefixed with a concatenation UDH when there is more than one
// (3GPP TS 23.040 §9.2.3.24.1: IEI 0x00, 8-bit reference, total, sequence from 1).
// GSM-7 goes as unpacked septets with data_coding 0 (the SMSC default alphabet, GSM 03.38), at
// most 160 a message or 153 a part (the 6-octet UDH takes 7 septets); UCS-2 as UTF-16BE with
// data_coding 8, 70 or 67 code units. The calculator splits on grapheme boundaries, so an escape
// pair (GSM-7 `€`, `{`…) or a surrogate pair (emoji) never straddles two parts.
import { SegmentedMessage } from 'sms-segments-calculator';
import type { SmsEncoding } from '../../../core/sms/ports.ts';

/** A concatenated message has at most 255 parts (the UDH's total is one octet). */
export const MAX_CONCAT_PARTS = 255;
/**
 * The longest text the adapter splits (UTF-16 code units): core/sms/segments refuses messages
 * over its segment limit long before this; this bound only stops a runaway text from holding the
 * event loop in the splitter (about 5 µs a character).
 */
export const MAX_MESSAGE_CHARS = 4_000;
export const DATA_CODING = { gsm7: 0x00, ucs2: 0x08 } as const;
/** esm_class bit 6: short_message starts with a UDH. */
export const ESM_UDHI = 0x40;

export interface SmppPart {
  /** short_message: the UDH (when concatenated) then the encoded text. */
  bytes: Buffer;
  udh: boolean;
}

export type SplitResult =
  | { ok: true; parts: SmppPart[]; dataCoding: number }
  | { ok: false; code: 'encoding-mismatch' | 'too-many-parts' | 'too-long' | 'empty'; detail: string };

interface CalcChar {
  raw?: string;
  codeUnits?: number[];
  isGSM7?: boolean;
  isUserDataHeader?: boolean;
}

/** Splits and encodes `text`; `reference` is the concatenation reference (0–255) to use if split. */
export function splitMessage(text: string, encoding: SmsEncoding, reference: number): SplitResult {
  if (text.length === 0) return { ok: false, code: 'empty', detail: 'the message has no text' };
  if (text.length > MAX_MESSAGE_CHARS)
    return { ok: false, code: 'too-long', detail: `${text.length} characters; at most ${MAX_MESSAGE_CHARS}` };
  let segments: CalcChar[][];
  try {
    segments = new SegmentedMessage(text, encoding === 'gsm7' ? 'GSM-7' : 'UCS-2').segments as unknown as CalcChar[][];
  } catch {
    // The calculator refuses GSM-7 for text outside the alphabet; the caller chose the encoding.
    return { ok: false, code: 'encoding-mismatch', detail: 'the text is not in the GSM-7 alphabet' };
  }
  if (segments.length > MAX_CONCAT_PARTS)
    return { ok: false, code: 'too-many-parts', detail: `${segments.length} parts; at most ${MAX_CONCAT_PARTS}` };
  const parts: SmppPart[] = [];
  for (let i = 0; i < segments.length; i++) {
    const units: number[] = [];
    for (const c of segments[i] ?? []) {
      if (c.isUserDataHeader) continue;
      if (encoding === 'gsm7' && !c.isGSM7)
        return { ok: false, code: 'encoding-mismatch', detail: `"${c.raw ?? ''}" is not in the GSM-7 alphabet` };
      units.push(...(c.codeUnits ?? []));
    }
    const body = encoding === 'gsm7' ? Buffer.from(units) : utf16be(units);
    if (segments.length === 1) {
      parts.push({ bytes: body, udh: false });
    } else {
      const udh = Buffer.from([0x05, 0x00, 0x03, reference & 0xff, segments.length, i + 1]);
      parts.push({ bytes: Buffer.concat([udh, body]), udh: true });
    }
  }
  return { ok: true, parts, dataCoding: DATA_CODING[encoding] };
}

function utf16be(units: number[]): Buffer {
  const b = Buffer.alloc(units.length * 2);
  for (let i = 0; i < units.length; i++) b.writeUInt16BE(units[i] ?? 0, i * 2);
  return b;
}

/** SMPP address type of number / numbering plan (SMPP 3.4 §5.2.5–6). */
export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

const TON_INTERNATIONAL = 1;
const TON_NETWORK_SPECIFIC = 3;
const TON_ALPHANUMERIC = 5;
const NPI_ISDN = 1;
const NPI_UNKNOWN = 0;
/** GSM alphanumeric sender ids are at most 11 characters (3GPP TS 23.040 §9.1.2.5). */
export const MAX_ALPHANUMERIC_SENDER = 11;

/** E.164 → international ISDN without the '+'; digits alone → a short code; else alphanumeric. */
export function senderAddress(from: string): SmppAddress | null {
  if (/^\+[1-9]\d{6,14}$/.test(from)) return { addr: from.slice(1), ton: TON_INTERNATIONAL, npi: NPI_ISDN };
  if (/^\d{3,8}$/.test(from)) return { addr: from, ton: TON_NETWORK_SPECIFIC, npi: NPI_UNKNOWN };
  if (/^[A-Za-z0-9 .\-&]{1,11}$/.test(from) && /[A-Za-z]/.test(from))
    return { addr: from, ton: TON_ALPHANUMERIC, npi: NPI_UNKNOWN };
  return null;
}

export function recipientAddress(to: string): SmppAddress | null {
  return /^\+[1-9]\d{6,14}$/.test(to) ? { addr: to.slice(1), ton: TON_INTERNATIONAL, npi: NPI_ISDN } : null;
}

/** An address from a deliver_sm: international numbers get their '+' back. */
export function addressFromPdu(addr: unknown, ton: unknown): string {
  const a = typeof addr === 'string' ? addr : '';
  return ton === TON_INTERNATIONAL && /^\d+$/.test(a) ? `+${a}` : a;
}
