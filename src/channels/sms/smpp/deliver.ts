// deliver_sm from the SMSC: a delivery receipt or a message a person sent (MO).
// A receipt is flagged in esm_class (SMPP 3.4 §5.2.12, message type bits 2–5 = 0001, "SMSC
// delivery receipt"; 1000 is an intermediate notification). Its facts come from the TLVs
// receipted_message_id and message_state when the SMSC sends them (SMPP 3.4 §5.3.2.12, 5.3.2.35),
// else from the text of Appendix B:
//   id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…
// Only final states are reported; ENROUTE / ACCEPTD / SCHEDULED are acknowledged and dropped.
import type { ReceiptStatus } from '../../../core/sms/ports.ts';
import { addressFromPdu } from './parts.ts';

const ESM_MESSAGE_TYPE_MASK = 0x3c;
const ESM_DELIVERY_RECEIPT = 0x04;
const ESM_INTERMEDIATE = 0x20;

/** The Appendix B `stat:` words. */
const STAT_WORDS: Record<string, ReceiptStatus | 'pending'> = {
  DELIVRD: 'delivered',
  UNDELIV: 'failed',
  REJECTD: 'failed',
  DELETED: 'failed',
  EXPIRED: 'expired',
  UNKNOWN: 'unknown',
  ACCEPTD: 'pending',
  ENROUTE: 'pending',
  SCHEDULED: 'pending',
};
/** message_state TLV values (SMPP 5.0 §4.7.15; 9 SKIPPED is 5.0 only). */
const MESSAGE_STATES: Record<number, ReceiptStatus | 'pending'> = {
  0: 'pending',
  1: 'pending',
  2: 'delivered',
  3: 'expired',
  4: 'failed',
  5: 'failed',
  6: 'pending',
  7: 'unknown',
  8: 'failed',
  9: 'failed',
};

export type DeliverSm =
  | { kind: 'receipt'; providerMessageId: string; status: ReceiptStatus; errorCode?: string }
  | { kind: 'pending-receipt'; providerMessageId: string }
  | { kind: 'unreadable-receipt'; text: string }
  | { kind: 'inbound'; from: string; to: string; text: string; concat?: { ref: number; total: number; seq: number } };

/** The fields of a deliver_sm PDU as the smpp package decodes them. */
export type DeliverSmFields = Record<string, unknown>;

function messageText(v: unknown): { text: string; udh: Buffer[] } {
  if (v && typeof v === 'object' && 'message' in v) {
    const m = (v as { message: unknown; udh?: Buffer[] }).message;
    const udh = (v as { udh?: Buffer[] }).udh ?? [];
    if (typeof m === 'string') return { text: m, udh };
    if (Buffer.isBuffer(m)) return { text: m.toString('latin1'), udh };
  }
  if (typeof v === 'string') return { text: v, udh: [] };
  if (Buffer.isBuffer(v)) return { text: v.toString('latin1'), udh: [] };
  return { text: '', udh: [] };
}

/** The concatenation element of a UDH: IEI 0x00 (8-bit reference) or 0x08 (16-bit). */
function concatInfo(udh: Buffer[]): { ref: number; total: number; seq: number } | undefined {
  for (const ie of udh) {
    if (ie[0] === 0x00 && ie[1] === 3 && ie.length >= 5) return { ref: ie[2]!, total: ie[3]!, seq: ie[4]! };
    if (ie[0] === 0x08 && ie[1] === 4 && ie.length >= 6) return { ref: ie.readUInt16BE(2), total: ie[4]!, seq: ie[5]! };
  }
  return undefined;
}

export function parseReceiptText(text: string): { id?: string; stat?: string; err?: string } {
  const id = /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const stat = /(?:^|\s)stat:(\S+)/i.exec(text)?.[1]?.toUpperCase();
  const err = /(?:^|\s)err:(\S+)/i.exec(text)?.[1];
  return { id, stat, err };
}

export function parseDeliverSm(pdu: DeliverSmFields): DeliverSm {
  const esm = typeof pdu.esm_class === 'number' ? pdu.esm_class : 0;
  const type = esm & ESM_MESSAGE_TYPE_MASK;
  const body = messageText(pdu.message_payload ?? pdu.short_message);
  if (type === ESM_DELIVERY_RECEIPT || type === ESM_INTERMEDIATE) {
    const parsed = parseReceiptText(body.text);
    const tlvId = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : undefined;
    const id = tlvId || parsed.id;
    if (!id) return { kind: 'unreadable-receipt', text: body.text.slice(0, 200) };
    const state = typeof pdu.message_state === 'number' ? MESSAGE_STATES[pdu.message_state] : STAT_WORDS[parsed.stat ?? ''];
    const status = state ?? 'unknown';
    if (status === 'pending') return { kind: 'pending-receipt', providerMessageId: id };
    const err = parsed.err && !/^0+$/.test(parsed.err) ? parsed.err : undefined;
    const networkError = Buffer.isBuffer(pdu.network_error_code) ? pdu.network_error_code.toString('hex') : undefined;
    const errorCode = err ?? networkError;
    return { kind: 'receipt', providerMessageId: id, status, ...(errorCode ? { errorCode } : {}) };
  }
  return {
    kind: 'inbound',
    from: addressFromPdu(pdu.source_addr, pdu.source_addr_ton),
    to: addressFromPdu(pdu.destination_addr, pdu.dest_addr_ton),
    text: body.text,
    concat: concatInfo(body.udh),
  };
}

/** Parts of concatenated inbound messages held until the last arrives; the oldest go first. */
export const MAX_PENDING_INBOUND = 1_000;

/** Joins concatenated MO parts (by sender, recipient and reference); a single part passes through. */
export function createInboundAssembler(max = MAX_PENDING_INBOUND) {
  const pending = new Map<string, { parts: (string | undefined)[]; have: number }>();
  return {
    add(m: Extract<DeliverSm, { kind: 'inbound' }>): { from: string; to: string; text: string } | null {
      if (!m.concat || m.concat.total <= 1) return { from: m.from, to: m.to, text: m.text };
      const { ref, total, seq } = m.concat;
      if (seq < 1 || seq > total) return { from: m.from, to: m.to, text: m.text };
      const key = `${m.from}\u0000${m.to}\u0000${ref}\u0000${total}`;
      let entry = pending.get(key);
      if (!entry) {
        if (pending.size >= max) pending.delete(pending.keys().next().value as string);
        entry = { parts: new Array<string | undefined>(total), have: 0 };
        pending.set(key, entry);
      }
      if (entry.parts[seq - 1] === undefined) entry.have++;
      entry.parts[seq - 1] = m.text;
      if (entry.have < total) return null;
      pending.delete(key);
      return { from: m.from, to: m.to, text: entry.parts.join('') };
    },
    get pendingCount() {
      return pending.size;
    },
  };
}
