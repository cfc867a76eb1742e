// Twilio's Programmable Messaging API (issue 11 §1, "one widely used provider's shape").
//   submit:  POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From
//            (or MessagingServiceSid for an MG… sender), Body, StatusCallback; HTTP Basic auth
//            (Account SID or API key SID : auth token or secret). 201 → {"sid","status","num_segments"};
//            4xx → {"code","message"}. https://www.twilio.com/docs/messaging/api/message-resource
//   status:  Twilio posts MessageSid, MessageStatus (queued, sending, sent, delivered, undelivered,
//            failed, …) and ErrorCode to StatusCallback; only delivered / undelivered / failed are
//            final. Error 30036 ("validity period expired") is reported as expired.
//   inbound: Twilio posts From, To, Body, MessageSid to the number's messaging webhook.
// Both are signed with X-Twilio-Signature (signatures.ts) under the account's auth token.
import { AppError } from '../../../core/errors.ts';
import type { Clock, Logger } from '../../../core/ports.ts';
import type { ReceiptStatus, SmsMessage, SubmitOutcome } from '../../../core/sms/ports.ts';
import { classifyStatus, postToGateway, type HttpFetch } from './request.ts';
import { parseForm, TWILIO_SIGNATURE_HEADER, verifyTwilioSignature, type FormParams } from './signatures.ts';
import {
  assertBodySize,
  countSegments,
  createListeners,
  header,
  MAX_MESSAGE_CHARS,
  type HttpSmsProvider,
  type WebhookRequest,
} from './webhook.ts';

export const TWILIO_API_BASE = 'https://api.twilio.com';
const FINAL_STATUS: Record<string, ReceiptStatus> = { delivered: 'delivered', undelivered: 'failed', failed: 'failed' };
const EXPIRED_ERROR = '30036';
/** Twilio codes that mean "not now" rather than "never": 14107 and 20429 are rate limits. */
const TRANSIENT_CODES = new Set([14107, 20429]);

export interface TwilioConfig {
  accountSid: string;
  /** The auth token (also the key webhooks are signed with). */
  authToken: string;
  /** An API key SID to authenticate with instead of the Account SID (then `apiKeySecret`). */
  apiKeySid?: string;
  apiKeySecret?: string;
  /** Where Twilio posts status callbacks (our public URL). */
  statusCallbackUrl?: string;
  /** For tests: a loopback stub instead of api.twilio.com. */
  baseUrl?: string;
  timeoutMs?: number;
}

const one = (p: FormParams, k: string): string | undefined => {
  const v = p[k];
  return Array.isArray(v) ? v[0] : v;
};

export function createTwilioProvider(deps: {
  config: TwilioConfig;
  clock: Clock;
  logger: Logger;
  fetch?: HttpFetch;
  name?: string;
}): HttpSmsProvider {
  const { config, clock } = deps;
  const name = deps.name ?? 'twilio';
  const fetchImpl = deps.fetch ?? fetch;
  const listeners = createListeners(deps.logger, name);
  const user = config.apiKeySid ?? config.accountSid;
  const secret = config.apiKeySid ? (config.apiKeySecret ?? '') : config.authToken;
  const authorization = `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
  const endpoint = `${config.baseUrl ?? TWILIO_API_BASE}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  let closed = false;

  function authenticate(req: WebhookRequest): FormParams {
    assertBodySize(req);
    const params = parseForm(req.rawBody);
    if (!verifyTwilioSignature(config.authToken, req.url, params, header(req, TWILIO_SIGNATURE_HEADER)))
      throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The Twilio signature does not verify.');
    return params;
  }

  return {
    name,
    async submit(message: SmsMessage): Promise<SubmitOutcome> {
      if (closed) return { outcome: 'unavailable', reason: 'closed' };
      if (message.text.length > MAX_MESSAGE_CHARS) return { outcome: 'rejected', code: 'too-long', permanent: true };
      const form = new URLSearchParams({ To: message.to, Body: message.text });
      if (/^MG[0-9a-f]{32}$/i.test(message.from)) form.set('MessagingServiceSid', message.from);
      else form.set('From', message.from);
      if (config.statusCallbackUrl) form.set('StatusCallback', config.statusCallbackUrl);
      const answer = await postToGateway(
        fetchImpl,
        endpoint,
        {
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
        },
        config.timeoutMs,
      );
      if (answer.kind !== 'answer') return { outcome: answer.kind, reason: answer.reason };
      const b = (answer.body ?? {}) as { sid?: unknown; num_segments?: unknown; code?: unknown; message?: unknown };
      const cls = classifyStatus(answer.status);
      if (cls === 'ok') {
        if (typeof b.sid !== 'string' || !b.sid) return { outcome: 'unknown', reason: `HTTP ${answer.status} without a sid` };
        const n = Number(b.num_segments);
        const segments = Number.isInteger(n) && n > 0 ? n : countSegments(message.text, message.encoding);
        return { outcome: 'accepted', providerMessageIds: [b.sid], segments };
      }
      const code = typeof b.code === 'number' ? b.code : undefined;
      if (cls === 'unavailable' || cls === 'unknown')
        return { outcome: cls, reason: `HTTP ${answer.status}${code ? ` (Twilio ${code})` : ''}` };
      return {
        outcome: 'rejected',
        code: code ? `twilio-${code}` : `http-${answer.status}`,
        permanent: cls === 'rejected-permanent' && !(code && TRANSIENT_CODES.has(code)),
        ...(typeof b.message === 'string' ? { detail: b.message.slice(0, 300) } : {}),
      };
    },
    receiveStatus(req) {
      const p = authenticate(req);
      const sid = one(p, 'MessageSid') ?? one(p, 'SmsSid');
      const raw = (one(p, 'MessageStatus') ?? one(p, 'SmsStatus') ?? '').toLowerCase();
      if (!sid) throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'No MessageSid in the status callback.');
      const final = FINAL_STATUS[raw];
      if (!final) return { receipts: 0 };
      const errorCode = one(p, 'ErrorCode') || undefined;
      listeners.receipt({
        provider: name,
        providerMessageId: sid,
        status: errorCode === EXPIRED_ERROR ? 'expired' : final,
        at: clock.now().toISOString(),
        ...(errorCode ? { errorCode } : {}),
      });
      return { receipts: 1 };
    },
    receiveInbound(req) {
      const p = authenticate(req);
      const from = one(p, 'From');
      const to = one(p, 'To');
      if (!from || !to) throw new AppError('WEBHOOK_PAYLOAD_INVALID', 'No From or To in the inbound message.');
      listeners.inbound({ provider: name, from, to, text: one(p, 'Body') ?? '', at: clock.now().toISOString() });
      return { messages: 1 };
    },
    onReceipt: listeners.onReceipt,
    onInbound: listeners.onInbound,
    async close() {
      closed = true;
    },
  };
}
