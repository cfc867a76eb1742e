// Compact HMAC-signed records for addresses and links that must stay short (VERP local parts are
// at most 64 octets, RFC 5321 §4.5.3.1.1): UUIDs packed to 16 bytes, a truncated HMAC-SHA256.
import { createHmac } from 'node:crypto';
import { safeEqual } from './constant-time.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function packUuid(id: string): Buffer {
  if (!UUID_RE.test(id)) throw new Error('not a UUID');
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

export function unpackUuid(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function tag(secret: string, purpose: string, payload: Buffer, length: number): Buffer {
  return createHmac('sha256', secret)
    .update(purpose)
    .update(Buffer.from([0]))
    .update(payload)
    .digest()
    .subarray(0, length);
}

export function sealPacked(secret: string, purpose: string, payload: Buffer, macLength: number): string {
  return Buffer.concat([payload, tag(secret, purpose, payload, macLength)]).toString('base64url');
}

/** The payload when the text is exactly one canonical token of that size and its tag checks. */
export function openPacked(
  secret: string,
  purpose: string,
  text: string,
  payloadLength: number,
  macLength: number,
): Buffer | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const raw = Buffer.from(text, 'base64url');
  if (raw.length !== payloadLength + macLength || raw.toString('base64url') !== text) return null;
  const payload = raw.subarray(0, payloadLength);
  return safeEqual(raw.subarray(payloadLength), tag(secret, purpose, payload, macLength)) ? payload : null;
}
