// CON-09: the offline proof verifier on its own — every check of a bundle, each naming the
// first bad event (or the part of the bundle) — over bundles built in memory. No database.
import { describe, expect, it } from 'vitest';
import { CANONICAL_VERSION, canonicalJson, sha256Hex } from './canonical.ts';
import { ACCOUNT, CONTACT, chainOf, linkedEvent } from './consent.testkit.ts';
import { PROOF_FORMAT, buildProofBundle, verifyProofBundle, type ProofBundle } from './proof.ts';
import type { ConsentEvent } from './types.ts';

const events = chainOf(3);
const bundleOf = (evs: ConsentEvent[], head = { lastSeq: 5, lastHash: 'f'.repeat(64) }) =>
  buildProofBundle({
    accountId: ACCOUNT,
    contactId: CONTACT,
    events: evs,
    states: [],
    head,
    generatedAt: '2026-02-01T00:00:00.000Z',
  });
/** A bundle changed and re-sealed (bundleHash recomputed), so only the check under test can fail. */
const resealed = (b: ProofBundle, patch: Record<string, unknown>) => {
  const { bundleHash: _old, ...body } = { ...b, ...patch };
  return { ...body, bundleHash: sha256Hex(canonicalJson(body)) };
};

describe('proof bundle: building', () => {
  it('[CON-09] carries the format, the serialisation, the contact, the head at export and a hash over everything else', () => {
    const b = bundleOf(events, { lastSeq: 3, lastHash: events[2]!.hash });
    expect(b).toMatchObject({
      format: 'assent-proof-v1',
      canonicalVersion: CANONICAL_VERSION,
      generatedAt: '2026-02-01T00:00:00.000Z',
      accountId: ACCOUNT,
      contactId: CONTACT,
      chainHead: { seq: 3, hash: events[2]!.hash },
      events,
      states: [],
    });
    const { bundleHash, ...body } = b;
    expect(bundleHash).toBe(sha256Hex(canonicalJson(body)));
    expect(verifyProofBundle(b)).toEqual({ ok: true, events: 3 });
    expect(verifyProofBundle(bundleOf([]))).toEqual({ ok: true, events: 0 });
  });
});

