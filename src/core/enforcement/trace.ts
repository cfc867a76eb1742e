// Tracing (ABU-02, REP-01..03): from what came back to what Assent sent. Proven by a VERP address
// (HMAC), a List-Unsubscribe token (HMAC) or a Message-ID found in the delivery records; a
// Feedback-ID names a campaign but proves no recipient, so it never acts on an account alone.
import { readVerp } from '../tokens/verp.ts';
import { verifyToken } from '../tokens/signed-token.ts';
import type { TraceLookup, TracedBy, TracedDelivery } from './ports.ts';
import type { TraceKeys } from './types.ts';

export type Trace =
  | { proven: true; by: Exclude<TracedBy, 'feedback-id' | 'none'>; delivery: TracedDelivery }
  | { proven: false; by: 'feedback-id'; accountId: string; campaignId: string }
  | { proven: false; by: 'none' };

/** Keys tried per kind; a report quoting more is cut (a crafted message cannot make us look up thousands). */
const MAX_KEYS_PER_KIND = 10;
const FEEDBACK_ID = /^([0-9a-f-]{36}):([0-9a-f-]{36}):campaign:/i;

export const NO_KEYS: TraceKeys = { verpLocalParts: [], unsubscribeTokens: [], messageIds: [], feedbackIds: [] };

export function mergeKeys(...all: TraceKeys[]): TraceKeys {
  const u = (f: (k: TraceKeys) => string[]) => [...new Set(all.flatMap(f))];
  return {
    verpLocalParts: u((k) => k.verpLocalParts),
    unsubscribeTokens: u((k) => k.unsubscribeTokens),
    messageIds: u((k) => k.messageIds),
    feedbackIds: u((k) => k.feedbackIds),
  };
}

/** The strongest trace the keys give, proven ones first (VERP, then token, then Message-ID). */
export async function traceOf(secret: string, lookup: TraceLookup, keys: TraceKeys): Promise<Trace> {
  for (const local of keys.verpLocalParts.slice(0, MAX_KEYS_PER_KIND)) {
    const v = readVerp(secret, local);
    if (!v) continue;
    const d = await lookup.byRecord(v.campaignId, v.contactId);
    if (d) return { proven: true, by: 'verp', delivery: d };
  }
  for (const token of keys.unsubscribeTokens.slice(0, MAX_KEYS_PER_KIND)) {
    // Expiry does not matter here: the signature proves we sent it to this contact.
    const check = verifyToken(secret, 'unsubscribe', token);
    if (!check.ok) continue;
    const [accountId, contactId, , campaignId] = check.fields;
    if (typeof accountId !== 'string' || typeof contactId !== 'string' || typeof campaignId !== 'string') continue;
    const d = await lookup.byRecord(campaignId, contactId);
    if (d && d.accountId === accountId) return { proven: true, by: 'unsubscribe-token', delivery: d };
  }
  for (const id of keys.messageIds.slice(0, MAX_KEYS_PER_KIND)) {
    const d = await lookup.byMessageId(id);
    if (d) return { proven: true, by: 'message-id', delivery: d };
  }
  for (const f of keys.feedbackIds.slice(0, MAX_KEYS_PER_KIND)) {
    const m = FEEDBACK_ID.exec(f.trim());
    if (!m) continue;
    const campaignId = m[1]!.toLowerCase();
    const accountId = m[2]!.toLowerCase();
    if ((await lookup.campaignOwner(campaignId)) === accountId)
      return { proven: false, by: 'feedback-id', campaignId, accountId };
  }
  return { proven: false, by: 'none' };
}

/** A bounce or report naming a recipient other than the traced contact proves nothing about either. */
export function sameRecipient(named: string, delivery: TracedDelivery): boolean {
  if (!named) return true;
  if (!delivery.address) return false;
  return named.trim().toLowerCase() === delivery.address.trim().toLowerCase();
}
