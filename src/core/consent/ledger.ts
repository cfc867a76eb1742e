// The consent service: the only writer of the consent ledger (CON-07, CON-08) and of its
// projection. Every append is one transaction: chain head locked, events hash-linked, state
// projected.
import { invalid, notFound } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { ROW, eventHash, sha256Hex } from './canonical.ts';
import { buildProofBundle, type ProofBundle } from './proof.ts';
import { applyEvent } from './projection.ts';
import { stateKey, type ChainHead, type ConsentStore, type StateKey } from './store.ts';
import type {
  ChainVerification,
  ConsentEvent,
  ConsentEvidence,
  ConsentState,
  NewConsentEvent,
  WithdrawalSource,
} from './types.ts';
import { CHAIN_START, checkChainRows, combineRangeChecks, type ChainCursor, type RangeCheck } from './verify.ts';
import { newId as uuidV7 } from '../ids.ts';
import { checkConsentTime } from './intake-policy.ts';

/** Most events one record() call appends (one transaction). Imports call it per batch. */
export const MAX_EVENTS_PER_APPEND = 5_000;
/** Longest text shown we store per event (a consent box text with its purpose statement). */
export const MAX_TEXT_SHOWN_LENGTH = 20_000;
/** Events read per page while verifying a chain (constant memory). */
export const VERIFY_PAGE_SIZE = 5_000;
const MAX_PARTNERS = 10; // CON-05: at most 10 co-registration partners

export interface ConsentService {
  /** Appends events atomically (all or none) and projects them; returns the stored events in chain order. */
  record(accountId: string, events: NewConsentEvent[]): Promise<ConsentEvent[]>;
  /** Appends a 'withdrawn' event for each given list (or every list) whose consent is not already withdrawn. */
  withdraw(accountId: string, contactId: string, listIds: string[] | 'all', source: WithdrawalSource): Promise<ConsentEvent[]>;
  stateFor(accountId: string, contactId: string): Promise<ConsentState[]>;
  eventsFor(accountId: string, contactId: string): Promise<ConsentEvent[]>;
  proofBundle(accountId: string, contactId: string): Promise<ProofBundle>;
  /** Streams the account's whole chain (up to its current head) from the database and checks every link. */
  verifyChain(accountId: string): Promise<ChainVerification>;
  /** Checks the events with afterSeq < seq ≤ toSeq on their own (a slice for parallel verify; see combineRangeChecks). */
  checkRange(accountId: string, afterSeq: number, toSeq: number): Promise<RangeCheck>;
  chainHead(accountId: string): Promise<ChainHead>;
  accountsWithChains(): Promise<string[]>;
}

export interface ConsentDeps {
  store: ConsentStore;
  clock: Clock;
  newId?: () => string;
}

