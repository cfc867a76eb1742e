// CON-08: the chain checks on their own — events and stored rows, page by page and range by
// range — each problem found at the event it starts at, and nothing reported on an intact chain.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sha256Hex } from './canonical.ts';
import { chainOf, linkedEvent, rowOf } from './consent.testkit.ts';
import type { ConsentEvent } from './types.ts';
import {
  CHAIN_START,
  TEXT_HASH_CACHE_SIZE,
  checkChainPage,
  checkChainRows,
  checkEvent,
  combineRangeChecks,
  type RangeCheck,
} from './verify.ts';

const tampered = (e: ConsentEvent, patch: Partial<ConsentEvent>): ConsentEvent => ({ ...e, ...patch });

describe('ledger verify: one event', () => {
  it('[CON-08] an intact event has no problem; an altered text or field is named by kind, id and seq', () => {
    const [e] = chainOf(1);
    expect(checkEvent(e!)).toBeNull();
    expect(checkEvent(tampered(e!, { textShown: 'Yes, send me the news (2).' }))).toEqual({
      seq: 1,
      eventId: 'event-1',
      problem: 'text-hash-mismatch',
      message: 'event event-1 (seq 1): the text shown does not match its text hash',
    });
    expect(checkEvent(tampered(e!, { ip: '192.0.2.2' }))).toEqual({
      seq: 1,
      eventId: 'event-1',
      problem: 'hash-mismatch',
      message: 'event event-1 (seq 1): its fields do not match its hash (altered)',
    });
  });

  it('[CON-08] text hashes computed once are reused from the cache, which stops growing at its size', () => {
    const [e] = chainOf(1);
    // A cached pair is trusted: a wrong one shows the cache is what was read.
    expect(checkEvent(e!, new Map([[e!.textShown, sha256Hex('other')]]))?.problem).toBe('text-hash-mismatch');
    const cache = new Map<string, string>();
    expect(checkEvent(e!, cache)).toBeNull();
    expect(cache.get(e!.textShown)).toBe(e!.textHash);
    const full = new Map(Array.from({ length: TEXT_HASH_CACHE_SIZE - 1 }, (_, i) => [`t${i}`, 'h'] as [string, string]));
    checkEvent(e!, full);
    expect(full.size).toBe(TEXT_HASH_CACHE_SIZE);
    checkEvent(linkedEvent(1, GENESIS_HASH, { textShown: 'another text' }), full);
    expect(full.size).toBe(TEXT_HASH_CACHE_SIZE);
  });
});

describe('ledger verify: a page of events', () => {
  const events = chainOf(4);

  it('[CON-08] an intact page moves the cursor to its last event', () => {
    expect(checkChainPage(events, CHAIN_START)).toEqual({ problem: null, cursor: { seq: 4, hash: events[3]!.hash } });
    expect(checkChainPage(events.slice(2), { seq: 2, hash: events[1]!.hash }).cursor).toEqual({ seq: 4, hash: events[3]!.hash });
    expect(checkChainPage([], CHAIN_START)).toEqual({ problem: null, cursor: CHAIN_START });
  });

  it('[CON-08] a deleted event is a seq gap at the missing seq; the cursor stays at the last good event', () => {
    const r = checkChainPage([events[0]!, events[2]!], CHAIN_START);
    expect(r.problem).toEqual({
      seq: 2,
      eventId: 'event-3',
      problem: 'seq-gap',
      message: 'event seq 2 is missing (next found: 3): an event was deleted',
    });
    expect(r.cursor).toEqual({ seq: 1, hash: events[0]!.hash });
  });

  it('[CON-08] an event not linking to the previous hash, or altered, stops the page there', () => {
    const relinked = [events[0]!, tampered(events[1]!, { prevHash: GENESIS_HASH })];
    expect(checkChainPage(relinked, CHAIN_START)).toEqual({
      problem: {
        seq: 2,
        eventId: 'event-2',
        problem: 'prev-hash-mismatch',
        message: "event event-2 (seq 2): does not link to the previous event's hash",
      },
      cursor: { seq: 1, hash: events[0]!.hash },
    });
    const altered = [events[0]!, tampered(events[1]!, { listId: 'list-2' }), events[2]!];
    expect(checkChainPage(altered, CHAIN_START)).toMatchObject({
      problem: { seq: 2, problem: 'hash-mismatch' },
      cursor: { seq: 1, hash: events[0]!.hash },
    });
  });
});

