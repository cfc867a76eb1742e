// What the two HTTP gateway adapters share: the webhook request they are handed (the routes that
// receive them are wired in the next step of issue 11), their listeners, and the segment count.
import { SegmentedMessage } from 'sms-segments-calculator';
import { AppError } from '../../../core/errors.ts';
import type { Logger } from '../../../core/ports.ts';
import type { InboundSms, SmsEncoding, SmsProvider, SmsReceipt } from '../../../core/sms/ports.ts';
import { MAX_MESSAGE_CHARS } from '../smpp/parts.ts';
import { MAX_WEBHOOK_BODY_BYTES } from './signatures.ts';

export interface WebhookRequest {
  /** The full URL the gateway posted to, as it requested it (Twilio signs it). */
  url: string;
  /** Header names in lower case (Node's http / Fastify give them so). */
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

export interface HttpSmsProvider extends SmsProvider {
  /** A delivery status callback: authenticated, parsed; each final status goes to onReceipt. Throws AppError WEBHOOK_*. */
  receiveStatus(req: WebhookRequest): { receipts: number };
  /** An inbound message (MO): authenticated, parsed, passed to onInbound. Throws AppError WEBHOOK_*. */
  receiveInbound(req: WebhookRequest): { messages: number };
}

export function header(req: WebhookRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function assertBodySize(req: WebhookRequest): void {
  if (Buffer.byteLength(req.rawBody, 'utf8') > MAX_WEBHOOK_BODY_BYTES)
    throw new AppError('WEBHOOK_PAYLOAD_INVALID', `The body is over ${MAX_WEBHOOK_BODY_BYTES} bytes.`);
}

export function createListeners(logger: Logger, provider: string) {
  const receipts: ((r: SmsReceipt) => void)[] = [];
  const inbound: ((m: InboundSms) => void)[] = [];
  const emit = <T>(list: ((v: T) => void)[], value: T) => {
    for (const l of list) {
      try {
        l(value);
      } catch (err) {
        logger.error({ err, provider }, 'SMS listener failed');
      }
    }
  };
  return {
    onReceipt: (l: (r: SmsReceipt) => void) => void receipts.push(l),
    onInbound: (l: (m: InboundSms) => void) => void inbound.push(l),
    receipt: (r: SmsReceipt) => emit(receipts, r),
    inbound: (m: InboundSms) => emit(inbound, m),
  };
}

/** Segments the gateway will send (it splits itself): the same counter as the SMPP adapter and the editor. */
export function countSegments(text: string, encoding: SmsEncoding): number {
  try {
    return new SegmentedMessage(text, encoding === 'gsm7' ? 'GSM-7' : 'UCS-2').segmentsCount;
  } catch {
    return new SegmentedMessage(text, 'auto').segmentsCount;
  }
}

export { MAX_MESSAGE_CHARS };
