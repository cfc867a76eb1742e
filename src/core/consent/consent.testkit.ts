// In-memory consent events for the pure tests of the ledger's rules (verify, proof, projection):
// valid hash chains built with the ledger's own serialisation. Used by *.test.ts files only.
import { CHAIN_ROW_FIELDS, GENESIS_HASH, eventHash, sha256Hex, type ChainRow } from './canonical.ts';
import type { ConsentEvent } from './types.ts';

export const ACCOUNT = 'acct-1';
export const CONTACT = 'contact-1';

/** One event linked to `prevHash`, its text and own hash computed (`extra` before hashing). */
export function linkedEvent(seq: number, prevHash: string, extra: Partial<ConsentEvent> = {}): ConsentEvent {
  const textShown = extra.textShown ?? `Yes, send me the news (${seq % 2}).`;
  const fields: Omit<ConsentEvent, 'hash'> = {
    seq,
    id: `event-${seq}`,
    accountId: ACCOUNT,
    contactId: CONTACT,
    listId: 'list-1',
    channel: 'email',
    kind: 'granted',
    sourceType: 'form',
    sourceId: null,
    formId: null,
    formVersion: null,
    textShown,
    textHash: sha256Hex(textShown),
    partners: [],
    ip: '192.0.2.1',
    userAgent: null,
    language: 'en',
    occurredAt: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    confirmedAt: null,
    confirmIp: null,
    confirmUserAgent: null,
    evidence: {},
    prevHash,
    ...extra,
  };
  return { ...fields, hash: eventHash(fields) };
}

/** Events `from`..`to` of a valid chain (from 1 unless `prevHash` continues another run). */
export function chainOf(to: number, from = 1, prevHash = GENESIS_HASH): ConsentEvent[] {
  const out: ConsentEvent[] = [];
  let prev = prevHash;
  for (let seq = from; seq <= to; seq++) {
    const e = linkedEvent(seq, prev);
    out.push(e);
    prev = e.hash;
  }
  return out;
}

export const rowOf = (e: ConsentEvent): ChainRow => CHAIN_ROW_FIELDS.map((k) => (e as unknown as Record<string, unknown>)[k]);
