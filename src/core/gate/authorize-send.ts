// The single send-time gate (DEL-01): per recipient, may this message go? Batched — one
// consent query and one suppression query per batch, never per recipient — and fail closed:
// any lookup error refuses the whole batch with 'policy-unavailable'. Every refusal is recorded
// (one bulk insert per batch); a batch whose refusals cannot be recorded is refused whole.
import { AppError } from '../errors.ts';
import { uuidV7At } from '../ids.ts';
import type { Logger } from '../ports.ts';
import type { StandingGate } from '../standing/ports.ts';
import {
  SEND_REFUSALS,
  type AuthorizeSendInput,
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
const REFUSALS = Object.fromEntries(SEND_REFUSALS.map((reason) => [reason, Object.freeze({ allowed: false, reason })])) as Record<
  SendRefusal,
  SendDecision
>;
const refuse = (reason: SendRefusal): SendDecision => REFUSALS[reason];
const ALLOWED: SendDecision = Object.freeze({ allowed: true });

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
export async function standingRefusal(deps: GateDeps, accountId: string, channel: 'email' | 'sms'): Promise<SendRefusal | null> {
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
): Promise<SendRefusal | null> {
  if (!deps.preconditions || !input.contextId) return null;
  try {
    return await deps.preconditions.check(input.accountId, input.contextId, input.channel);
  } catch (err) {
    deps.logger.error(
      { err, accountId: input.accountId, contextId: input.contextId },
      'gate: precondition failed; refusing (fail closed)',
    );
    return 'policy-unavailable';
  }
}

/** Decisions for facts already read, with one suppression query. Throws on lookup errors. */
export async function decideBatch(
  store: GateStore,
  accountId: string,
  facts: RecipientFacts[],
  now: Date,
): Promise<Map<string, SendDecision>> {
  const hashes = facts.map((f) => f.addressHash).filter((h): h is string => h !== null);
  const suppressed = hashes.length > 0 ? await store.suppressedHashes(accountId, hashes) : new Set<string>();
  const cutoff = repermissionCutoff(now);
  const out = new Map<string, SendDecision>();
  for (const f of facts) out.set(f.contactId, decide(f, f.addressHash !== null && suppressed.has(f.addressHash), cutoff));
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
  const all = (reason: SendRefusal) => new Map(ids.map((id) => [id, refuse(reason)] as const));
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
    const decided = await decideBatch(deps.store, input.accountId, facts, input.now);
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
    if (d.allowed) continue;
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
