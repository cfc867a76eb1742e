// Highlighting the content screen's matched spans for a reviewer (CNT-02). Spans are offsets into
// the ORIGINAL field string (src/core/content/screen.ts Span). In HTML a <mark> goes in only where
// it cuts no markup: a span is clipped to the text between tags (never inside a tag, a comment, an
// entity or a raw-text element such as <style> or <script>); nothing else in the HTML is changed or
// escaped, so the message renders as it was screened. Pure functions; the web app uses them.

export interface HighlightSpan {
  start: number;
  end: number;
  category: string;
}

export interface TextSegment {
  text: string;
  /** The category of the finding this piece matched, or null for plain text. */
  category: string | null;
}

/** Most marks put into one message: a body full of matches stays readable and cheap to render. */
export const MAX_HIGHLIGHTS = 500;

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/** Sorted, clipped to [0, length], overlaps merged (the first span keeps its category). */
function normalise(spans: readonly HighlightSpan[], length: number): HighlightSpan[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.floor(s.start)), end: Math.min(length, Math.floor(s.end)), category: s.category }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: HighlightSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
    if (out.length >= MAX_HIGHLIGHTS) break;
  }
  return out;
}

/** Plain text (subject, preheader, text part) split into plain and matched pieces. */
export function segmentText(text: string, spans: readonly HighlightSpan[]): TextSegment[] {
  const out: TextSegment[] = [];
  let at = 0;
  for (const s of normalise(spans, text.length)) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), category: null });
    out.push({ text: text.slice(s.start, s.end), category: s.category });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), category: null });
  return out;
}

/**
 * The [start, end) ranges of the HTML that are text a reader sees: outside tags, comments,
 * declarations and raw-text elements. One linear pass, no regular expression over the document.
 */
export function textRanges(html: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = 0;
  let textStart = 0;
  const n = html.length;
  let lower: string | null = null;
  const close = (end: number) => {
    if (end > textStart) ranges.push([textStart, end]);
  };
  while (i < n) {
    if (html.charCodeAt(i) !== 60 /* < */) {
      i++;
      continue;
    }
    const next = html[i + 1] ?? '';
    if (!/[A-Za-z/!?]/.test(next)) {
      i++; // a lone '<' in text
      continue;
    }
    close(i);
    let end: number;
    if (html.startsWith('<!--', i)) {
      const c = html.indexOf('-->', i + 4);
      end = c < 0 ? n : c + 3;
    } else {
      end = tagEnd(html, i);
      const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(i, Math.min(n, i + 40)))?.[1]?.toLowerCase();
      if (name && RAW_TEXT.has(name)) {
        lower ??= html.toLowerCase();
        const closing = lower.indexOf(`</${name}`, end);
        end = closing < 0 ? n : tagEnd(html, closing);
      }
    }
    i = end;
    textStart = end;
  }
  close(n);
  return ranges;
}

/** Index after the '>' that ends the tag opened at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < html.length; i++) {
    const ch = html[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return html.length;
}

/** Moves a boundary out of a character reference (`&amp;`, `&#39;`) so a mark never splits one. */
function outOfEntity(html: string, at: number, direction: -1 | 1, lo: number, hi: number): number {
  const amp = html.lastIndexOf('&', at - 1);
  if (amp < lo || at - amp > 32) return at;
  const semi = html.indexOf(';', amp);
  // Inside `&…;` only when the reference ends at or after the boundary.
  if (semi < at || semi - amp > 32 || !/^&#?[A-Za-z0-9]+;$/.test(html.slice(amp, semi + 1))) return at;
  return direction < 0 ? amp : Math.min(hi, semi + 1);
}

/** The HTML with each span's visible parts wrapped in <mark data-testid="span" data-category="…">. */
export function highlightHtml(html: string, spans: readonly HighlightSpan[]): string {
  const merged = normalise(spans, html.length);
  if (merged.length === 0) return html;
  const ranges = textRanges(html);
  const inserts: Array<{ at: number; open: boolean; category: string }> = [];
  let r = 0;
  for (const s of linkTextOf(html, merged, ranges)) {
    while (r < ranges.length && ranges[r]![1] <= s.start) r++;
    for (let k = r; k < ranges.length && ranges[k]![0] < s.end; k++) {
      const [lo, hi] = ranges[k]!;
      const start = outOfEntity(html, Math.max(lo, s.start), -1, lo, hi);
      const end = outOfEntity(html, Math.min(hi, s.end), 1, lo, hi);
      if (end <= start || html.slice(start, end).trim() === '') continue;
      inserts.push({ at: start, open: true, category: s.category }, { at: end, open: false, category: s.category });
    }
  }
  let out = '';
  let at = 0;
  for (const ins of inserts) {
    out += html.slice(at, ins.at);
    out += ins.open ? `<mark data-testid="span" data-category="${attr(ins.category)}">` : '</mark>';
    at = ins.at;
  }
  return out + html.slice(at);
}

/**
 * A span wholly inside an `<a …>` tag (the deception checks point at the href of a shortened,
 * IP-address or mismatched link) cannot be marked where it is; the link's first piece of text
 * is marked instead, so the reviewer still sees which link it was. Other spans pass unchanged.
 */
function linkTextOf(html: string, spans: HighlightSpan[], ranges: Array<[number, number]>): HighlightSpan[] {
  const out: HighlightSpan[] = [];
  let r = 0;
  for (const s of spans) {
    while (r < ranges.length && ranges[r]![1] <= s.start) r++;
    const next = ranges[r];
    const inMarkup = !next || next[0] >= s.end;
    const open = inMarkup ? html.lastIndexOf('<', s.start) : -1;
    if (open >= 0 && /^<a[\s>]/i.test(html.slice(open, open + 3)) && next && html.lastIndexOf('>', next[0]) > open) {
      const close = html.indexOf('<', next[0]);
      const tagEnd = html.lastIndexOf('>', next[0]);
      // Only when the text follows this very tag (no other tag between) and stays in the link.
      if (tagEnd >= s.end && html.slice(tagEnd, next[0]).indexOf('<') < 0 && html.slice(open, tagEnd).indexOf('<', 1) < 0)
        out.push({ start: next[0], end: close < 0 ? next[1] : Math.min(close, next[1]), category: s.category });
      continue;
    }
    out.push(s);
  }
  return normalise(out, html.length);
}

function attr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
