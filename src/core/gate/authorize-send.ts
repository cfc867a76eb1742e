// The single send-time gate (DEL-01): per recipient, may this message go? Batched — one
// consent query and one suppression query per batch, never per recipient — and fail closed:
// any lookup error refuses the whole batch with 'policy-unavailable'. Every refusal is recorded
// (one bulk insert per batch); a batch whose refusals cannot be recorded is refused whole.
import { AppError } from '../errors.ts';
import { uuidV7At } from '../ids.ts';
import type { Logger } from '../ports.ts';
import type { StandingGate } from '../standing/ports.ts';
import type { Channel } from '../consent/types.ts';
import { isKnownTimeZone } from '../sms/local-time.ts';
import { quietHoursDecision } from '../sms/quiet-hours.ts';
import { recipientZones, type ZoneIndex } from './recipient-zones.ts';
import {
  SEND_REFUSALS,
  type AuthorizeSendInput,
  type FinalRefusal,
  type GateStore,
  type RecipientFacts,
  type SendDecision,
  type SendPreconditions,
  type SendRefusal,
  type SendRefusalRecord,
} from './types.ts';

/** Most contacts one authorizeSend() call decides (one query each for consent and suppression). */
export const MAX_GATE_BATCH = 10_000;
/** CON-12: consent older than this with no send since needs re-permission. */
export const REPERMISSION_AFTER_MONTHS = 24;

export interface GateDeps {
  store: GateStore;
  standing: StandingGate;
  logger: Logger;
  /** The sender's own conditions (a campaign's content, domain, postal address), asked per batch with a contextId. */
  preconditions?: SendPreconditions;
  /** Told after each batch's refusals are recorded (metrics); a listener failure changes nothing. */
  onRecorded?: (event: RefusalsRecorded) => void;
}

/** One batch's recorded refusals, counted by reason. */
export interface RefusalsRecorded {
  accountId: string;
  listId: string;
  channel: SendRefusalRecord['channel'];
  contextId: string | null;
  counts: Partial<Record<SendRefusal, number>>;
}

// One frozen decision per outcome: a batch of 10,000 decisions allocates no decision objects.
// (A quiet-hours deferral carries its instant: quietHoursStep makes one per zone set.)
const FINAL_REFUSALS = SEND_REFUSALS.filter((reason): reason is FinalRefusal => reason !== 'quiet-hours');
const REFUSALS = Object.fromEntries(
  FINAL_REFUSALS.map((reason) => [reason, Object.freeze({ allowed: false, reason })]),
) as Record<FinalRefusal, SendDecision>;
const refuse = (reason: FinalRefusal): SendDecision => REFUSALS[reason];
const ALLOWED: SendDecision = Object.freeze({ allowed: true });
const NO_ZONES: readonly string[] = Object.freeze([]);

/**
 * SMS-03: the quiet-hours step for one batch (or one dry run) at `now`, applied to recipients the
 * other rules allow. The zones: the contact's stated zone when it has one Intl knows (an import or
 * form said where the person is), else the number's (in memory, recipient-zones.ts). Decisions are
 * memoized per zone set: a batch works out quiet hours once per distinct zone set, not per
 * recipient; recipients with the same set share one frozen decision (and its deferUntil).
 */
export function quietHoursStep(
  now: Date,
  zones: ZoneIndex = recipientZones,
): (f: Pick<RecipientFacts, 'phone' | 'timeZone'>) => SendDecision {
  const stated = new Map<string, readonly string[]>();
  const memo = new Map<readonly string[], SendDecision>();
  const zonesOf = (f: Pick<RecipientFacts, 'phone' | 'timeZone'>): readonly string[] => {
    if (f.timeZone) {
      let z = stated.get(f.timeZone);
      if (!z) stated.set(f.timeZone, (z = isKnownTimeZone(f.timeZone) ? Object.freeze([f.timeZone]) : NO_ZONES));
      if (z.length > 0) return z;
    }
    return f.phone ? zones.zonesOf(f.phone) : NO_ZONES;
  };
  return (f) => {
    const set = zonesOf(f);
    let d = memo.get(set);
    if (!d) {
      const q = quietHoursDecision(set, now);
      d = q.allowed
        ? ALLOWED
        : q.reason === 'quiet-hours'
          ? Object.freeze({ allowed: false, reason: 'quiet-hours', deferUntil: q.sendableAt })
          : refuse('quiet-hours-unknown');
      memo.set(set, d);
    }
    return d;
  };
}

