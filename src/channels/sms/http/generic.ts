// A generic HTTP SMS gateway (issue 11 §1): the shape most small gateways and in-house relays take.
//   submit:  POST <url>  Authorization: Bearer <token>  {"from","to","text","reference"} → 2xx {"id"}
//            (4xx may carry {"code"}; reference is our message id, echoed in status callbacks)
//   status:  POST to us, JSON {"id","status":"delivered"|"failed"|"expired"|"unknown"|…,"errorCode"?}
//   inbound: POST to us, JSON {"from","to","text"}
// Both webhooks carry X-Signature / X-Signature-Timestamp (signatures.ts). Statuses other than
// the four final ones (queued, sent, accepted…) are acknowledged and not reported.
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { Clock, Logger } from '../../../core/ports.ts';
import type { SmsMessage, SubmitOutcome } from '../../../core/sms/ports.ts';
import { classifyStatus, postToGateway, type HttpFetch } from './request.ts';
import { GENERIC_SIGNATURE_HEADER, GENERIC_TIMESTAMP_HEADER, verifyGenericSignature } from './signatures.ts';
import {
  assertBodySize,
  countSegments,
  createListeners,
  header,
  MAX_MESSAGE_CHARS,
  type HttpSmsProvider,
  type WebhookRequest,
} from './webhook.ts';

/** Longest id, address and inbound text we take from a webhook. */
const MAX_ID = 200;
const MAX_ADDRESS = 32;
export const MAX_INBOUND_TEXT = 2_000;

const StatusBody = z.object({
  id: z.string().min(1).max(MAX_ID),
  status: z.string().max(40),
  errorCode: z.union([z.string().max(40), z.number()]).optional(),
});
const InboundBody = z.object({
  from: z.string().min(1).max(MAX_ADDRESS),
  to: z.string().min(1).max(MAX_ADDRESS),
  text: z.string().max(MAX_INBOUND_TEXT),
});
const FINAL = new Set(['delivered', 'failed', 'expired', 'unknown']);

export interface GenericGatewayConfig {
  url: string;
  token?: string;
  /** The shared secret the gateway signs its webhooks with. */
  webhookSecret: string;
  timeoutMs?: number;
}

export function createGenericHttpProvider(deps: {
  config: GenericGatewayConfig;
  clock: Clock;
  logger: Logger;
  fetch?: HttpFetch;
  name?: string;
}): HttpSmsProvider {
  const { config, clock } = deps;
  const name = deps.name ?? `http:${new URL(config.url).host}`;
  const fetchImpl = deps.fetch ?? fetch;
  const listeners = createListeners(deps.logger, name);
  let closed = false;

  function authenticate(req: WebhookRequest): unknown {
    assertBodySize(req);
    const verdict = verifyGenericSignature({
      secret: config.webhookSecret,
      rawBody: req.rawBody,
      signature: header(req, GENERIC_SIGNATURE_HEADER),
      timestamp: header(req, GENERIC_TIMESTAMP_HEADER),
      now: clock.now(),
    });
    if (verdict === 'stale') throw new AppError('WEBHOOK_STALE', 'The webhook timestamp is missing or too far from now.');
    if (verdict !== 'ok') throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The webhook signature does not verify.');
    try {
      return JSON.parse(req.rawBody);
    } catch {
      throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'The body is not JSON.');
    }
  }

  return {
    name,
    async submit(message: SmsMessage): Promise<SubmitOutcome> {
      if (closed) return { outcome: 'unavailable', reason: 'closed' };
      if (message.text.length > MAX_MESSAGE_CHARS) return { outcome: 'rejected', code: 'too-long', permanent: true };
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (config.token) headers.authorization = `Bearer ${config.token}`;
      const body = JSON.stringify({ from: message.from, to: message.to, text: message.text, reference: message.id });
      const answer = await postToGateway(fetchImpl, config.url, { headers, body }, config.timeoutMs);
      if (answer.kind !== 'answer') return { outcome: answer.kind, reason: answer.reason };
      const b = (answer.body ?? {}) as { id?: unknown; code?: unknown };
      const cls = classifyStatus(answer.status);
      if (cls === 'ok') {
        const id = typeof b.id === 'string' || typeof b.id === 'number' ? String(b.id) : '';
        if (!id) return { outcome: 'unknown', reason: `HTTP ${answer.status} without an id` };
        return { outcome: 'accepted', providerMessageIds: [id], segments: countSegments(message.text, message.encoding) };
      }
      if (cls === 'unavailable' || cls === 'unknown') return { outcome: cls, reason: `HTTP ${answer.status}` };
      const code = typeof b.code === 'string' && b.code.length <= 60 ? b.code : `http-${answer.status}`;
      return { outcome: 'rejected', code, permanent: cls === 'rejected-permanent' };
    },
    receiveStatus(req) {
      const parsed = StatusBody.safeParse(authenticate(req));
      if (!parsed.success) throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'Expected {"id","status"}.');
      const status = parsed.data.status.toLowerCase();
      if (!FINAL.has(status)) return { receipts: 0 };
      const errorCode = parsed.data.errorCode === undefined ? undefined : String(parsed.data.errorCode);
      listeners.receipt({
        provider: name,
        providerMessageId: parsed.data.id,
        status: status as 'delivered' | 'failed' | 'expired' | 'unknown',
        at: clock.now().toISOString(),
        ...(errorCode ? { errorCode } : {}),
      });
      return { receipts: 1 };
    },
    receiveInbound(req) {
      const parsed = InboundBody.safeParse(authenticate(req));
      if (!parsed.success) throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'Expected {"from","to","text"}.');
      listeners.inbound({ provider: name, ...parsed.data, at: clock.now().toISOString() });
      return { messages: 1 };
    },
    onReceipt: listeners.onReceipt,
    onInbound: listeners.onInbound,
    async close() {
      closed = true;
    },
  };
}
