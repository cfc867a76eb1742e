// The messages a report carries (ABU-01, REP-01): what reached the abuse mailbox or came back as
// a DSN holds the message it is about as an attachment (message/rfc822, text/rfc822-headers), as
// an inline forward in its text, or is that message itself. Bounded, never throws.
import { parseMime, walk, type MimePart } from '../bounces/mime.ts';

/** Most messages read from one report. */
export const MAX_REPORTED_MESSAGES = 20;
/** Bytes of a report read for this. */
export const MAX_REPORT_SCAN_BYTES = 5 * 1024 * 1024;

export type ReportedMessage = { headers: string; source: 'attachment' | 'inline-forward' | 'self' };

const FORWARD_MARKERS = [
  /^-{5,}\s*Forwarded message\s*-{5,}\s*$/im,
  /^Begin forwarded message:\s*$/im,
  /^-{5,}\s*Original Message\s*-{5,}\s*$/im,
  /^-{5,}\s*Forwarded Message\s*-{5,}\s*$/im,
  /^-{5,}\s*Mesaj (?:redirecționat|transmis|original)\s*-{5,}\s*$/im,
];

function rawHeaderBlock(text: string): string {
  const t = text.replace(/\r\n?/g, '\n');
  const end = t.indexOf('\n\n');
  return end < 0 ? t : t.slice(0, end);
}

/** The embedded part's own headers, re-serialised (the MIME reader keeps them unfolded). */
function headersOf(part: MimePart): string {
  const lines: string[] = [];
  for (const [name, list] of part.headers) for (const v of list) lines.push(`${name}: ${v}`);
  return lines.join('\n');
}

export function reportedMessages(raw: Buffer): ReportedMessage[] {
  try {
    const text = raw.subarray(0, MAX_REPORT_SCAN_BYTES).toString('latin1');
    const root = parseMime(text);
    const out: ReportedMessage[] = [];
    for (const p of walk(root)) {
      if (out.length >= MAX_REPORTED_MESSAGES) break;
      if (p === root) continue;
      if (p.type === 'message/rfc822' || p.type === 'message/global') {
        const inner = p.children[0];
        out.push({ headers: inner ? headersOf(inner) : rawHeaderBlock(p.text), source: 'attachment' });
      } else if (p.type === 'text/rfc822-headers' || p.type === 'message/global-headers') {
        out.push({ headers: p.text, source: 'attachment' });
      }
    }
    if (out.length) return out;
    for (const p of walk(root)) {
      if (out.length >= MAX_REPORTED_MESSAGES) break;
      if (p.type !== 'text/plain' && p.type !== 'text/html') continue;
      // HTML: line breaks kept, link targets kept as text (the footer's unsubscribe link traces), tags dropped.
      const body =
        p.type === 'text/html'
          ? p.text
              .replace(/<br\s*\/?>/gi, '\n')
              .replace(/<a\b[^>]{0,2000}?\bhref\s*=\s*["']?([^"'\s>]{1,4000})[^>]{0,2000}>/gi, ' $1 ')
              .replace(/<[^>]{0,2000}>/g, '')
          : p.text;
      for (const marker of FORWARD_MARKERS) {
        const m = marker.exec(body);
        if (m)
          out.push({ headers: body.slice(m.index + m[0].length, m.index + m[0].length + 64 * 1024), source: 'inline-forward' });
      }
      // A pasted header block anywhere in the body (the abuse page asks for the full headers).
      if (!out.length && /^(?:>\s*)*(?:Return-Path|Message-ID|List-Unsubscribe|Feedback-ID):/im.test(body))
        out.push({ headers: body.slice(0, 64 * 1024), source: 'inline-forward' });
    }
    if (out.length) return out;
    return [{ headers: headersOf(root), source: 'self' }];
  } catch {
    return [];
  }
}
