// classifyBounce: what a message that came back says about each recipient it names (REP-01,
// REP-02). Paths, in order: an RFC 5965 feedback report; an RFC 3464 delivery-status part; the
// plain-text bounce of an MTA that sends no DSN (qmail, Exim, old Sendmail, provider formats);
// an RFC 3834 auto-reply; otherwise not a bounce. Pure: bytes in, results out, never throws on
// bad input (a message over MAX_BOUNCE_MESSAGE_BYTES gets one result with `refused`).
import { parseFeedbackReport, type FeedbackReport } from './arf.ts';
import { fieldList, findReplyCode, findStatus, findStatuses, preferStatus, typedAddress, typedText } from './fields.ts';
import { decodeWords, header, parseMime, walk, type MimePart } from './mime.ts';
import { findCommand, findReason, isHard, isTemporary, pseudoStatus } from './reason.ts';
import { sesNotification, type ProviderRecipient } from './provider-json.ts';
import { bounceText, textBounceRecipients, type TextRecipient } from './text-bounce.ts';

/** Larger messages are refused unread (the inbound SMTP server answers 552 before this). */
export const MAX_BOUNCE_MESSAGE_BYTES = 10 * 1024 * 1024;
/** At most this many recipients are reported from one message; the rest are dropped. */
export const MAX_RECIPIENTS_PER_REPORT = 1000;
const MAX_DSN_FIELDS = 20_000;

export type BounceKind = 'hard' | 'soft' | 'policy-block' | 'auto-reply' | 'feedback' | 'not-a-bounce';

export type BounceResult = {
  kind: BounceKind;
  hard: boolean;
  /** RFC 3463 status ('5.1.1'), or sisimai's pseudo status (X.0.9NN) for a reason found in text. */
  status: string;
  /** The remote server's reply (Diagnostic-Code or the bounce text), cut to 1,000 characters. */
  reply: string;
  replyCode: string;
  recipient: string;
  /** sisimai's vocabulary: userunknown, mailboxfull, blocked, … ; 'feedback', 'vacation', 'delivered'. */
  reason: string;
  /** RFC 5965 Feedback-Type, lower case ('abuse', 'opt-out'); '' when not a feedback report. */
  feedbackType: string;
  action: string;
  /** Set only when the message was not read: 'too-large'. */
  refused?: 'too-large';
  feedback?: FeedbackReport;
};

const POLICY_REASONS = new Set([
  'blocked',
  'spamdetected',
  'policyviolation',
  'badreputation',
  'requireptr',
  'authfailure',
  'virusdetected',
]);

export function classifyBounce(raw: Buffer): BounceResult[] {
  if (raw.length > MAX_BOUNCE_MESSAGE_BYTES)
    return [notABounce({ refused: 'too-large', reply: `message over ${MAX_BOUNCE_MESSAGE_BYTES} bytes` })];
  const root = parseMime(raw.toString('latin1'));
  const arf = feedbackResults(root);
  if (arf.length) return arf;
  const dsn = deliveryStatusResults(root);
  if (dsn.length) return dsn;
  const provider = providerResults(root);
  if (provider.length) return provider;
  const auto = autoReply(root);
  // An RFC 3834 auto-reply is often sent with a null Return-Path too: only a bounce's own marks
  // (a report, a mailer-daemon sender, a failure subject) make it a bounce.
  if (auto && !looksLikeBounce(root, false)) return [auto];
  if (looksLikeBounce(root, true)) {
    const text = withFailedRecipients(root, textBounceRecipients(root)).slice(0, MAX_RECIPIENTS_PER_REPORT);
    if (text.length) return text.map((t) => result(t.recipient, '', t.diagnostic, '', t.diagnostic));
  }
  if (auto) return [auto];
  return [notABounce({})];
}

