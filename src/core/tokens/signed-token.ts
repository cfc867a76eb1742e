// HMAC-signed, self-describing tokens for links that travel in mail (SEC-02): confirmation,
// unsubscribe, preference centre, and the hosted form's start stamp (CON-11).
//
// Format: base64url(payload) "." base64url(HMAC-SHA256(secret, purpose || 0x00 || payload)).
// The payload is a compact binary record (UUIDs packed to 16 bytes) so a token fits in a URL
// path segment (the server's maxParamLength is 200). The purpose is part of the signed bytes:
// a token minted for one purpose never verifies for another. Signatures are compared with
// constant time (safeEqual, SEC-02); nothing about the payload is trusted before that.
import { createHmac } from 'node:crypto';
import { safeEqual } from './constant-time.ts';

export const TOKEN_FORMAT_VERSION = 1;
/** Longest token we even try to decode; anything longer is refused as malformed. */
export const MAX_TOKEN_LENGTH = 400;
/** Longest non-UUID string field a token can carry. */
export const MAX_TOKEN_STRING_BYTES = 64;

export type TokenPurpose = 'confirm' | 'unsubscribe' | 'preferences' | 'form-start';
export type TokenField = string | number | null;

export type TokenCheck = { ok: true; fields: TokenField[] } | { ok: false; reason: 'malformed' | 'bad-signature' };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TAG_NULL = 0;
const TAG_UUID = 1;
const TAG_STRING = 2;
const TAG_UINT32 = 3;
const TAG_UINT48 = 4;

function encodeFields(fields: TokenField[]): Buffer {
  const parts: Buffer[] = [Buffer.from([TOKEN_FORMAT_VERSION])];
  for (const f of fields) {
    if (f === null) {
      parts.push(Buffer.from([TAG_NULL]));
    } else if (typeof f === 'number') {
      if (!Number.isSafeInteger(f) || f < 0 || f > 2 ** 48 - 1) throw new Error('token field: integer out of range');
      if (f <= 0xffffffff) {
        const b = Buffer.alloc(5);
        b[0] = TAG_UINT32;
        b.writeUInt32BE(f, 1);
        parts.push(b);
      } else {
        const b = Buffer.alloc(7);
        b[0] = TAG_UINT48;
        b.writeUIntBE(f, 1, 6);
        parts.push(b);
      }
    } else if (UUID_RE.test(f)) {
      parts.push(Buffer.from([TAG_UUID]), Buffer.from(f.replaceAll('-', ''), 'hex'));
    } else {
      const bytes = Buffer.from(f, 'utf8');
      if (bytes.length > MAX_TOKEN_STRING_BYTES) throw new Error('token field: string too long');
      parts.push(Buffer.from([TAG_STRING, bytes.length]), bytes);
    }
  }
  return Buffer.concat(parts);
}

function decodeFields(buf: Buffer): TokenField[] | null {
  if (buf.length < 1 || buf[0] !== TOKEN_FORMAT_VERSION) return null;
  const out: TokenField[] = [];
  let i = 1;
  while (i < buf.length) {
    const tag = buf[i++];
    if (tag === TAG_NULL) {
      out.push(null);
    } else if (tag === TAG_UUID) {
      if (i + 16 > buf.length) return null;
      const h = buf.subarray(i, i + 16).toString('hex');
      out.push(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
      i += 16;
    } else if (tag === TAG_STRING) {
      const len = buf[i++];
      if (len === undefined || i + len > buf.length) return null;
      out.push(buf.subarray(i, i + len).toString('utf8'));
      i += len;
    } else if (tag === TAG_UINT32) {
      if (i + 4 > buf.length) return null;
      out.push(buf.readUInt32BE(i));
      i += 4;
    } else if (tag === TAG_UINT48) {
      if (i + 6 > buf.length) return null;
      out.push(buf.readUIntBE(i, 6));
      i += 6;
    } else {
      return null;
    }
  }
  return out;
}

function mac(secret: string, purpose: TokenPurpose, payload: Buffer): Buffer {
  return createHmac('sha256', secret)
    .update(purpose, 'utf8')
    .update(Buffer.from([0]))
    .update(payload)
    .digest();
}

export function signToken(secret: string, purpose: TokenPurpose, fields: TokenField[]): string {
  const payload = encodeFields(fields);
  return `${payload.toString('base64url')}.${mac(secret, purpose, payload).toString('base64url')}`;
}

const B64URL_RE = /^[A-Za-z0-9_-]+$/;

/** Checks the signature in constant time (SEC-02), then decodes the payload. */
export function verifyToken(secret: string, purpose: TokenPurpose, token: string): TokenCheck {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
  const p = token.slice(0, dot);
  const s = token.slice(dot + 1);
  if (!B64URL_RE.test(p) || !B64URL_RE.test(s)) return { ok: false, reason: 'malformed' };
  const payload = Buffer.from(p, 'base64url');
  const given = Buffer.from(s, 'base64url');
  // Re-encoding must give back the same text, so two spellings of one token cannot exist.
  if (payload.toString('base64url') !== p || given.toString('base64url') !== s) return { ok: false, reason: 'malformed' };
  const expected = mac(secret, purpose, payload);
  if (!safeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  const fields = decodeFields(payload);
  return fields ? { ok: true, fields } : { ok: false, reason: 'malformed' };
}
