// Proof of opt-in (CON-09): a self-contained bundle of one contact's consent events, their
// exact texts and chain links, which `assent proof verify FILE` checks offline.
//
// What a verifier checks, in order, naming the first bad event:
//   1. format and canonicalVersion are known;
//   2. every event: sha256(textShown) = textHash, and
//      sha256(prevHash + canonicalJson(event without hash)) = hash (canonical.ts);
//   3. seq numbers strictly increase, every event belongs to the bundle's account and contact;
//   4. the account's chain head at export time is at or after the last event, and equals its
//      hash when the last event is the head;
//   5. bundleHash = sha256(canonicalJson(bundle without bundleHash)) — so no byte of the
//      states, head or metadata can be altered either.
// The events are links of the account's one chain (prevHash → hash); `assent ledger verify`
// re-checks the whole chain, and the head hash ties this bundle to it.
import { CANONICAL_VERSION, canonicalJson, sha256Hex } from './canonical.ts';
import type { ChainHead } from './store.ts';
import type { ConsentEvent, ConsentState } from './types.ts';
import { checkEvent } from './verify.ts';
import { equalPublicDigest } from '../tokens/constant-time.ts';

export const PROOF_FORMAT = 'assent-proof-v1';

export interface ProofBundle {
  format: typeof PROOF_FORMAT;
  canonicalVersion: typeof CANONICAL_VERSION;
  generatedAt: string;
  accountId: string;
  contactId: string;
  /** The account's chain head when the bundle was made. */
  chainHead: { seq: number; hash: string };
  /** Every consent event of the contact, all fields, in chain order. */
  events: ConsentEvent[];
  /** The derived state at export time (informational; covered by bundleHash). */
  states: ConsentState[];
  bundleHash: string;
}

export function buildProofBundle(input: {
  accountId: string;
  contactId: string;
  events: ConsentEvent[];
  states: ConsentState[];
  head: ChainHead;
  generatedAt: string;
}): ProofBundle {
  const body: Omit<ProofBundle, 'bundleHash'> = {
    format: PROOF_FORMAT,
    canonicalVersion: CANONICAL_VERSION,
    generatedAt: input.generatedAt,
    accountId: input.accountId,
    contactId: input.contactId,
    chainHead: { seq: input.head.lastSeq, hash: input.head.lastHash },
    events: input.events,
    states: input.states,
  };
  return { ...body, bundleHash: sha256Hex(canonicalJson(body)) };
}

export type ProofVerdict =
  { ok: true; events: number } | { ok: false; eventId: string | null; seq: number | null; reason: string };

/** Checks a parsed bundle (any JSON value). Pure and offline. */
export function verifyProofBundle(input: unknown): ProofVerdict {
  const bad = (reason: string, e?: { id?: unknown; seq?: unknown }): ProofVerdict => ({
    ok: false,
    eventId: typeof e?.id === 'string' ? e.id : null,
    seq: typeof e?.seq === 'number' ? e.seq : null,
    reason,
  });
  if (!input || typeof input !== 'object') return bad('the file is not a proof bundle');
  const b = input as Partial<ProofBundle>;
  if (b.format !== PROOF_FORMAT) return bad(`unknown bundle format ${JSON.stringify(b.format)}`);
  if (b.canonicalVersion !== CANONICAL_VERSION)
    return bad(`unknown canonical serialisation ${JSON.stringify(b.canonicalVersion)}`);
  if (!Array.isArray(b.events)) return bad('the bundle has no events array');
  let lastSeq = 0;
  for (const raw of b.events as unknown[]) {
    if (!raw || typeof raw !== 'object') return bad('an event is not an object');
    const e = raw as ConsentEvent;
    if (
      typeof e.seq !== 'number' ||
      typeof e.textShown !== 'string' ||
      typeof e.prevHash !== 'string' ||
      typeof e.hash !== 'string'
    ) {
      return bad(`event ${String(e.id)} is missing fields`, e);
    }
    let problem;
    try {
      problem = checkEvent(e);
    } catch {
      return bad(`event ${String(e.id)} cannot be serialised`, e);
    }
    if (problem) return bad(problem.message, e);
    if (e.accountId !== b.accountId || e.contactId !== b.contactId)
      return bad(`event ${e.id} (seq ${e.seq}) belongs to another account or contact`, e);
    if (e.seq <= lastSeq) return bad(`event ${e.id} (seq ${e.seq}) is out of chain order`, e);
    lastSeq = e.seq;
  }
  const head = b.chainHead;
  if (!head || typeof head.seq !== 'number' || typeof head.hash !== 'string') return bad('the bundle has no chain head');
  const last = b.events[b.events.length - 1] as ConsentEvent | undefined;
  if (last && head.seq < last.seq)
    return bad(`the chain head (seq ${head.seq}) is before the last event (seq ${last.seq})`, last);
  if (last && head.seq === last.seq && !equalPublicDigest(head.hash, last.hash))
    return bad(`the chain head hash does not match event ${last.id} (seq ${last.seq})`, last);
  const { bundleHash, ...body } = b;
  if (typeof bundleHash !== 'string' || !equalPublicDigest(sha256Hex(canonicalJson(body)), bundleHash)) {
    return bad('the bundle was altered outside its events (bundleHash does not match)');
  }
  return { ok: true, events: b.events.length };
}