/** A provider's recipients (SES, SendGrid events) read like any bounce: status, diagnostic, reason. */
export function providerRecipientResults(list: readonly ProviderRecipient[]): BounceResult[] {
  return list.slice(0, MAX_RECIPIENTS_PER_REPORT).map((r) =>
    r.feedbackType !== undefined
      ? {
          ...notABounce({}),
          kind: 'feedback',
          reason: 'feedback',
          recipient: r.recipient,
          feedbackType: r.feedbackType.toLowerCase(),
        }
      : r.action === 'not-a-bounce'
        ? notABounce({ recipient: r.recipient })
        : result(r.recipient, findStatus(r.status), typedText(r.diagnostic), r.action.toLowerCase(), ''),
  );
}

/** Amazon SES notifications sent as mail; Microsoft JMRP and Apple Mail's opt-out messages. */
function providerResults(root: MimePart): BounceResult[] {
  const out: BounceResult[] = [];
  for (const p of walk(root)) {
    if (p.type !== 'text/plain' || !p.text.includes('notificationType')) continue;
    const ses = sesNotification(p.text);
    if (!ses) continue;
    out.push(...providerRecipientResults(ses));
    return out;
  }
  // Google Groups: a post the group refused (it may not exist, or the sender may not post to it).
  const failed = header(root, 'x-failed-recipients').toLowerCase();
  if (
    failed.endsWith('@googlegroups.com') &&
    root.headers.has('x-google-smtp-source') &&
    header(root, 'from').toLowerCase().includes('mailer-daemon@googlemail.com')
  ) {
    const text = bounceText(root).text.slice(0, 4000);
    return failed
      .split(',')
      .map((a) => typedAddress(a))
      .filter((a) => a)
      .slice(0, MAX_RECIPIENTS_PER_REPORT)
      .map((a) => result(a, '', text, 'failed', '', 'rejected'));
  }
  // Microsoft JMRP: from staff@hotmail.com, the complained-about message attached, its recipient
  // in X-HmXmrOriginalRecipient.
  const jmrp =
    header(root, 'from').toLowerCase().includes('staff@hotmail.com') ||
    /^complaint about message from /i.test(header(root, 'subject').trim());
  for (const p of jmrp ? walk(root) : []) {
    const original = p.type === 'message/rfc822' ? p.children[0] : undefined;
    const rcpt = original && typedAddress(header(original, 'x-hmxmroriginalrecipient'));
    if (rcpt) return [{ ...notABounce({}), kind: 'feedback', reason: 'feedback', recipient: rcpt, feedbackType: 'abuse' }];
  }
  // RFC 2369 List-Unsubscribe by mail: Apple Mail sends "unsubscribe" from the recipient's address.
  const subject = decodeWords(header(root, 'subject')).trim().toLowerCase();
  const body = [...walk(root)].find((p) => p.type === 'text/plain')?.text.toLowerCase() ?? '';
  if (subject === 'unsubscribe' && body.includes('sent this email to unsubscribe')) {
    return [
      {
        ...notABounce({}),
        kind: 'feedback',
        reason: 'feedback',
        recipient: typedAddress(header(root, 'from')),
        feedbackType: 'opt-out',
      },
    ];
  }
  return out;
}

/** Exim's X-Failed-Recipients header names the failed addresses even when its text does not. */
function withFailedRecipients(root: MimePart, found: TextRecipient[]): TextRecipient[] {
  const listed = (root.headers.get('x-failed-recipients') ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => typedAddress(v))
    .filter((a) => a);
  if (!listed.length) return found;
  const whole = bounceText(root).text.slice(0, 4000);
  const byAddress = new Map(found.map((f) => [f.recipient, f]));
  return [...new Set(listed)].map((r) => byAddress.get(r) ?? { recipient: r, diagnostic: whole });
}

function notABounce(extra: Partial<BounceResult>): BounceResult {
  return {
    kind: 'not-a-bounce',
    hard: false,
    status: '',
    reply: '',
    replyCode: '',
    recipient: '',
    reason: 'undefined',
    feedbackType: '',
    action: '',
    ...extra,
  };
}