describe('ledger verify: stored rows', () => {
  const events = chainOf(5);
  const rows = events.map(rowOf);

  it('[CON-08] intact rows move the cursor to the last row, with or without repeated texts', () => {
    expect(checkChainRows(rows, CHAIN_START)).toEqual({ problem: null, cursor: { seq: 5, hash: events[4]!.hash } });
    expect(checkChainRows(rows.slice(3), { seq: 3, hash: events[2]!.hash }).cursor).toEqual({
      seq: 5,
      hash: events[4]!.hash,
    });
    const same = chainOf(0);
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const e = linkedEvent(seq, prev, { textShown: 'One text for all' });
      same.push(e);
      prev = e.hash;
    }
    expect(checkChainRows(same.map(rowOf), CHAIN_START).problem).toBeNull();
  });

  it('[CON-08] a missing row is a seq gap named at the missing seq', () => {
    expect(checkChainRows([rows[0]!, rows[1]!, rows[3]!], CHAIN_START)).toEqual({
      problem: {
        seq: 3,
        eventId: 'event-4',
        problem: 'seq-gap',
        message: 'event seq 3 is missing (next found: 4): an event was deleted',
      },
      cursor: { seq: 2, hash: events[1]!.hash },
    });
  });

  it('[CON-08] a broken or absent link is a prev-hash mismatch', () => {
    for (const prevHash of [GENESIS_HASH, null]) {
      const bad = rowOf({ ...events[1]!, prevHash: prevHash as string });
      expect(checkChainRows([rows[0]!, bad], CHAIN_START)).toEqual({
        problem: {
          seq: 2,
          eventId: 'event-2',
          problem: 'prev-hash-mismatch',
          message: "event event-2 (seq 2): does not link to the previous event's hash",
        },
        cursor: { seq: 1, hash: events[0]!.hash },
      });
    }
  });

  it('[CON-08] an altered text, an absent text hash, or any altered field is found at its row', () => {
    for (const patch of [{ textShown: 'Yes, send me the news (7).' }, { textHash: null as unknown as string }]) {
      const bad = rowOf(tampered(events[2]!, patch));
      expect(checkChainRows([rows[0]!, rows[1]!, bad, rows[3]!], CHAIN_START)).toEqual({
        problem: {
          seq: 3,
          eventId: 'event-3',
          problem: 'text-hash-mismatch',
          message: 'event event-3 (seq 3): the text shown does not match its text hash',
        },
        cursor: { seq: 2, hash: events[1]!.hash },
      });
    }
    // Rows 1 and 3 share a text: the second is checked against its own hash too.
    const sameText = rowOf(tampered(events[2]!, { textHash: sha256Hex('x') }));
    expect(checkChainRows([rows[0]!, rows[1]!, sameText], CHAIN_START).problem?.problem).toBe('text-hash-mismatch');
    const altered = rowOf(tampered(events[2]!, { ip: '203.0.113.1' }));
    expect(checkChainRows([rows[0]!, rows[1]!, altered], CHAIN_START)).toEqual({
      problem: {
        seq: 3,
        eventId: 'event-3',
        problem: 'hash-mismatch',
        message: 'event event-3 (seq 3): its fields do not match its hash (altered)',
      },
      cursor: { seq: 2, hash: events[1]!.hash },
    });
  });
});

