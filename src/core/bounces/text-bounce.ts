// Bounces without a message/delivery-status part: qmail, Exim, old Sendmail, Postfix without DSN
// and the providers' own layouts all print the failed address on a line of its own (or at the
// start of one) followed by the remote reply. We read that layout generically: the bounce text
// (the message's own text parts, before any copy of the original message), recipient lines, the
// lines after each one as its diagnostic. When no line names one, the returned message's To.
import { findAddress, findReplyCode, findStatus, typedAddress } from './fields.ts';
import { decodeWords, header, parseHeaders, walk, type MimePart } from './mime.ts';
import { ORIGINAL_MESSAGE_MARKERS } from './rules/markers.ts';

const MAX_BOUNCE_TEXT = 64 * 1024;
const MAX_LINE = 2000;
const MAX_DIAGNOSTIC_LINES = 12;

export type TextRecipient = { recipient: string; diagnostic: string };

/** The bounce's own text and, separately, the headers of the message it returns. */
export function bounceText(root: MimePart): { text: string; original: Map<string, string[]> | undefined } {
  let text = '';
  let original: Map<string, string[]> | undefined;
  const skip = new Set<MimePart>();
  for (const p of walk(root)) {
    if (skip.has(p)) {
      for (const c of p.children) skip.add(c);
      continue;
    }
    if (p.type === 'message/rfc822' || p.type === 'message/global') {
      if (!original && p.children[0]) original = p.children[0].headers;
      for (const c of p.children) skip.add(c);
      continue;
    }
    if (p.type === 'text/rfc822-headers' || p.type === 'text/rfc822-header' || p.type === 'message/rfc822-headers') {
      original ??= parseHeaders(p.text);
      continue;
    }
    if (p.children.length || !p.text) continue;
    if (p.type === 'text/plain' || (p.type === 'text/html' && !text)) {
      const t = p.type === 'text/html' ? stripHtml(p.text) : p.text;
      text += (text ? '\n' : '') + t.slice(0, MAX_BOUNCE_TEXT);
      if (text.length >= MAX_BOUNCE_TEXT) break;
    }
  }
  const lower = text.toLowerCase();
  let cutAt = -1;
  for (const m of ORIGINAL_MESSAGE_MARKERS) {
    const at = lower.indexOf(m);
    if (at >= 0 && (cutAt < 0 || at < cutAt)) cutAt = at;
  }
  if (cutAt >= 0) {
    const rest = text.slice(cutAt);
    const nl = rest.indexOf('\n');
    if (!original && nl >= 0) {
      const after = rest.slice(nl + 1).replace(/^\s{0,200}\n/, '');
      const headers = parseHeaders(after.split('\n\n')[0] ?? '');
      if (headers.size) original = headers;
    }
    text = text.slice(0, cutAt);
  }
  return { text, original };
}