function result(
  recipient: string,
  statusField: string,
  diagnostic: string,
  action: string,
  context: string,
  knownReason = '',
): BounceResult {
  const replyCode = findReplyCode(diagnostic);
  let inMessage = findStatus(diagnostic);
  // "4.4.7 Message expired … <421 4.4.2 Connection timed out>": the expiry wraps the real failure,
  // named last (sisimai Prefer treats 4.4.7 as ambiguous).
  if (/^[45]\.4\.7$/.test(statusField || inMessage)) {
    const other = findStatuses(diagnostic).filter((x) => x !== (statusField || inMessage));
    if (other.length) inMessage = other[other.length - 1] as string;
  }
  let status = preferStatus(statusField, inMessage, replyCode);
  const reason =
    knownReason ||
    findReason({
      status,
      diagnostic,
      action,
      command: findCommand(diagnostic) || findCommand(context),
      replyCode,
      where: `${recipient}\n${context.slice(0, 4000)}\n${diagnostic.slice(0, 4000)}`,
    });
  const temporary = isTemporary(status, replyCode, diagnostic, action);
  if (!status) status = pseudoStatus(reason, temporary);
  if (reason === 'delivered' || reason === 'vacation')
    return {
      ...notABounce({}),
      kind: reason === 'vacation' ? 'auto-reply' : 'not-a-bounce',
      status,
      reply: cut(diagnostic),
      replyCode,
      recipient,
      reason,
      action,
    };
  const hard = isHard(reason, temporary);
  const policy = POLICY_REASONS.has(reason) || /^[45]\.7\./.test(status);
  const kind: BounceKind = hard ? 'hard' : policy ? 'policy-block' : 'soft';
  return { kind, hard, status, reply: cut(diagnostic), replyCode, recipient, reason, feedbackType: '', action };
}

function cut(s: string): string {
  const t = s.replace(/\s{1,64}/g, ' ').trim();
  return t.length > 1000 ? t.slice(0, 1000) : t;
}

function feedbackResults(root: MimePart): BounceResult[] {
  for (const p of walk(root)) {
    if (p.type !== 'message/feedback-report') continue;
    const report = parseFeedbackReport(p, root);
    const feedbackType = report.feedbackType.toLowerCase();
    const listed = [...report.originalRcptTos, ...report.removalRecipients].map(typedAddress).filter((a) => a);
    const fallback = typedAddress(decodeWords(report.original.to)) || typedAddress(header(root, 'x-hmxmroriginalrecipient'));
    const recipients = [...new Set(listed.length ? listed : [fallback])].slice(0, MAX_RECIPIENTS_PER_REPORT);
    return recipients.map((recipient) => ({
      ...notABounce({}),
      kind: 'feedback' as const,
      reason: 'feedback',
      recipient,
      feedbackType,
      feedback: report,
    }));
  }
  return [];
}

/** RFC 3464 §2.3: fields that exist only in a per-recipient block. */
const RECIPIENT_FIELDS = new Set([
  'action',
  'status',
  'diagnostic-code',
  'remote-mta',
  'last-attempt-date',
  'final-log-id',
  'will-retry-until',
]);