describe('ledger verify: ranges checked apart and joined', () => {
  const events = chainOf(6);
  const head = { lastSeq: 6, lastHash: events[5]!.hash };
  const range = (afterSeq: number, toSeq: number, patch: Partial<RangeCheck> = {}): RangeCheck => ({
    afterSeq,
    toSeq,
    events: toSeq - afterSeq,
    firstPrevHash: afterSeq === 0 ? GENESIS_HASH : events[afterSeq - 1]!.hash,
    last: { seq: toSeq, hash: events[toSeq - 1]!.hash },
    problem: null,
    ...patch,
  });

  it('[CON-08] ranges that link up to the head give one verdict counting every event', () => {
    expect(combineRangeChecks('a', [range(0, 2), range(2, 4), range(4, 6)], head)).toEqual({
      accountId: 'a',
      events: 6,
      ok: true,
      firstProblem: null,
    });
    const empty = { afterSeq: 0, toSeq: 0, events: 0, firstPrevHash: null, last: null, problem: null };
    expect(combineRangeChecks('a', [empty], { lastSeq: 0, lastHash: GENESIS_HASH })).toMatchObject({ ok: true, events: 0 });
  });

  it("[CON-08] the earliest range's problem wins, with the events counted before it", () => {
    const problem = { seq: 3, eventId: 'event-3', problem: 'hash-mismatch' as const, message: 'altered' };
    const later = { ...problem, seq: 5 };
    expect(combineRangeChecks('a', [range(0, 2), range(2, 4, { problem }), range(4, 6, { problem: later })], head)).toEqual({
      accountId: 'a',
      events: 2,
      ok: false,
      firstProblem: problem,
    });
  });

  it('[CON-08] a range that does not link to the one before, or has no first link, is a prev-hash mismatch at its start', () => {
    for (const firstPrevHash of [GENESIS_HASH, null]) {
      expect(combineRangeChecks('a', [range(0, 2), range(2, 4, { firstPrevHash }), range(4, 6)], head)).toEqual({
        accountId: 'a',
        events: 2,
        ok: false,
        firstProblem: {
          seq: 3,
          eventId: null,
          problem: 'prev-hash-mismatch',
          message: "event seq 3: does not link to the previous event's hash",
        },
      });
    }
  });

  it('[CON-08] a range ending short of its end is a seq gap after its last event; a short last range is a head mismatch', () => {
    const short = range(0, 3, { events: 2, last: { seq: 2, hash: events[1]!.hash } });
    expect(combineRangeChecks('a', [short, range(3, 6)], head)).toEqual({
      accountId: 'a',
      events: 0,
      ok: false,
      firstProblem: { seq: 3, eventId: null, problem: 'seq-gap', message: 'event seq 3 is missing: an event was deleted' },
    });
    const tail = range(3, 6, { events: 2, last: { seq: 5, hash: events[4]!.hash } });
    expect(combineRangeChecks('a', [range(0, 3), tail], head)).toEqual({
      accountId: 'a',
      events: 5,
      ok: false,
      firstProblem: {
        seq: 6,
        eventId: null,
        problem: 'head-mismatch',
        message: 'the chain head (seq 6) does not match the last event (seq 5): events were removed from the end',
      },
    });
  });

  it('[CON-08] a head whose hash is not the last event checked is a head mismatch', () => {
    const r = combineRangeChecks('a', [range(0, 6)], { lastSeq: 6, lastHash: events[4]!.hash });
    expect(r).toMatchObject({ ok: false, events: 6, firstProblem: { problem: 'head-mismatch', seq: 6 } });
    // A head past the last event checked is a mismatch even when it carries that event's hash.
    const later = combineRangeChecks('a', [range(0, 6)], { lastSeq: 7, lastHash: events[5]!.hash });
    expect(later).toMatchObject({ ok: false, events: 6, firstProblem: { problem: 'head-mismatch', seq: 7 } });
  });

  it('[CON-08] an empty range in the middle keeps the position of the one before', () => {
    const none = { afterSeq: 3, toSeq: 3, events: 0, firstPrevHash: null, last: null, problem: null };
    expect(combineRangeChecks('a', [range(0, 3), none, range(3, 6)], head)).toMatchObject({ ok: true, events: 6 });
  });
});