function stripHtml(html: string): string {
  return html
    .replace(/<br\s{0,5}\/?>|<\/p>|<\/div>|<\/tr>/gi, '\n')
    .replace(/<[^<>]{0,2000}>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ');
}

// A recipient line: an optional SMTP code (Sendmail's "554 <addr>... reason"), optional short label ("Recipient:", "Failed address:", "RCPT TO:"), then the
// address, bare or in <>, then nothing, ':' or '...' and text. Bounded quantifiers only.
const RECIPIENT_LINE =
  /^(?:[245]\d\d[ -])?(?:[A-Za-z][A-Za-z ._-]{0,40}:\s{0,8})?(?:"[^"@]{0,200}"\s{0,4})?["<]{0,2}([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})[">]{0,2}(?:\s{0,4}$|:|\.\.\.|\s{1,4}[(:[]|\s{1,4}-|\s{1,4}\S)/;
const HEADERISH =
  /^(from|to|cc|bcc|reply-to|sender|return-path|date|subject|message-id|received|x-[\w-]{1,60}|delivered-to|envelope-to|in-reply-to|references|errors-to)\s{0,4}:/i;

export function textBounceRecipients(root: MimePart): TextRecipient[] {
  const { text, original } = bounceText(root);
  const senders = new Set<string>();
  for (const h of ['to', 'from', 'return-path', 'reply-to']) {
    const a = typedAddress(decodeWords(header(root, h)));
    if (a) senders.add(a);
  }
  if (original)
    for (const h of ['from', 'return-path', 'sender']) {
      const a = typedAddress(original.get(h)?.[0] ?? '');
      if (a) senders.add(a);
    }
  const lines = text.split('\n').map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
  // A message sent to oneself bounces to the failed address: when only senders are named, keep them.
  let found = recipientLines(lines, senders);
  if (!found.length && senders.size) found = recipientLines(lines, new Set());
  if (found.length) {
    const whole = lines.join('\n');
    // A recipient line with no reply after it: the reply is elsewhere in the text ("reject reason:
    // Mailbox full" above "target mail address: …"); with one recipient, the whole text is its own.
    for (const f of found)
      if (!f.diagnostic.trim() || (found.length === 1 && !hasCode(f.diagnostic)))
        f.diagnostic = (f.diagnostic + '\n' + whole).slice(0, 4000);
    return found;
  }
  const to = original ? findAddress(decodeWords(original.get('to')?.[0] ?? '')) : '';
  const recipient = to || addressInText(text, senders);
  return recipient ? [{ recipient, diagnostic: text.slice(0, 4000) }] : [];
}

/** Recipient lines and the lines after each (its diagnostic), skipping the given senders. */
function recipientLines(lines: string[], senders: Set<string>): TextRecipient[] {
  const found: TextRecipient[] = [];
  const seen = new Map<string, TextRecipient>();
  let current: TextRecipient | undefined;
  let taken = 0;
  let replies: string[] = []; // Sendmail transcript replies ("<<< 550 …") since the last recipient line
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('<<<') || line.startsWith('>>>')) replies = [...replies.slice(-3), line];
    else if (line.startsWith('While talking to')) replies = [];
    const m = line && !HEADERISH.test(line) ? RECIPIENT_LINE.exec(line) : null;
    const addr = m?.[1]?.toLowerCase().replace(/^\.{1,64}|\.{1,64}$/g, '');
    if (addr && !senders.has(addr) && !/^(mailer-daemon|postmaster|root|abuse)@/.test(addr)) {
      const prior = seen.get(addr);
      if (prior) {
        current = prior;
      } else {
        current = { recipient: addr, diagnostic: '' };
        seen.set(addr, current);
        found.push(current);
      }
      taken = 0;
      const rest = line.slice((m?.index ?? 0) + (m?.[0].length ?? 0) - 1);
      if (/^[245]\d\d[ -]/.test(line)) {
        // Sendmail's summary line "554 <addr>... reason": the remote reply is the transcript line
        // before it; the lines after it belong to the next host.
        current.diagnostic += [...replies, line].join('\n') + '\n';
        replies = [];
        current = undefined;
        continue;
      }
      replies = [];
      if (rest.length > 1) current.diagnostic += rest + '\n';
      continue;
    }
    if (!current) continue;
    if (!line) {
      // A blank line ends the recipient's block once it holds a reply; before that, keep reading
      // ("Technical report:", "because:", "For the following reason:" come before the reply).
      if (taken >= MAX_DIAGNOSTIC_LINES || (taken > 0 && hasCode(current.diagnostic))) current = undefined;
      continue;
    }
    if (taken < MAX_DIAGNOSTIC_LINES) {
      current.diagnostic += line + '\n';
      taken++;
    }
  }
  return found;
}

function hasCode(text: string): boolean {
  return findStatus(text) !== '' || findReplyCode(text) !== '';
}

function addressInText(text: string, senders: Set<string>): string {
  const re = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) && n++ < 50) {
    const a = m[0].toLowerCase();
    if (!senders.has(a) && !/^(mailer-daemon|postmaster)@/.test(a)) return a;
  }
  return '';
}
