// RFC 5965 Abuse Reporting Format: the machine-readable message/feedback-report part and the
// message it is about (message/rfc822 or text/rfc822-headers, §2 (c)).
import { fieldList } from './fields.ts';
import { header, parseHeaders, walk, type MimePart } from './mime.ts';

export type FeedbackReport = {
  feedbackType: string;
  version: number | null;
  userAgent: string | null;
  arrivalDate: Date | null;
  sourceIp: string | null;
  sourcePort: number;
  originalMailFrom: string | null;
  originalRcptTo: string | null;
  /** Every Original-Rcpt-To (some providers list one per complaining recipient). */
  originalRcptTos: string[];
  /** Removal-Recipient (draft ARF opt-out reports). */
  removalRecipients: string[];
  originalEnvelopeId: string | null;
  reportingMta: string | null;
  reportedDomain: string[];
  reportedUri: string[];
  authenticationResults: string[];
  incidents: number;
  authFailure: string;
  deliveryResult: string;
  identityAlignment: string;
  dkimDomain: string | null;
  dkimIdentity: string | null;
  dkimSelector: string | null;
  dkimCanonicalizedHeader: string | null;
  dkimCanonicalizedBody: string | null;
  dkimSelectorDns: string | null;
  dkimAdspDns: string | null;
  spfDns: string | null;
  /** The reported message's headers that trace it back to us. */
  original: { messageId: string; feedbackId: string; returnPath: string; to: string; from: string; subject: string };
  /** The text/rfc822-headers part as sent, when the report carries only the headers (§2 (c)). */
  originalHeaderText: string | null;
};

const MAX_FEEDBACK_FIELDS = 500;

/** RFC 5965 §3.1: a token, compared case-insensitively; kept as written ('Abuse', 'AuthFailure'). */
export function parseFeedbackReport(report: MimePart, root: MimePart): FeedbackReport {
  const fields = fieldList(report.text, MAX_FEEDBACK_FIELDS, 'keep');
  const raw = (name: string): string | null => fields.find((f) => f.name === name)?.value ?? null;
  const one = (name: string): string | null => {
    const v = raw(name);
    return v === null ? null : v.replace(/\n[ \t]{0,200}/g, ' ').trim();
  };
  const all = (name: string): string[] =>
    fields.filter((f) => f.name === name).map((f) => f.value.replace(/\n[ \t]{0,200}/g, ' ').trim());
  const arrival = one('arrival-date') ?? one('received-date');
  // RFC 5322 date; a trailing comment ("(GMT)", "(PDT)") is not for Date to read.
  const date = arrival ? new Date(arrival.replace(/\s{0,10}\([^()]{0,100}\)\s{0,10}$/, '')) : null;
  const source = one('source-ip');
  const version = one('version');
  const incidents = one('incidents');
  return {
    feedbackType: one('feedback-type') ?? '',
    version: version && /^\d{1,4}$/.test(version) ? Number(version) : null,
    userAgent: one('user-agent'),
    arrivalDate: date && !Number.isNaN(date.getTime()) ? date : null,
    sourceIp: source ? (source.split(/\s/)[0] ?? '').replace(/^\[|\]$/g, '') : null,
    sourcePort: Number(one('source-port') ?? 0) || 0,
    originalMailFrom: one('original-mail-from'),
    originalRcptTo: one('original-rcpt-to'),
    originalRcptTos: all('original-rcpt-to'),
    removalRecipients: all('removal-recipient'),
    originalEnvelopeId: one('original-envelope-id'),
    reportingMta: reportingMta(one('reporting-mta')),
    reportedDomain: all('reported-domain'),
    reportedUri: all('reported-uri'),
    authenticationResults: fields.filter((f) => f.name === 'authentication-results').map((f) => f.value),
    incidents: incidents && /^\d{1,9}$/.test(incidents) ? Number(incidents) : 1,
    authFailure: one('auth-failure') ?? 'Unspecified',
    deliveryResult: one('delivery-result') ?? 'Unspecified',
    identityAlignment: one('identity-alignment') ?? 'Unspecified',
    dkimDomain: one('dkim-domain'),
    dkimIdentity: one('dkim-identity'),
    dkimSelector: one('dkim-selector'),
    dkimCanonicalizedHeader: raw('dkim-canonicalized-header'),
    dkimCanonicalizedBody: raw('dkim-canonicalized-body'),
    dkimSelectorDns: one('dkim-selector-dns'),
    dkimAdspDns: one('dkim-adsp-dns'),
    spfDns: one('spf-dns'),
    original: originalHeaders(root),
    originalHeaderText: [...walk(root)].find((p) => p.type === 'text/rfc822-headers')?.text ?? null,
  };
}

/** `dns; mail.example.com` → `mail.example.com` (RFC 5965 §3.2, RFC 3464 mta-name-type). */
function reportingMta(value: string | null): string | null {
  if (value === null) return null;
  const semi = value.indexOf(';');
  return semi >= 0 ? value.slice(semi + 1).trim() : value;
}

function originalHeaders(root: MimePart): FeedbackReport['original'] {
  let headers: Map<string, string[]> | undefined;
  for (const p of walk(root)) {
    if ((p.type === 'message/rfc822' || p.type === 'message/global') && p.children[0]) {
      headers = p.children[0].headers;
      break;
    }
    if (p.type === 'text/rfc822-headers' || p.type === 'text/rfc822-header' || p.type === 'message/rfc822-headers') {
      headers = parseHeaders(p.text);
      break;
    }
  }
  const h = { headers: headers ?? new Map<string, string[]>(), type: '', params: {}, text: '', children: [] };
  return {
    messageId: header(h, 'message-id'),
    feedbackId: header(h, 'feedback-id'),
    returnPath: header(h, 'return-path'),
    to: header(h, 'to'),
    from: header(h, 'from'),
    subject: header(h, 'subject'),
  };
}
