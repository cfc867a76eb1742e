// Provider webhook events (REP-01, REP-02): an Amazon SES notification (the SNS Message) or one
// SendGrid event, read into the same results as a bounce by mail. Never throws: a payload that is
// not what it claims gives no results.
import { providerRecipientResults, type BounceResult } from './classify.ts';
import { sesNotification, type ProviderRecipient } from './provider-json.ts';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function parse(payload: string): Json | null {
  try {
    return obj(JSON.parse(payload));
  } catch {
    return null;
  }
}

/** One SendGrid event as a provider recipient, or null for events that say nothing about delivery. */
function sendgridRecipient(e: Json): ProviderRecipient | null {
  const recipient = str(e.email).toLowerCase();
  const event = str(e.event);
  const status = str(e.status);
  const diagnostic = str(e.reason) || str(e.response);
  switch (event) {
    case 'bounce':
      // type 'blocked' is SendGrid's word for a refusal of the sender (policy), 'bounce' for the address.
      return { recipient, status: status || (str(e.type) === 'blocked' ? '5.7.1' : '5.0.0'), diagnostic, action: 'failed' };
    case 'dropped':
      return { recipient, status: status || '5.0.0', diagnostic: diagnostic || 'dropped', action: 'failed' };
    case 'deferred':
      return { recipient, status: status || '4.0.0', diagnostic: diagnostic || 'deferred', action: 'delayed' };
    case 'spamreport':
      return { recipient, status: '', diagnostic: '', action: '', feedbackType: 'abuse' };
    case 'unsubscribe':
    case 'group_unsubscribe':
      return { recipient, status: '', diagnostic: '', action: '', feedbackType: 'opt-out' };
    default:
      return null;
  }
}

export function providerEventResults(source: 'ses' | 'sendgrid', payload: string): BounceResult[] {
  if (source === 'ses') return providerRecipientResults(sesNotification(payload) ?? []);
  const e = parse(payload);
  if (!e) return [];
  const r = sendgridRecipient(e);
  return r
    ? providerRecipientResults([r])
    : providerRecipientResults([{ recipient: str(e.email).toLowerCase(), status: '', diagnostic: '', action: 'not-a-bounce' }]);
}

/** The Message-IDs the event names (SES mail.messageId is the provider's own; the header is ours). */
export function providerEventMessageIds(source: 'ses' | 'sendgrid', payload: string): string[] {
  const e = parse(payload);
  if (!e) return [];
  if (source === 'sendgrid') return [str(e['smtp-id'])].filter(Boolean);
  const data = typeof e.Message === 'string' ? (parse(e.Message) ?? {}) : e;
  const mail = obj(data.mail);
  const out: string[] = [];
  for (const h of arr(mail.headers)) {
    const header = obj(h);
    if (str(header.name).toLowerCase() === 'message-id') out.push(str(header.value));
  }
  const common = obj(mail.commonHeaders);
  if (str(common.messageId)) out.push(str(common.messageId));
  return [...new Set(out.filter(Boolean))];
}

/** The envelope sender SES saw (our VERP address), for tracing without a Message-ID. */
export function providerEventSource(source: 'ses' | 'sendgrid', payload: string): string {
  if (source !== 'ses') return '';
  const e = parse(payload);
  const data = e && typeof e.Message === 'string' ? (parse(e.Message) ?? {}) : (e ?? {});
  return str(obj(data.mail).source);
}