describe('proof bundle: verifying', () => {
  const b = bundleOf(events);
  const bad = (reason: string, eventId: string | null = null, seq: number | null = null) => ({
    ok: false,
    eventId,
    seq,
    reason,
  });

  it('[CON-09] refuses what is not a bundle of this format and serialisation', () => {
    expect(verifyProofBundle(null)).toEqual(bad('the file is not a proof bundle'));
    expect(verifyProofBundle('text')).toEqual(bad('the file is not a proof bundle'));
    expect(verifyProofBundle({ ...b, format: 'assent-proof-v0' })).toEqual(bad('unknown bundle format "assent-proof-v0"'));
    expect(verifyProofBundle({ ...b, canonicalVersion: 'v2' })).toEqual(bad('unknown canonical serialisation "v2"'));
    expect(verifyProofBundle({ ...b, events: {} })).toEqual(bad('the bundle has no events array'));
    expect(PROOF_FORMAT).toBe('assent-proof-v1');
  });

  it('[CON-09] an event that is not an object, lacks a field or cannot be serialised is named', () => {
    expect(verifyProofBundle(resealed(b, { events: [events[0], 7] }))).toEqual(bad('an event is not an object'));
    expect(verifyProofBundle(resealed(b, { events: [null] }))).toEqual(bad('an event is not an object'));
    for (const field of ['seq', 'textShown', 'prevHash', 'hash'] as const) {
      const broken = { ...events[1]!, [field]: field === 'seq' ? '2' : 2 };
      const r = verifyProofBundle(resealed(b, { events: [events[0], broken] }));
      expect(r, field).toEqual(bad('event event-2 is missing fields', 'event-2', field === 'seq' ? null : 2));
    }
    const unserialisable = { ...events[1]!, formVersion: Number.NaN };
    // Events are checked before the bundle hash: no need to re-seal (it could not be).
    expect(verifyProofBundle({ ...b, events: [events[0], unserialisable] })).toEqual(
      bad('event event-2 cannot be serialised', 'event-2', 2),
    );
    const noId = { ...events[1]!, id: 42 as unknown as string, seq: 2 };
    expect(verifyProofBundle(resealed(b, { events: [noId] }))).toMatchObject({ ok: false, eventId: null, seq: 2 });
  });

  it('[CON-09] an altered event is named with its own problem', () => {
    const altered = { ...events[1]!, ip: '192.0.2.200' };
    expect(verifyProofBundle(resealed(b, { events: [events[0], altered, events[2]] }))).toEqual(
      bad('event event-2 (seq 2): its fields do not match its hash (altered)', 'event-2', 2),
    );
  });

  it('[CON-09] an event of another account or contact, or out of chain order, is refused', () => {
    const foreign = linkedEvent(4, events[2]!.hash, { contactId: 'contact-2' });
    expect(verifyProofBundle(resealed(b, { events: [...events, foreign] }))).toEqual(
      bad('event event-4 (seq 4) belongs to another account or contact', 'event-4', 4),
    );
    const otherAccount = linkedEvent(4, events[2]!.hash, { accountId: 'acct-2' });
    expect(verifyProofBundle(resealed(b, { events: [...events, otherAccount] }))).toMatchObject({ ok: false, seq: 4 });
    expect(verifyProofBundle(resealed(b, { events: [events[0], events[2], events[1]] }))).toEqual(
      bad('event event-2 (seq 2) is out of chain order', 'event-2', 2),
    );
    expect(verifyProofBundle(resealed(b, { events: [events[0], events[0]] }))).toEqual(
      bad('event event-1 (seq 1) is out of chain order', 'event-1', 1),
    );
  });

  it('[CON-09] the chain head must be present, at or after the last event, and be that event when at it', () => {
    expect(verifyProofBundle(resealed(b, { chainHead: undefined }))).toEqual(bad('the bundle has no chain head'));
    expect(verifyProofBundle(resealed(b, { chainHead: { seq: '5', hash: 'x' } }))).toEqual(bad('the bundle has no chain head'));
    expect(verifyProofBundle(resealed(b, { chainHead: { seq: 5, hash: null } }))).toEqual(bad('the bundle has no chain head'));
    expect(verifyProofBundle(resealed(b, { chainHead: { seq: 2, hash: events[1]!.hash } }))).toEqual(
      bad('the chain head (seq 2) is before the last event (seq 3)', 'event-3', 3),
    );
    expect(verifyProofBundle(resealed(b, { chainHead: { seq: 3, hash: events[1]!.hash } }))).toEqual(
      bad('the chain head hash does not match event event-3 (seq 3)', 'event-3', 3),
    );
    expect(verifyProofBundle(resealed(b, { chainHead: { seq: 3, hash: events[2]!.hash } }))).toEqual({ ok: true, events: 3 });
    expect(verifyProofBundle(resealed(b, { chainHead: { seq: 4, hash: 'a'.repeat(64) } }))).toEqual({ ok: true, events: 3 });
  });

  it('[CON-09] any change outside the events, or a missing bundle hash, breaks the bundle hash', () => {
    const reason = 'the bundle was altered outside its events (bundleHash does not match)';
    expect(verifyProofBundle({ ...b, generatedAt: '2026-02-02T00:00:00.000Z' })).toEqual(bad(reason));
    expect(verifyProofBundle({ ...b, states: [{ status: 'active' }] })).toEqual(bad(reason));
    const { bundleHash: _h, ...unsealed } = b;
    expect(verifyProofBundle(unsealed)).toEqual(bad(reason));
    expect(verifyProofBundle(b)).toEqual({ ok: true, events: 3 });
  });
});