/** True for a decision that only waits (SMS-03 quiet hours): not a refusal, never recorded as one. */
export function isDeferral(d: SendDecision): d is Extract<SendDecision, { reason: 'quiet-hours' }> {
  return !d.allowed && d.reason === 'quiet-hours';
}

/** The instant before which consent (and a send) is too old for CON-12, as ISO text. */
export function repermissionCutoff(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - REPERMISSION_AFTER_MONTHS);
  return d.toISOString();
}

/** The decision for one recipient from its facts. Order: the hardest refusal first. */
export function decide(f: RecipientFacts | undefined, suppressed: boolean, cutoff: string): SendDecision {
  if (!f) return refuse('no-consent');
  if (f.erased || suppressed) return refuse('suppressed');
  if (f.addressHash === null) return refuse('no-consent');
  if (f.status === null) return refuse('no-consent');
  if (f.status === 'withdrawn') return refuse('withdrawn');
  if (f.status === 'pending') return refuse('pending-confirmation');
  if (f.hold !== null) return refuse('list-unapproved');
  const consentAt = maxIso(f.grantedAt, f.confirmedAt);
  if (consentAt === null || (consentAt < cutoff && (f.lastSentAt === null || f.lastSentAt < cutoff)))
    return refuse('repermission-needed');
  return ALLOWED;
}