function deliveryStatusResults(root: MimePart): BounceResult[] {
  const out: BounceResult[] = [];
  const seen = new Set<string>();
  let human: Map<string, string> | undefined;
  const humanText = (recipient: string): string => {
    human ??= new Map(textBounceRecipients(root).map((t) => [t.recipient, t.diagnostic]));
    return human.get(recipient) ?? '';
  };
  for (const p of walk(root)) {
    const isDsn = p.type === 'message/delivery-status' || p.type === 'message/global-delivery-status';
    // Some MTAs (Amazon WorkMail, old Exchange) print the RFC 3464 fields inside a text part.
    const inText =
      !isDsn && p.type === 'text/plain' && /^(final|original)-recipient:/im.test(p.text) && /^(status|action):/im.test(p.text);
    if (!isDsn && !inText) continue;
    let group: Record<string, string> | undefined;
    const groups: Record<string, string>[] = [];
    // Per-recipient fields written before the first Final-Recipient (Facebook puts Diagnostic-Code
    // and Status first): RFC 3464 has them only per recipient, so they are the first recipient's.
    const early: Record<string, string> = {};
    // Fields the current group got after its own recipient line (not the early ones it inherited).
    let own = new Set<string>();
    for (const f of fieldList(p.text, MAX_DSN_FIELDS)) {
      const starts = f.name === 'final-recipient' || f.name === 'original-recipient';
      if (starts && (!group || own.has(f.name) || own.has('status') || own.has('action'))) {
        group = groups.length === 0 ? { ...early } : {};
        own = new Set();
        groups.push(group);
      }
      if (group) {
        // The first value of a field in the group counts; the group's own value beats an inherited one.
        if (!own.has(f.name)) group[f.name] = f.value;
        own.add(f.name);
      } else if (RECIPIENT_FIELDS.has(f.name) && early[f.name] === undefined) early[f.name] = f.value;
    }
    for (const g of groups) {
      if (out.length >= MAX_RECIPIENTS_PER_REPORT) break;
      let recipient = typedAddress(g['final-recipient'] ?? '') || typedAddress(g['original-recipient'] ?? '');
      // A group whose recipient is no address (sendmail's `RFC822; @host`) still carries the status:
      // it goes with the next recipient the human-readable part names that no group has named.
      if (!recipient && (g.status || g['diagnostic-code'])) {
        human ??= new Map(textBounceRecipients(root).map((x) => [x.recipient, x.diagnostic]));
        const named = new Set(
          groups.map((x) => typedAddress(x['final-recipient'] ?? '') || typedAddress(x['original-recipient'] ?? '')),
        );
        recipient = [...human.keys()].find((r) => !seen.has(r) && !named.has(r)) ?? '';
      }
      if (!recipient || seen.has(recipient)) continue;
      seen.add(recipient);
      const status = findStatus(g.status ?? '');
      const context = humanText(recipient);
      const diagnostic = typedText(g['diagnostic-code'] ?? '') || context;
      out.push(result(recipient, status, diagnostic, (g.action ?? '').toLowerCase().trim(), context));
    }
  }
  return out;
}

const BOUNCE_SENDER =
  /mailer-daemon|postmaster|mail delivery|mail-daemon|mailer_daemon|maildaemon|mdaemon|bounce|returned|nobody@|no-reply@|noreply@|daemon/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery|returned|failure|failed|bounce|rejected|not delivered|non remis|unzustellbar|could not|error|warning|problem|notification|unable|non recapitabile|no entregado|zustellung|returning|mail system|permanent|nao entregue|не доставлено|\u914d\u4fe1|\u30a8\u30e9\u30fc|\u4e0d\u80fd|\u5931\u8d25|\u4e0d\u53ef|returned mail/i;

function looksLikeBounce(root: MimePart, nullSenderCounts: boolean): boolean {
  if (root.type === 'multipart/report') return true;
  const from = decodeWords(header(root, 'from'));
  const subject = decodeWords(header(root, 'subject'));
  return BOUNCE_SENDER.test(from) || BOUNCE_SUBJECT.test(subject) || (nullSenderCounts && header(root, 'return-path') === '<>');
}

const AUTO_SUBJECT =
  /out of (the )?office|auto(matic)?[ -]?(reply|response|answer)|autoreply|vacation|away from|abwesenheit|absence|r\u00e9ponse automatique|risposta automatica|respuesta autom|\u81ea\u52d5\u5fdc\u7b54|\u4e0d\u5728/i;

/** RFC 3834 §5: Auto-Submitted: auto-replied; and the vendors' older marks. */
function autoReply(root: MimePart): BounceResult | undefined {
  const auto = header(root, 'auto-submitted').toLowerCase();
  const precedence = header(root, 'precedence').toLowerCase();
  const subject = decodeWords(header(root, 'subject'));
  const marked =
    auto.startsWith('auto-replied') ||
    root.headers.has('x-autoreply') ||
    root.headers.has('x-autorespond') ||
    precedence === 'auto_reply' ||
    AUTO_SUBJECT.test(subject);
  if (!marked) return undefined;
  const recipient = typedAddress(header(root, 'from'));
  const body = [...walk(root)].find((p) => p.type === 'text/plain' && p.text)?.text ?? '';
  return { ...notABounce({}), kind: 'auto-reply', reason: 'vacation', recipient, reply: cut(body.slice(0, 2000)) };
}
