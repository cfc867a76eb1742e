// A small, bounded MIME reader for inbound reports (RFC 2045/2046/2047, RFC 6522 multipart/report).
// Why not mailparser: the core imports no mail library (ARCHITECTURE.md, eslint layering), and a
// bounce needs only the structure, the decoded text and the headers — read here with named limits
// so a 1,000-deep nesting or a 60 MB body cannot cost more than the limits allow.

/** Parts nested deeper than this are kept as opaque text (RFC 2046 sets no limit; we do). */
export const MAX_MIME_DEPTH = 12;
/** At most this many parts are read from one message; the rest are ignored. */
export const MAX_MIME_PARTS = 200;
/**
 * RFC 2046 §5.1.1 allows 70 characters (boundary := 0*69<bchars> bcharsnospace); real MTAs send a
 * few more (the corpus has 79), so we accept up to 200 and read a longer one as text.
 */
export const MAX_BOUNDARY_LENGTH = 200;
/** Header block read per part; a longer one is cut (real bounce headers are a few KB). */
export const MAX_HEADER_BYTES = 256 * 1024;

export type MimePart = {
  /** Lower-case header name → values in order, unfolded. */
  headers: Map<string, string[]>;
  /** Lower-case `type/subtype`, `text/plain` when absent (RFC 2045 §5.2). */
  type: string;
  params: Record<string, string>;
  /** Decoded body text (transfer encoding and charset undone); '' for multiparts. */
  text: string;
  children: MimePart[];
};

type Budget = { parts: number };

export function header(part: MimePart, name: string): string {
  return part.headers.get(name)?.[0] ?? '';
}

export function parseMime(raw: string): MimePart {
  // One line ending for everything below (the corpus has LF, CRLF and CR copies).
  const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  return parsePart(text, 0, { parts: 0 }, 'text/plain');
}

function splitHead(src: string): { head: string; body: string } {
  if (src.startsWith('\n')) return { head: '', body: src.slice(1) };
  const at = src.indexOf('\n\n');
  if (at < 0) {
    // No blank line: all headers when every line looks like one, otherwise all body.
    return /^[!-9;-~]{1,80}:/.test(src) ? { head: src, body: '' } : { head: '', body: src };
  }
  return { head: src.slice(0, at), body: src.slice(at + 2) };
}

export function parseHeaders(head: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const lines = head.slice(0, MAX_HEADER_BYTES).split('\n');
  let name = '';
  let value = '';
  const flush = (): void => {
    if (!name) return;
    const list = headers.get(name);
    if (list) list.push(value.trim());
    else headers.set(name, [value.trim()]);
  };
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && name) {
      value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 100) continue;
    flush();
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return headers;
}

/** `type/subtype; a=b; c="d"` → type and parameters (RFC 2045 §5.1), parsed by hand: no regex. */
export function parseContentType(value: string): { type: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  let i = semi < 0 ? value.length : semi + 1;
  while (i < value.length) {
    while (i < value.length && (value[i] === ' ' || value[i] === ';' || value[i] === '\t')) i++;
    const eq = value.indexOf('=', i);
    if (eq < 0) break;
    const key = value.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (value[i] === ' ') i++;
    let v = '';
    if (value[i] === '"') {
      i++;
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\') i++;
        v += value[i] ?? '';
        i++;
      }
      i++;
    } else {
      const end = value.indexOf(';', i);
      v = value.slice(i, end < 0 ? value.length : end).trim();
      i = end < 0 ? value.length : end;
    }
    if (key && !(key in params)) params[key] = v;
  }
  return { type: type.includes('/') ? type : 'text/plain', params };
}

function parsePart(src: string, depth: number, budget: Budget, defaultType: string): MimePart {
  budget.parts++;
  const { head, body } = splitHead(src);
  const headers = parseHeaders(head);
  const ct = headers.get('content-type')?.[0];
  const { type, params } = ct ? parseContentType(ct) : { type: defaultType, params: {} };
  const part: MimePart = { headers, type, params, text: '', children: [] };
  const deeper = depth < MAX_MIME_DEPTH && budget.parts < MAX_MIME_PARTS;
  // A boundary over MAX_BOUNDARY_LENGTH is refused (read as text): searching a body for a very
  // long, repetitive delimiter costs time in proportion to its length.
  const boundary = params.boundary ?? '';
  if (type.startsWith('multipart/') && boundary.length > 0 && boundary.length <= MAX_BOUNDARY_LENGTH && deeper) {
    const childType = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    for (const chunk of splitMultipart(body, boundary)) {
      if (budget.parts >= MAX_MIME_PARTS) break;
      part.children.push(parsePart(chunk, depth + 1, budget, childType));
    }
    return part;
  }
  const decoded = decodeBody(body, header(part, 'content-transfer-encoding'), params.charset);
  if ((type === 'message/rfc822' || type === 'message/global') && deeper) {
    part.children.push(parsePart(decoded, depth + 1, budget, 'text/plain'));
    return part;
  }
  part.text = decoded;
  return part;
}

function splitMultipart(body: string, boundary: string): string[] {
  const marker = '--' + boundary;
  const chunks: string[] = [];
  let at = body.startsWith(marker) ? 0 : body.indexOf('\n' + marker);
  if (at < 0) return [body];
  if (at > 0) at += 1;
  while (at >= 0) {
    const start = at + marker.length;
    if (body.startsWith('--', start)) break; // the closing delimiter
    const lineEnd = body.indexOf('\n', start);
    if (lineEnd < 0) break;
    const next = body.indexOf('\n' + marker, lineEnd);
    chunks.push(body.slice(lineEnd + 1, next < 0 ? body.length : next));
    at = next < 0 ? -1 : next + 1;
  }
  return chunks;
}

function decodeBody(body: string, encoding: string, charset: string | undefined): string {
  const enc = encoding.trim().toLowerCase();
  let bytes: Buffer | undefined;
  if (enc === 'base64') bytes = Buffer.from(body, 'base64');
  else if (enc === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  if (!bytes) {
    // The input was read as latin1 (one char per byte): undo that only for a named non-ASCII charset.
    if (!charset || /^(us-)?ascii$/i.test(charset) || isAscii(body)) return body;
    bytes = Buffer.from(body, 'latin1');
  }
  return decodeCharset(bytes, charset);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const cs = (charset ?? 'utf-8').trim().toLowerCase() || 'utf-8';
  try {
    return new TextDecoder(cs).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function decodeQuotedPrintable(s: string): Buffer {
  const out = Buffer.alloc(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      if (s[i + 1] === '\n') {
        i++;
        continue;
      }
      const hex = s.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** RFC 2047 encoded words in a header value (Subject of auto-replies, often Japanese or Romanian). */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(/\?=\s{1,20}=\?/g, '?==?')
    .replace(/=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]{0,4000})\?=/g, (_m, cs: string, how: string, data: string) => {
      const bytes = how.toLowerCase() === 'b' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeCharset(bytes, cs.split('*')[0]);
    });
}

/** Depth-first walk over a part and everything below it. */
export function* walk(part: MimePart): Generator<MimePart> {
  const stack: MimePart[] = [part];
  while (stack.length) {
    const p = stack.pop() as MimePart;
    yield p;
    for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i] as MimePart);
  }
}