export function createConsentService(deps: ConsentDeps): ConsentService {
  const newId = deps.newId ?? (() => uuidV7(deps.clock));

  async function record(accountId: string, input: NewConsentEvent[]): Promise<ConsentEvent[]> {
    if (input.length === 0) return [];
    if (input.length > MAX_EVENTS_PER_APPEND)
      throw invalid('TOO_MANY_EVENTS', `At most ${MAX_EVENTS_PER_APPEND} consent events per call.`);
    const clockNow = deps.clock.now();
    const now = clockNow.toISOString();
    for (const e of input) validateNew(e);
    // CON-13: no event of any path (form, import, API, operator) carries a time that has not
    // happened; a time within the clock-skew allowance is recorded as now.
    const times = input.map((e) => ({
      occurredAt: e.occurredAt ? checkConsentTime('occurredAt', e.occurredAt, clockNow) : now,
      confirmedAt: e.confirmedAt ? checkConsentTime('confirmedAt', e.confirmedAt, clockNow) : null,
    }));
    const listIds = [...new Set(input.map((e) => e.listId))];
    const contactIds = [...new Set(input.map((e) => e.contactId))];
    const formIds = [...new Set(input.flatMap((e) => (e.formId ? [e.formId] : [])))];
    const [lists, live, forms] = await Promise.all([
      deps.store.listFacts(accountId, listIds),
      deps.store.liveContactIds(accountId, contactIds),
      formIds.length > 0 ? deps.store.formVersions(accountId, formIds) : new Map<string, number>(),
    ]);
    for (const e of input) {
      const channel = lists.get(e.listId)?.channel;
      if (!channel) throw notFound('LIST_NOT_FOUND', 'No such list in this account.');
      if (channel !== e.channel)
        throw invalid('CHANNEL_MISMATCH', `List ${e.listId} is a ${channel} list; consent must name that channel (CON-01).`);
      if (!live.has(e.contactId)) throw notFound('CONTACT_NOT_FOUND', 'No such contact in this account.');
      checkFormRef(e, forms);
    }
    const keys: StateKey[] = input.map((e) => ({ contactId: e.contactId, listId: e.listId, channel: e.channel }));
    return deps.store.append(accountId, keys, (head, states) => {
      let prevHash = head.lastHash;
      let seq = head.lastSeq;
      const events: ConsentEvent[] = [];
      const touched = new Map<string, ConsentState>();
      for (const [i, n] of input.entries()) {
        seq += 1;
        const fields: Omit<ConsentEvent, 'hash'> = {
          seq,
          id: newId(),
          accountId,
          contactId: n.contactId,
          listId: n.listId,
          channel: n.channel,
          kind: n.kind,
          sourceType: n.sourceType,
          sourceId: n.sourceId ?? null,
          formId: n.formId ?? null,
          formVersion: n.formVersion ?? null,
          textShown: n.textShown,
          textHash: sha256Hex(n.textShown),
          partners: n.partners ?? [],
          ip: n.ip ?? null,
          userAgent: n.userAgent ?? null,
          language: n.language ?? null,
          occurredAt: times[i]!.occurredAt,
          confirmedAt: times[i]!.confirmedAt,
          confirmIp: n.confirmIp ?? null,
          confirmUserAgent: n.confirmUserAgent ?? null,
          evidence: withListVersion(n, lists.get(n.listId)!.version),
          prevHash,
        };
        const event: ConsentEvent = { ...fields, hash: eventHash(fields) };
        const k = stateKey(event);
        touched.set(k, applyEvent(touched.get(k) ?? states.get(k), event));
        events.push(event);
        prevHash = event.hash;
      }
      return { events, states: [...touched.values()] };
    });
  }

  async function checkRange(accountId: string, afterSeq: number, toSeq: number): Promise<RangeCheck> {
    const range: RangeCheck = { afterSeq, toSeq, events: 0, firstPrevHash: null, last: null, problem: null };
    let cursor: ChainCursor | null = afterSeq === 0 ? CHAIN_START : null;
    // The next page is read while the current one is hashed (I/O and CPU overlap on PostgreSQL).
    const read = (after: number) => deps.store.chainRows(accountId, after, VERIFY_PAGE_SIZE, toSeq);
    let next = read(afterSeq);
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      const lastSeq = page[page.length - 1]![ROW.seq] as number;
      next = lastSeq < toSeq ? read(lastSeq) : Promise.resolve([]);
      const firstPrev = page[0]![ROW.prevHash] as string;
      if (range.firstPrevHash === null) range.firstPrevHash = firstPrev;
      // A range that does not start the chain links to the previous range's last hash, which
      // combineRangeChecks compares; inside the range every link is checked here.
      const r = checkChainRows(page, cursor ?? { seq: afterSeq, hash: firstPrev });
      if (r.problem) {
        await next.catch(() => []);
        range.problem = r.problem;
        return range;
      }
      range.events += page.length;
      cursor = r.cursor;
      range.last = r.cursor;
    }
    return range;
  }

  return {
    record,

    async withdraw(accountId, contactId, listIds, source) {
      const states = await deps.store.statesForContact(accountId, contactId);
      const wanted = listIds === 'all' ? null : new Set(listIds);
      const open = states.filter((s) => s.status !== 'withdrawn' && (!wanted || wanted.has(s.listId)));
      return record(
        accountId,
        open.map((s) => ({
          contactId,
          listId: s.listId,
          channel: s.channel,
          kind: 'withdrawn',
          sourceType: source.sourceType,
          sourceId: source.sourceId ?? null,
          textShown: source.textShown ?? '',
          ip: source.ip ?? null,
          userAgent: source.userAgent ?? null,
          language: source.language ?? null,
          occurredAt: source.occurredAt,
          evidence: source.evidence,
        })),
      );
    },

    stateFor: (accountId, contactId) => deps.store.statesForContact(accountId, contactId),
    eventsFor: (accountId, contactId) => deps.store.eventsForContact(accountId, contactId),
    accountsWithChains: () => deps.store.accountsWithChains(),
    chainHead: (accountId) => deps.store.chainHead(accountId),

    async proofBundle(accountId, contactId) {
      const live = await deps.store.liveContactIds(accountId, [contactId]);
      const [events, states, head] = await Promise.all([
        deps.store.eventsForContact(accountId, contactId),
        deps.store.statesForContact(accountId, contactId),
        deps.store.chainHead(accountId),
      ]);
      if (!live.has(contactId) && events.length === 0) throw notFound('CONTACT_NOT_FOUND', 'No such contact in this account.');
      return buildProofBundle({ accountId, contactId, events, states, head, generatedAt: deps.clock.now().toISOString() });
    },

    checkRange,

    async verifyChain(accountId) {
      const head = await deps.store.chainHead(accountId);
      const range = await checkRange(accountId, 0, head.lastSeq);
      // Events past the head (appended after it was read) are checked by the next run.
      return combineRangeChecks(accountId, [range], head);
    },
  };
}

