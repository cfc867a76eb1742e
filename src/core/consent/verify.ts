// Checking hash chains (CON-08): the same code serves `assent ledger verify` (whole chains read
// from the database in pages) and `assent proof verify` (one contact's events from a bundle).
import { GENESIS_HASH, canonicalRowJson, eventHash, sha256Hex, type ChainRow } from './canonical.ts';
import type { ChainProblem, ChainVerification, ConsentEvent } from './types.ts';
import { equalPublicDigest } from '../tokens/constant-time.ts';

/** Where a streaming check stands between pages. */
export interface ChainCursor {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainCursor = { seq: 0, hash: GENESIS_HASH };

/** The most distinct texts remembered while checking one page (texts repeat: one per form version). */
export const TEXT_HASH_CACHE_SIZE = 1_000;

/**
 * The problem with one event on its own: its text hash and its own hash. `textHashes` may carry
 * already computed text → hash pairs (a page of events shares a few texts).
 */
export function checkEvent(e: ConsentEvent, textHashes?: Map<string, string>): ChainProblem | null {
  let textHash = textHashes?.get(e.textShown);
  if (textHash === undefined) {
    textHash = sha256Hex(e.textShown);
    if (textHashes && textHashes.size < TEXT_HASH_CACHE_SIZE) textHashes.set(e.textShown, textHash);
  }
  if (!equalPublicDigest(textHash, e.textHash)) {
    return {
      seq: e.seq,
      eventId: e.id,
      problem: 'text-hash-mismatch',
      message: `event ${e.id} (seq ${e.seq}): the text shown does not match its text hash`,
    };
  }
  if (!equalPublicDigest(eventHash(e), e.hash)) {
    return {
      seq: e.seq,
      eventId: e.id,
      problem: 'hash-mismatch',
      message: `event ${e.id} (seq ${e.seq}): its fields do not match its hash (altered)`,
    };
  }
  return null;
}

/**
 * Checks a contiguous run of an account's chain continuing from `cursor`. Returns the first
 * problem, or the cursor after the last event.
 */
export function checkChainPage(
  events: ConsentEvent[],
  cursor: ChainCursor,
): { problem: ChainProblem | null; cursor: ChainCursor } {
  let at = cursor;
  const textHashes = new Map<string, string>();
  for (const e of events) {
    if (e.seq !== at.seq + 1) {
      return {
        problem: {
          seq: at.seq + 1,
          eventId: e.id,
          problem: 'seq-gap',
          message: `event seq ${at.seq + 1} is missing (next found: ${e.seq}): an event was deleted`,
        },
        cursor: at,
      };
    }
    if (!equalPublicDigest(e.prevHash, at.hash)) {
      return {
        problem: {
          seq: e.seq,
          eventId: e.id,
          problem: 'prev-hash-mismatch',
          message: `event ${e.id} (seq ${e.seq}): does not link to the previous event's hash`,
        },
        cursor: at,
      };
    }
    const own = checkEvent(e, textHashes);
    if (own) return { problem: own, cursor: at };
    at = { seq: e.seq, hash: e.hash };
  }
  return { problem: null, cursor: at };
}

/**
 * checkChainPage over rows as stored (ChainRow: no event objects, no per-row validation beyond
 * what the store did), for `assent ledger verify`. The same checks in the same order: seq
 * continuity, the link to the previous hash, the text hash, the event's own hash.
 */
export function checkChainRows(rows: ChainRow[], cursor: ChainCursor): { problem: ChainProblem | null; cursor: ChainCursor } {
  let atSeq = cursor.seq;
  let atHash = cursor.hash;
  // Texts repeat (one per form version): the previous row's text and a small cache spare re-hashing.
  let lastText: string | null = null;
  let lastTextHash = '';
  const textHashes = new Map<string, string>();
  for (const r of rows) {
    const seq = r[17] as number;
    const id = r[9] as string;
    if (seq !== atSeq + 1) {
      return {
        problem: {
          seq: atSeq + 1,
          eventId: id,
          problem: 'seq-gap',
          message: `event seq ${atSeq + 1} is missing (next found: ${seq}): an event was deleted`,
        },
        cursor: { seq: atSeq, hash: atHash },
      };
    }
    if (typeof r[16] !== 'string' || !equalPublicDigest(r[16], atHash)) {
      return {
        problem: {
          seq,
          eventId: id,
          problem: 'prev-hash-mismatch',
          message: `event ${id} (seq ${seq}): does not link to the previous event's hash`,
        },
        cursor: { seq: atSeq, hash: atHash },
      };
    }
    const text = r[21] as string;
    if (text !== lastText) {
      let h = textHashes.get(text);
      if (h === undefined) {
        h = sha256Hex(text);
        if (textHashes.size < TEXT_HASH_CACHE_SIZE) textHashes.set(text, h);
      }
      lastText = text;
      lastTextHash = h;
    }
    if (typeof r[20] !== 'string' || !equalPublicDigest(lastTextHash, r[20])) {
      return {
        problem: {
          seq,
          eventId: id,
          problem: 'text-hash-mismatch',
          message: `event ${id} (seq ${seq}): the text shown does not match its text hash`,
        },
        cursor: { seq: atSeq, hash: atHash },
      };
    }
    const hash = r[23] as string;
    if (!equalPublicDigest(sha256Hex(atHash + canonicalRowJson(r)), hash)) {
      return {
        problem: {
          seq,
          eventId: id,
          problem: 'hash-mismatch',
          message: `event ${id} (seq ${seq}): its fields do not match its hash (altered)`,
        },
        cursor: { seq: atSeq, hash: atHash },
      };
    }
    atSeq = seq;
    atHash = hash;
  }
  return { problem: null, cursor: { seq: atSeq, hash: atHash } };
}

/** The check of one seq range of a chain, done on its own (e.g. by one of several workers). */
export interface RangeCheck {
  afterSeq: number;
  toSeq: number;
  events: number;
  /** prevHash of the range's first event: must equal the verified hash of the previous range's last event. */
  firstPrevHash: string | null;
  /** The last event checked (its hash recomputed and matching). */
  last: ChainCursor | null;
  problem: ChainProblem | null;
}

/**
 * Joins range checks (in seq order, covering 1..head) into one verdict: the first problem of
 * the earliest range wins; every boundary link and the head are checked here.
 */
export function combineRangeChecks(
  accountId: string,
  ranges: RangeCheck[],
  head: { lastSeq: number; lastHash: string },
): ChainVerification {
  let events = 0;
  let at: ChainCursor = CHAIN_START;
  for (const [i, r] of ranges.entries()) {
    if (r.problem) return { accountId, events, ok: false, firstProblem: r.problem };
    if (r.events > 0) {
      if (r.firstPrevHash === null || !equalPublicDigest(r.firstPrevHash, at.hash)) {
        return {
          accountId,
          events,
          ok: false,
          firstProblem: {
            seq: r.afterSeq + 1,
            eventId: null,
            problem: 'prev-hash-mismatch',
            message: `event seq ${r.afterSeq + 1}: does not link to the previous event's hash`,
          },
        };
      }
      at = r.last ?? at;
    }
    // A short last range means the newest events are gone: the head check below names it.
    if (i < ranges.length - 1 && at.seq !== r.toSeq) {
      return {
        accountId,
        events,
        ok: false,
        firstProblem: {
          seq: at.seq + 1,
          eventId: null,
          problem: 'seq-gap',
          message: `event seq ${at.seq + 1} is missing: an event was deleted`,
        },
      };
    }
    events += r.events;
  }
  if (head.lastSeq !== at.seq || !equalPublicDigest(head.lastHash, at.hash)) {
    return {
      accountId,
      events,
      ok: false,
      firstProblem: {
        seq: head.lastSeq,
        eventId: null,
        problem: 'head-mismatch',
        message: `the chain head (seq ${head.lastSeq}) does not match the last event (seq ${at.seq}): events were removed from the end`,
      },
    };
  }
  return { accountId, events, ok: true, firstProblem: null };
}
