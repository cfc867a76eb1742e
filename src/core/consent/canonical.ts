// The canonical serialisation the consent ledger hashes (CON-08). Version it: a verifier must
// know exactly which bytes were hashed.
//
// CANONICAL_VERSION 'assent-consent-v1':
//   - the event object in its API shape (camelCase keys, see ConsentEvent) WITHOUT `hash`;
//   - object keys sorted by UTF-16 code unit order (Array.prototype.sort), recursively;
//   - no whitespace; strings, numbers, booleans and null as JSON.stringify writes them;
//     undefined members are omitted; arrays keep their order;
//   - the resulting string is UTF-8 encoded;
//   - hash = lower-case hex SHA-256 of UTF-8( prevHash + canonicalJson(event without hash) ).
// The first event of an account's chain has prevHash = GENESIS_HASH (64 zeros).
import { createHash } from 'node:crypto';
import type { ConsentEvent } from './types.ts';

export const CANONICAL_VERSION = 'assent-consent-v1';
export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash of an event from its fields and prevHash (the `hash` field itself is ignored). */
export function eventHash(event: Omit<ConsentEvent, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...fields } = event;
  return sha256Hex(event.prevHash + canonicalJson(fields));
}
