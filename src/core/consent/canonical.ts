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
import { hash } from 'node:crypto';
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

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text` (one-shot crypto.hash: faster than createHash). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

// The hashed members of an event, in canonical (sorted) order. The fast serialiser below writes
// exactly what canonicalJson writes for an event with exactly these members; anything else (a
// member missing or added) falls back to canonicalJson itself, so both always agree.
const EVENT_KEYS: readonly string[] = [
  'seq',
  'id',
  'accountId',
  'contactId',
  'listId',
  'channel',
  'kind',
  'sourceType',
  'sourceId',
  'formId',
  'formVersion',
  'textShown',
  'textHash',
  'partners',
  'ip',
  'userAgent',
  'language',
  'occurredAt',
  'confirmedAt',
  'confirmIp',
  'confirmUserAgent',
  'evidence',
  'prevHash',
].sort();
const KEY_PREFIXES = EVENT_KEYS.map((k, i) => `${i === 0 ? '{' : ','}${JSON.stringify(k)}:`);

/** canonicalJson(event without hash), fast for the common shape (`assent-consent-v1`). */
export function canonicalEventJson(event: Record<string, unknown>): string {
  let count = 0;
  for (const k in event) if (k !== 'hash') count++;
  if (count !== EVENT_KEYS.length) return canonicalJson(withoutHash(event));
  let out = '';
  for (let i = 0; i < EVENT_KEYS.length; i++) {
    const key = EVENT_KEYS[i]!;
    const v = event[key];
    if (v === undefined) return canonicalJson(withoutHash(event));
    out += KEY_PREFIXES[i]! + scalarOrCanonical(v);
  }
  return `${out}}`;
}

// Printable ASCII without '"' and '\\': JSON.stringify would write such a string unchanged in quotes.
const JSON_SAFE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function scalarOrCanonical(v: unknown): string {
  if (typeof v === 'string') return JSON_SAFE.test(v) ? `"${v}"` : JSON.stringify(v);
  if (v === null) return 'null';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return canonicalJson(v);
}

function withoutHash(event: Record<string, unknown>): Record<string, unknown> {
  const { hash: _ignored, ...fields } = event;
  return fields;
}

/** The hash of an event from its fields and prevHash (the `hash` field itself is ignored). */
export function eventHash(event: Omit<ConsentEvent, 'hash'> & { hash?: string }): string {
  return sha256Hex(event.prevHash + canonicalEventJson(event as unknown as Record<string, unknown>));
}

/**
 * One ledger event as stored, read without building an object per row (ledger verify): the
 * hashed members in canonical (sorted) order, then `hash`. `partners` and `evidence` are parsed
 * (the store validates them), `seq` and `formVersion` are numbers.
 */
export type ChainRow = unknown[];

/** The member at each ChainRow position: EVENT_KEYS (sorted), then 'hash'. */
export const CHAIN_ROW_FIELDS: readonly string[] = [...EVENT_KEYS, 'hash'];
export const ROW = Object.fromEntries(CHAIN_ROW_FIELDS.map((k, i) => [k, i])) as Record<keyof ConsentEvent, number>;

/**
 * canonicalJson(event without hash) straight from a ChainRow, equal to canonicalEventJson of the
 * same event (`assent-consent-v1`). JSON.stringify of an object literal whose keys are written in
 * sorted order gives the canonical bytes at native speed; only a non-empty evidence object (whose
 * keys may need sorting) is serialised by canonicalJson and spliced in at its place.
 */
export function canonicalRowJson(r: ChainRow): string {
  const evidence = r[6] as Record<string, unknown>;
  let empty = true;
  for (const _ in evidence) {
    empty = false;
    break;
  }
  if (empty) {
    return JSON.stringify({
      accountId: r[0],
      channel: r[1],
      confirmIp: r[2],
      confirmUserAgent: r[3],
      confirmedAt: r[4],
      contactId: r[5],
      evidence,
      formId: r[7],
      formVersion: r[8],
      id: r[9],
      ip: r[10],
      kind: r[11],
      language: r[12],
      listId: r[13],
      occurredAt: r[14],
      partners: r[15],
      prevHash: r[16],
      seq: r[17],
      sourceId: r[18],
      sourceType: r[19],
      textHash: r[20],
      textShown: r[21],
      userAgent: r[22],
    });
  }
  const head = JSON.stringify({
    accountId: r[0],
    channel: r[1],
    confirmIp: r[2],
    confirmUserAgent: r[3],
    confirmedAt: r[4],
    contactId: r[5],
  });
  const tail = JSON.stringify({
    formId: r[7],
    formVersion: r[8],
    id: r[9],
    ip: r[10],
    kind: r[11],
    language: r[12],
    listId: r[13],
    occurredAt: r[14],
    partners: r[15],
    prevHash: r[16],
    seq: r[17],
    sourceId: r[18],
    sourceType: r[19],
    textHash: r[20],
    textShown: r[21],
    userAgent: r[22],
  });
  return `${head.slice(0, -1)},"evidence":${canonicalJson(evidence)},${tail.slice(1)}`;
}
