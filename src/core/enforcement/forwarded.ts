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

/** A tag longer than this is not a tag: its '<' stays as text. */
const MAX_TAG_CHARS = 2000;
const TAG_START = /[A-Za-z/!?]/;
/** Tags that end a line of text (a forward marker stands on its own line). */
const BLOCK_TAG = /^<\/?(?:br|p|div|tr|li|h[1-6]|blockquote|table|ul|ol|pre|hr)\b/i;
const HREF = /^<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]{1,4000})/i;

/**
 * HTML as text for the searches above: line breaks kept (<br>, block tags), link targets kept as text (the
 * footer's unsubscribe link traces), every other tag dropped. One pass, linear in the input
 * whatever it holds (a regex over `<[^>]{0,N}>` takes N steps per '<' of a line without '>').
 */
export function htmlText(html: string): string {
  let out = '';
  let from = 0;
  let gt = html.indexOf('>');
  let i = html.indexOf('<');
  while (i !== -1 && gt !== -1) {
    if (gt < i) gt = html.indexOf('>', i);
    if (gt === -1) break;
    const next = html.indexOf('<', i + 1);
    // A '<' not opening a tag (`a < b`), followed by another before any '>', or too far from it, is text.
    if ((next !== -1 && next < gt) || gt - i > MAX_TAG_CHARS || !TAG_START.test(html.charAt(i + 1))) {
      i = next;
      continue;
    }
    const tag = html.slice(i, gt + 1);
    out += html.slice(from, i);
    if (BLOCK_TAG.test(tag)) out += '\n';
    else {
      const href = HREF.exec(tag);
      if (href) out += ` ${href[1]} `;
    }
    from = gt + 1;
    i = next;
  }
  return out + html.slice(from);
}

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
      const body = p.type === 'text/html' ? htmlText(p.text) : p.text;
      // The first marker that matches (several spell the same line: "Forwarded message" in any case).
      for (const marker of FORWARD_MARKERS) {
        const m = marker.exec(body);
        if (!m) continue;
        out.push({ headers: body.slice(m.index + m[0].length, m.index + m[0].length + 64 * 1024), source: 'inline-forward' });
        break;
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
