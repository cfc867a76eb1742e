import { describe, expect, it } from 'vitest';
import {
  CANONICAL_VERSION,
  CHAIN_ROW_FIELDS,
  GENESIS_HASH,
  canonicalEventJson,
  canonicalJson,
  canonicalRowJson,
  eventHash,
  sha256Hex,
} from './canonical.ts';
import type { ConsentEvent } from './types.ts';

const event: Omit<ConsentEvent, 'hash'> = {
  seq: 1,
  id: 'e1',
  accountId: 'a',
  contactId: 'c',
  listId: 'l',
  channel: 'email',
  kind: 'granted',
  sourceType: 'form',
  sourceId: null,
  formId: 'f',
  formVersion: 2,
  textShown: 'Ja, bitte — "News" ✓',
  textHash: sha256Hex('Ja, bitte — "News" ✓'),
  partners: ['B', 'A'],
  ip: '192.0.2.1',
  userAgent: null,
  language: 'de',
  occurredAt: '2026-01-01T00:00:00.000Z',
  confirmedAt: null,
  confirmIp: null,
  confirmUserAgent: null,
  evidence: { z: 1, a: { y: [1, 'x'], b: null } },
  prevHash: GENESIS_HASH,
};

describe('canonical serialisation (assent-consent-v1)', () => {
  it('[CON-08] sorts keys recursively, keeps array order, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 'x', c: null }], e: undefined })).toBe('{"a":[3,{"c":null,"d":"x"}],"b":1}');
  });

  it('[CON-08] the fast event serialiser writes exactly what canonicalJson writes, and falls back on any other shape', () => {
    expect(canonicalEventJson(event as unknown as Record<string, unknown>)).toBe(canonicalJson(event));
    const withHash = { ...event, hash: 'ignored' };
    expect(canonicalEventJson(withHash)).toBe(canonicalJson(event));
    const extra = { ...event, injected: 'x' };
    expect(canonicalEventJson(extra)).toBe(canonicalJson(extra));
    const { ip: _ip, ...missing } = event;
    expect(canonicalEventJson({ ...missing, other: 1 })).toBe(canonicalJson({ ...missing, other: 1 }));
    expect(eventHash(event)).toBe(sha256Hex(GENESIS_HASH + canonicalJson(event)));
  });
});

describe('canonical serialisation of awkward strings', () => {
  it('[CON-08] the fast path agrees with canonicalJson on quotes, backslashes, controls, non-ASCII and lone surrogates', () => {
    for (const text of [
      'plain',
      'say "yes"',
      'back\\slash',
      'tab\there\nline',
      'Ünïcødé ✓ 😀',
      '\u2028\u2029',
      'lone \ud800 surrogate',
      '',
      '~!#$%^&*()',
    ]) {
      const e = { ...event, textShown: text, userAgent: text };
      expect(canonicalEventJson(e as unknown as Record<string, unknown>), text).toBe(canonicalJson(e));
    }
    expect(canonicalEventJson({ ...event, formVersion: -0 } as unknown as Record<string, unknown>)).toBe(
      canonicalJson({ ...event, formVersion: -0 }),
    );
  });
});

describe('canonical serialisation from stored rows (ledger verify)', () => {
  const row = (e: Record<string, unknown>) => CHAIN_ROW_FIELDS.map((k) => e[k] ?? null);
  it('[CON-08] a ChainRow serialises to exactly the canonical bytes of its event, with or without evidence', () => {
    expect(CHAIN_ROW_FIELDS.slice(0, -1)).toEqual(Object.keys(event).sort());
    expect(CHAIN_ROW_FIELDS.at(-1)).toBe('hash');
    for (const e of [
      event,
      { ...event, evidence: {}, partners: [] },
      { ...event, evidence: { '10': 1, '9': 2, b: 'x"y' }, textShown: 'tab\there \ud800 "q" ✓' },
      { ...event, seq: 1_000_000, formVersion: null, userAgent: 'Mozilla/5.0 (X11) "x"\\' },
    ]) {
      expect(canonicalRowJson(row(e))).toBe(canonicalJson(e));
    }
  });
});

describe('canonical serialisation: its constants and edge values', () => {
  it('[CON-08] the serialisation is named assent-consent-v1 and a chain starts from 64 zeros', () => {
    expect(CANONICAL_VERSION).toBe('assent-consent-v1');
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });

  it('[CON-08] an undefined array member is written as null; a non-finite number cannot be serialised', () => {
    expect(canonicalJson([1, undefined, 'x'])).toBe('[1,null,"x"]');
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => canonicalJson({ a: n })).toThrow('canonicalJson: non-finite number');
    }
  });
});
