// RFC 5322 / 2045 / 2047 pieces for the campaign message, built by hand for speed.
import { invalid } from '../../core/errors.ts';

/** Header values are checked where they enter (STYLE §6): CR or LF is refused, never stripped silently. */
export function headerValue(field: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw invalid('HEADER_INVALID', `The ${field} must not contain line breaks.`, { field });
  return value;
}

const ADDR_RE = /^[^\s@<>()",;:\\[\]]+@[A-Za-z0-9.-]+$/;

export function address(field: string, email: string): string {
  headerValue(field, email);
  if (!ADDR_RE.test(email)) throw invalid('HEADER_INVALID', `The ${field} address is not valid.`, { field });
  return email;
}

/** RFC 2047 B encoding, split into encoded-words of at most 75 chars at character boundaries. */
export function encodeWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** A display name + address: quoted when ASCII, encoded-words otherwise. */
export function mailbox(name: string, email: string): string {
  headerValue('From name', name);
  if (!name) return email;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeWords(name);
  return `${display} <${email}>`;
}

/** Base64 body with 76-char lines and CRLF (RFC 2045 §6.8). */
export function base64Body(text: string): string {
  const b = Buffer.from(text, 'utf8').toString('base64');
  let out = '';
  for (let i = 0; i < b.length; i += 76) out += b.slice(i, i + 76) + '\r\n';
  return out;
}
