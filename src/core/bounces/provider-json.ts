// Amazon SES notifications delivered as e-mail (an SNS e-mail subscription, or SES's own
// feedback forwarding): the body is the JSON notification, optionally inside the SNS envelope.
// Only the fields a result needs are read; anything else in the JSON is ignored.

const MAX_JSON_BYTES = 1024 * 1024;

export type ProviderRecipient = {
  recipient: string;
  status: string;
  diagnostic: string;
  action: string;
  feedbackType?: string;
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The recipients of an SES notification found in a text, or undefined when it holds none. */
export function sesNotification(text: string): ProviderRecipient[] | undefined {
  const start = text.indexOf('{');
  if (start < 0 || !text.includes('notificationType') || text.length > MAX_JSON_BYTES) return undefined;
  const end = text.lastIndexOf('}');
  let data: Json;
  try {
    data = obj(JSON.parse(text.slice(start, end + 1)));
    if (typeof data.Message === 'string') data = obj(JSON.parse(data.Message));
  } catch {
    return looseComplaint(text);
  }
  const type = str(data.notificationType || data.eventType);
  if (type === 'Complaint') {
    const c = obj(data.complaint);
    const feedbackType = str(c.complaintFeedbackType) || 'abuse';
    return arr(c.complainedRecipients).map((r) => ({
      recipient: str(obj(r).emailAddress).toLowerCase(),
      status: '',
      diagnostic: '',
      action: '',
      feedbackType,
    }));
  }
  if (type === 'Bounce') {
    const b = obj(data.bounce);
    return arr(b.bouncedRecipients).map((r) => {
      const o = obj(r);
      return {
        recipient: str(o.emailAddress).toLowerCase(),
        status: str(o.status),
        diagnostic: str(o.diagnosticCode),
        action: str(o.action),
      };
    });
  }
  if (type === 'Delivery') {
    const d = obj(data.delivery);
    return arr(d.recipients).map((r) => ({
      recipient: str(r).toLowerCase(),
      status: '2.6.0',
      diagnostic: str(d.smtpResponse),
      action: 'delivered',
    }));
  }
  return undefined;
}

/** A notification whose JSON was damaged in transit (wrapped lines): read the complaint fields. */
function looseComplaint(text: string): ProviderRecipient[] | undefined {
  if (!/"notificationType"\s{0,4}:\s{0,4}"Complaint"/.test(text)) return undefined;
  const at = text.indexOf('complainedRecipients');
  const segment = text.slice(at, at + 20_000);
  const stop = segment.indexOf(']');
  const list = [...segment.slice(0, stop < 0 ? 2000 : stop).matchAll(/"emailAddress"\s{0,4}:\s{0,4}"([^"\s]{1,320})"/g)];
  const feedbackType = /"complaintFeedbackType"\s{0,4}:\s{0,4}"([\w-]{1,40})"/.exec(text)?.[1] ?? 'abuse';
  return list.map((m) => ({ recipient: (m[1] ?? '').toLowerCase(), status: '', diagnostic: '', action: '', feedbackType }));
}