function maxIso(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** Account standing: null when the account may use the channel, else the refusal. */
export async function standingRefusal(deps: GateDeps, accountId: string, channel: 'email' | 'sms'): Promise<FinalRefusal | null> {
  try {
    await deps.standing.assertServiceAllowed(accountId, channel);
    return null;
  } catch (err) {
    if (err instanceof AppError && err.kind === 'forbidden') return 'account-restricted';
    deps.logger.error({ err, accountId }, 'gate: standing lookup failed; refusing (fail closed)');
    return 'policy-unavailable';
  }
}

/** The sender's precondition for this batch: null when it may go; fail closed on any error. */
export async function preconditionRefusal(
  deps: GateDeps,
  input: Pick<AuthorizeSendInput, 'accountId' | 'channel' | 'contextId'>,
): Promise<FinalRefusal | null> {
  if (!deps.preconditions || !input.contextId) return null;
  try {
    const refusal = await deps.preconditions.check(input.accountId, input.contextId, input.channel);
    // A deferral is decided per recipient (SMS-03), never for a whole batch: fail closed.
    if (refusal === 'quiet-hours') throw new Error('a precondition cannot defer a whole batch');
    return refusal;
  } catch (err) {
    deps.logger.error(
      { err, accountId: input.accountId, contextId: input.contextId },
      'gate: precondition failed; refusing (fail closed)',
    );
    return 'policy-unavailable';
  }
}

/**
 * Decisions for facts already read, with one suppression query. Throws on lookup errors. For an
 * SMS list (`channel` 'sms') the recipients the other rules allow then meet quiet hours (SMS-03);
 * email never does.
 */
export async function decideBatch(
  store: GateStore,
  accountId: string,
  facts: RecipientFacts[],
  now: Date,
  channel: Channel = 'email',
): Promise<Map<string, SendDecision>> {
  const hashes = facts.map((f) => f.addressHash).filter((h): h is string => h !== null);
  const suppressed = hashes.length > 0 ? await store.suppressedHashes(accountId, hashes) : new Set<string>();
  const cutoff = repermissionCutoff(now);
  const quiet = channel === 'sms' ? quietHoursStep(now) : null;
  const out = new Map<string, SendDecision>();
  for (const f of facts) {
    const d = decide(f, f.addressHash !== null && suppressed.has(f.addressHash), cutoff);
    out.set(f.contactId, quiet && d.allowed ? quiet(f) : d);
  }
  return out;
}

export async function authorizeSend(deps: GateDeps, input: AuthorizeSendInput): Promise<Map<string, SendDecision>> {
  const ids = [...new Set(input.contactIds)];
  if (ids.length === 0) return new Map();
  if (ids.length > MAX_GATE_BATCH)
    throw new AppError('BATCH_TOO_LARGE', `At most ${MAX_GATE_BATCH} recipients per decision batch.`);
  return recordRefusals(deps, input, await decideRecipients(deps, input, ids));
}

async function decideRecipients(deps: GateDeps, input: AuthorizeSendInput, ids: string[]): Promise<Map<string, SendDecision>> {
  const all = (reason: FinalRefusal) => new Map(ids.map((id) => [id, refuse(reason)] as const));
  const standing = await standingRefusal(deps, input.accountId, input.channel);
  if (standing) return all(standing);
  const precondition = await preconditionRefusal(deps, input);
  if (precondition) return all(precondition);
  try {
    const list = await deps.store.list(input.accountId, input.listId);
    // A list of another account, or of another channel, carries no consent for this send (CON-01).
    if (!list || list.channel !== input.channel) return all('no-consent');
    // An archived list sends nothing (its recipients can still leave it in the preference center).
    if (list.archivedAt !== null) return all('list-archived');
    const facts = await deps.store.recipientFacts(input.accountId, input.listId, input.channel, ids);
    const decided = await decideBatch(deps.store, input.accountId, facts, input.now, list.channel);
    const out = new Map<string, SendDecision>();
    for (const id of ids) out.set(id, decided.get(id) ?? refuse('no-consent'));
    return out;
  } catch (err) {
    deps.logger.error(
      { err, accountId: input.accountId, listId: input.listId },
      'gate: lookup failed; refusing the batch (fail closed)',
    );
    return all('policy-unavailable');
  }
}

/**
 * DEL-01: the gate records a reason for every refusal — one bulk insert per batch, never one per
 * recipient. Fail closed: when the refusals cannot be recorded, the whole batch is refused.
 */
async function recordRefusals(
  deps: GateDeps,
  input: AuthorizeSendInput,
  decided: Map<string, SendDecision>,
): Promise<Map<string, SendDecision>> {
  const decidedAt = input.now.toISOString();
  const at = input.now.getTime();
  const contextId = input.contextId ?? null;
  const rows: SendRefusalRecord[] = [];
  for (const [contactId, d] of decided) {
    // A quiet-hours deferral is not a refusal: the sender re-queues it for deferUntil (SMS-03).
    if (d.allowed || isDeferral(d)) continue;
    rows.push({
      id: uuidV7At(at),
      accountId: input.accountId,
      listId: input.listId,
      contactId,
      channel: input.channel,
      reason: d.reason,
      contextId,
      decidedAt,
    });
  }
  if (rows.length === 0) return decided;
  try {
    await deps.store.recordRefusals(rows);
  } catch (err) {
    deps.logger.error(
      { err, accountId: input.accountId, listId: input.listId },
      'gate: refusals could not be recorded; refusing the batch (fail closed)',
    );
    return new Map([...decided.keys()].map((id) => [id, refuse('policy-unavailable')] as const));
  }
  if (deps.onRecorded) {
    const counts: Partial<Record<SendRefusal, number>> = {};
    for (const r of rows) counts[r.reason] = (counts[r.reason] ?? 0) + 1;
    try {
      deps.onRecorded({ accountId: input.accountId, listId: input.listId, channel: input.channel, contextId, counts });
    } catch (err) {
      deps.logger.error({ err }, 'gate: refusal listener failed');
    }
  }
  return decided;
}