/** The kinds by which consent is given: each names the list's wording version it was given under. */
const GIVING_KINDS: ReadonlySet<string> = new Set(['requested', 'granted', 'confirmed', 'reconfirmed']);

/**
 * A consent-giving event carries `evidence.listVersion`: the version of the list's wording
 * (purpose text, frequency, sender name; list_versions) current when it was appended. It is
 * hashed with the event, so a later edit of the list (a new version) cannot change what the
 * event says consent was given to. Set by the ledger, never by the caller.
 */
function withListVersion(e: NewConsentEvent, version: number): ConsentEvidence {
  const evidence = e.evidence ?? {};
  return GIVING_KINDS.has(e.kind) ? { ...evidence, listVersion: version } : evidence;
}

function validateNew(e: NewConsentEvent): void {
  if (e.textShown.length > MAX_TEXT_SHOWN_LENGTH)
    throw invalid('TEXT_TOO_LONG', `The text shown is longer than ${MAX_TEXT_SHOWN_LENGTH} characters.`);
  if ((e.kind === 'requested' || e.kind === 'granted' || e.kind === 'reconfirmed') && e.textShown.trim() === '') {
    // CON-07: a grant without the exact text shown is not proof of anything.
    throw invalid('CONSENT_TEXT_REQUIRED', 'A consent event must carry the exact text that was shown.');
  }
  if ((e.partners?.length ?? 0) > MAX_PARTNERS)
    throw invalid('TOO_MANY_PARTNERS', `At most ${MAX_PARTNERS} partners per consent.`);
  if (e.occurredAt !== undefined && !isIso(e.occurredAt))
    throw invalid('INVALID_TIME', 'occurredAt must be an ISO-8601 UTC time.');
  if (e.confirmedAt != null && !isIso(e.confirmedAt)) throw invalid('INVALID_TIME', 'confirmedAt must be an ISO-8601 UTC time.');
}

/**
 * CON-07: an event naming a form names a form of the same account (and a version it has): the
 * proof of opt-in points at the exact text of that version. Another account's form id answers
 * like a missing one, so nothing leaks across tenants.
 */
function checkFormRef(e: NewConsentEvent, forms: Map<string, number>): void {
  if (e.formVersion != null && !e.formId)
    throw invalid('CONSENT_FORM_REQUIRED', 'formVersion names a version of a form: give formId too.');
  if (!e.formId) return;
  const latest = forms.get(e.formId);
  if (latest === undefined) throw notFound('FORM_NOT_FOUND', `No form ${e.formId} in this account.`);
  if (e.formVersion != null && e.formVersion > latest)
    throw notFound('FORM_VERSION_NOT_FOUND', `Form ${e.formId} has no version ${e.formVersion} (latest is ${latest}).`);
}

// Times are stored as ISO-8601 UTC with milliseconds (ARCHITECTURE.md), so hashes see one spelling.
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
function isIso(s: string): boolean {
  return ISO_RE.test(s) && !Number.isNaN(Date.parse(s));
}
