// The `inbound.process` job (REP-01..03, ABU-01/02, MSG-01 mailto): one stored item, classified,
// traced to what Assent sent, and acted on. Idempotent: an item is processed once (its status
// leaves 'received'), and each bounce / complaint row is unique per (item, position), so a job
// that ran twice after a crash records and suppresses nothing twice.
import { SOFT_BOUNCES_IN_A_ROW } from '../../../policy/reputation.ts';
import { classifyBounce, type BounceResult } from '../bounces/classify.ts';
import { providerEventMessageIds, providerEventResults } from '../bounces/provider-events.ts';
import { newId } from '../ids.ts';
import { equalPublicDigest } from '../tokens/constant-time.ts';
import type { Clock, Logger } from '../ports.ts';
import { addressHash, normalizeAddress } from '../suppression/address.ts';
import type { SuppressionService } from '../suppression/service.ts';
import type { SystemMailService } from '../system-mail/types.ts';
import type { UnsubscribeContext } from '../unsubscribe/service.ts';
import { maskAddress } from '../unsubscribe/service.ts';
import { reportedMessages } from './forwarded.ts';
import type { ComplaintRow, ComplaintSource, EnforcementStore, InboundRow, InboundStore, TraceLookup } from './ports.ts';
import { mergeKeys, NO_KEYS, sameRecipient, traceOf, type Trace } from './trace.ts';
import { traceKeys, traceKeysFromText } from './trace-keys.ts';
import type { FormReport, TraceKeys } from './types.ts';

/** Feedback types that are a recipient's "this is spam" (RFC 5965 §7.3; 'other' included). */
const COMPLAINT_TYPES = new Set(['abuse', 'fraud', 'virus', 'other', 'complaint', 'auth-failure']);
/** Feedback types that mean "take me off this list" (draft ARF opt-out, provider unsubscribe events). */
const OPT_OUT_TYPES = new Set(['opt-out', 'unsubscribe']);

export interface ProcessorDeps {
  secret: string;
  inbound: InboundStore;
  store: EnforcementStore;
  lookup: TraceLookup;
  suppression: SuppressionService;
  unsubscribe: { unsubscribe(token: string, ctx: UnsubscribeContext): Promise<unknown> };
  systemMail: SystemMailService;
  /** Asks the reputation rules to look at the account (queued, collapsed per account). */
  evaluate(accountId: string): Promise<void>;
  clock: Clock;
  logger: Logger;
}

/** What processing did, kept on the item (the operator's inbound view shows it). */
export interface ItemOutcome {
  results: { kind: string; recipient: string; status: string; reason: string; traced: Trace['by']; action: string }[];
}

export interface InboundProcessor {
  process(id: string): Promise<ItemOutcome | null>;
}

export function createInboundProcessor(deps: ProcessorDeps): InboundProcessor {
  const { store, clock } = deps;
  const now = () => clock.now().toISOString();

  const hashOf = (address: string | null) => {
    const n = address ? normalizeAddress(address) : null;
    return n ? addressHash(n) : null;
  };

  /** Trace keys of the messages a DSN or report carries (message/rfc822, text/rfc822-headers, inline forwards). */
  function carriedKeys(raw: Buffer): TraceKeys {
    return mergeKeys(
      ...reportedMessages(raw).map((m) => (m.source === 'inline-forward' ? traceKeysFromText(m.headers) : traceKeys(m.headers))),
    );
  }

  function feedbackKeys(r: BounceResult): TraceKeys {
    const f = r.feedback;
    if (!f) return NO_KEYS;
    const lines = [
      f.originalMailFrom ? `Return-Path: <${f.originalMailFrom}>` : '',
      f.original.returnPath ? `Return-Path: ${f.original.returnPath}` : '',
      f.original.messageId ? `Message-ID: ${f.original.messageId}` : '',
      f.original.feedbackId ? `Feedback-ID: ${f.original.feedbackId}` : '',
    ].filter(Boolean);
    return mergeKeys(traceKeys(lines.join('\r\n')), f.originalHeaderText ? traceKeys(f.originalHeaderText) : NO_KEYS);
  }

  async function bounce(item: InboundRow, seq: number, r: BounceResult, trace: Trace): Promise<string> {
    if (!trace.proven) return 'untraceable';
    const d = trace.delivery;
    if (!sameRecipient(r.recipient, d)) return 'recipient-mismatch';
    const kind = r.kind as 'hard' | 'soft' | 'policy-block';
    const fresh = await store.addBounce({
      id: newId(clock),
      inboundId: item.id,
      seq,
      accountId: d.accountId,
      campaignId: d.campaignId,
      contactId: d.contactId,
      kind,
      status: r.status,
      reason: r.reason,
      reply: r.reply.slice(0, 1000),
      at: now(),
    });
    if (!fresh) return 'already-recorded';
    const source = `bounce:${item.id}`;
    if (kind === 'policy-block') {
      // The remote side refused the sender, not the address: an incident, never a suppression.
      const incident = await store.openIncident({
        id: newId(clock),
        kind: 'policy-block',
        subjectKind: 'domain',
        subject: d.fromDomain,
        accountId: d.accountId,
        summary: `A mailbox provider refused mail from ${d.fromDomain} (${r.status}${r.reason ? `, ${r.reason}` : ''}).`,
        details: { status: r.status, reason: r.reason, reply: r.reply.slice(0, 500), relay: d.relay, campaignId: d.campaignId },
        occurrences: 1,
        openedAt: now(),
        lastSeenAt: now(),
        closedAt: null,
        closedBy: null,
        closeNote: null,
      });
      return incident.opened ? 'incident-opened' : 'incident-updated';
    }
    await store.markRecordBounced(d.campaignId, d.contactId, kind, r.reply, now());
    const hash = hashOf(d.address);
    if (kind === 'hard') {
      if (hash) {
        await deps.suppression.addHash(d.accountId, hash, 'hard-bounce', source);
        await deps.suppression.addHash(null, hash, 'hard-bounce', source);
      }
      await deps.evaluate(d.accountId);
      return 'suppressed';
    }
    const recent = await store.recentOutcomes(d.accountId, d.contactId, SOFT_BOUNCES_IN_A_ROW);
    if (
      hash &&
      recent.length >= SOFT_BOUNCES_IN_A_ROW &&
      recent.every((o) => o.status === 'bounced' && o.bounceType === 'soft')
    ) {
      await deps.suppression.addHash(d.accountId, hash, 'soft-bounce', source);
      return 'suppressed-soft-in-a-row';
    }
    return 'counted-soft';
  }

  async function complaint(
    item: InboundRow,
    seq: number,
    input: { source: ComplaintSource; feedbackType: string; recipient: string; reporter: string | null; comment: string | null },
    trace: Trace,
  ): Promise<string> {
    const proven = trace.proven && sameRecipient(input.source === 'arf' ? input.recipient : '', trace.delivery);
    const row: ComplaintRow = {
      id: newId(clock),
      inboundId: item.id,
      seq,
      source: input.source,
      feedbackType: input.feedbackType,
      accountId: trace.proven ? trace.delivery.accountId : trace.by === 'feedback-id' ? trace.accountId : null,
      campaignId: trace.proven ? trace.delivery.campaignId : trace.by === 'feedback-id' ? trace.campaignId : null,
      contactId: trace.proven ? trace.delivery.contactId : null,
      tracedBy: trace.by,
      counted: proven,
      reporter: input.reporter,
      comment: input.comment,
      reviewStatus: 'open',
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      receivedAt: now(),
    };
    if (!(await store.addComplaint(row))) return 'already-recorded';
    if (!proven || !trace.proven) return 'kept-for-review';
    const d = trace.delivery;
    const source = `complaint:${row.id}`;
    // REP-02: suppressed across the account at once; nothing more goes to them, not even a confirmation.
    const hash = hashOf(d.address);
    if (hash) await deps.suppression.addHash(d.accountId, hash, 'complaint', source);
    // ABU-02: the reporter's own address too, when it is another one (a forward from a second mailbox).
    const reporterHash = hashOf(input.reporter);
    if (reporterHash && !(hash && equalPublicDigest(reporterHash, hash)))
      await deps.suppression.addHash(d.accountId, reporterHash, 'complaint', source);
    try {
      await deps.systemMail.enqueueToOwners({
        accountId: d.accountId,
        template: 'complaint-received',
        category: 'critical',
        data: {
          campaignName: d.campaignName,
          source: input.source === 'abuse-mailbox' || input.source === 'report-form' ? 'spam-report' : 'feedback-loop',
          recipient: maskAddress(d.address),
          receivedAt: `${row.receivedAt.slice(0, 16).replace('T', ' ')} UTC`,
        },
      });
    } catch (err) {
      deps.logger.error({ err, accountId: d.accountId }, 'complaint notice could not be queued');
    }
    await deps.evaluate(d.accountId);
    return 'suppressed';
  }

  async function optOut(trace: Trace, r: BounceResult): Promise<string> {
    if (!trace.proven || !sameRecipient(r.recipient, trace.delivery)) return 'untraceable';
    const hash = hashOf(trace.delivery.address);
    // A provider's "unsubscribe" carries no list token of ours: the address leaves the account.
    if (hash) await deps.suppression.addHash(trace.delivery.accountId, hash, 'unsubscribe-all', 'provider-opt-out');
    return 'unsubscribed';
  }

  async function handleMail(item: InboundRow, out: ItemOutcome) {
    const envelope = item.envelope;
    const mailbox = item.mailbox;
    if (mailbox === 'unsubscribe') {
      // MSG-01: the List-Unsubscribe mailto. The token in the address is the credential.
      const rcpt = envelope?.rcptTo.find((r) => r.mailbox === 'unsubscribe');
      const local = rcpt ? rcpt.address.slice(0, rcpt.address.lastIndexOf('@')) : '';
      const token = local.slice(local.indexOf('+') + 1);
      let action = 'refused';
      try {
        await deps.unsubscribe.unsubscribe(token, {
          ip: envelope?.remoteAddress ?? '',
          userAgent: 'mailto',
          textShown: '',
          via: 'mailto',
        });
        action = 'unsubscribed';
      } catch (err) {
        deps.logger.warn({ err, id: item.id }, 'mailto unsubscribe refused');
      }
      out.results.push({
        kind: 'unsubscribe',
        recipient: '',
        status: '',
        reason: '',
        traced: action === 'unsubscribed' ? 'unsubscribe-token' : 'none',
        action,
      });
      return;
    }
    const results = classifyBounce(item.raw);
    const envelopeKeys = mergeKeys(
      ...(envelope?.rcptTo ?? [])
        .filter((r) => r.mailbox === 'bounce')
        .map((r) => ({ ...NO_KEYS, verpLocalParts: [r.address.slice(0, r.address.lastIndexOf('@'))] })),
    );
    const carried = carriedKeys(item.raw);
    const isReport = mailbox === 'abuse' && !results.some((r) => r.kind === 'feedback');
    if (isReport) return spamReport(item, out, 'abuse-mailbox', carried, envelope?.mailFrom || fromHeader(item.raw), null);
    let seq = 0;
    for (const r of results) {
      seq++;
      let action = 'none';
      let trace: Trace = { proven: false, by: 'none' };
      if (r.kind === 'hard' || r.kind === 'soft' || r.kind === 'policy-block') {
        trace = await traceOf(deps.secret, deps.lookup, mergeKeys(envelopeKeys, carried));
        action = await bounce(item, seq, r, trace);
      } else if (r.kind === 'feedback') {
        trace = await traceOf(deps.secret, deps.lookup, mergeKeys(feedbackKeys(r), carried, envelopeKeys));
        const type = r.feedbackType.toLowerCase();
        if (OPT_OUT_TYPES.has(type)) action = await optOut(trace, r);
        else if (COMPLAINT_TYPES.has(type) || type === '')
          action = await complaint(
            item,
            seq,
            { source: 'arf', feedbackType: type || 'abuse', recipient: r.recipient, reporter: null, comment: null },
            trace,
          );
        else action = 'ignored';
      }
      out.results.push({ kind: r.kind, recipient: r.recipient, status: r.status, reason: r.reason, traced: trace.by, action });
    }
  }

  async function spamReport(
    item: InboundRow,
    out: ItemOutcome,
    source: 'abuse-mailbox' | 'report-form',
    keys: TraceKeys,
    reporter: string | null,
    comment: string | null,
  ) {
    const trace = await traceOf(deps.secret, deps.lookup, keys);
    const action = await complaint(item, 1, { source, feedbackType: 'abuse', recipient: '', reporter, comment }, trace);
    out.results.push({ kind: 'spam-report', recipient: reporter ?? '', status: '', reason: '', traced: trace.by, action });
  }

  async function handleEvent(item: InboundRow, out: ItemOutcome) {
    const source = item.source as 'ses' | 'sendgrid';
    const payload = item.raw.toString('utf8');
    const keys: TraceKeys = { ...NO_KEYS, messageIds: providerEventMessageIds(source, payload).map(bracketed) };
    let seq = 0;
    for (const r of providerEventResults(source, payload)) {
      seq++;
      let action = 'none';
      let trace: Trace = { proven: false, by: 'none' };
      if (r.kind === 'hard' || r.kind === 'soft' || r.kind === 'policy-block') {
        trace = await traceOf(deps.secret, deps.lookup, keys);
        action = await bounce(item, seq, r, trace);
      } else if (r.kind === 'feedback') {
        trace = await traceOf(deps.secret, deps.lookup, keys);
        const type = r.feedbackType.toLowerCase();
        action = OPT_OUT_TYPES.has(type)
          ? await optOut(trace, r)
          : await complaint(
              item,
              seq,
              { source, feedbackType: type || 'abuse', recipient: r.recipient, reporter: null, comment: null },
              trace,
            );
      }
      out.results.push({ kind: r.kind, recipient: r.recipient, status: r.status, reason: r.reason, traced: trace.by, action });
    }
  }

  return {
    async process(id) {
      const item = await deps.inbound.get(id);
      if (!item || item.status !== 'received') return null;
      const out: ItemOutcome = { results: [] };
      try {
        if (item.source === 'smtp') await handleMail(item, out);
        else if (item.source === 'report-form') {
          const report = JSON.parse(item.raw.toString('utf8')) as FormReport;
          const text = String(report.message ?? '');
          const keys = mergeKeys(traceKeysFromText(text), carriedKeys(Buffer.from(text, 'utf8')));
          await spamReport(
            item,
            out,
            'report-form',
            keys,
            String(report.reporterEmail ?? '') || null,
            String(report.comment ?? '') || null,
          );
        } else await handleEvent(item, out);
      } catch (err) {
        deps.logger.error({ err, id }, 'inbound item could not be processed');
        // Kept as failed (the operator's inbound counts show it) rather than retried for ever.
        await deps.inbound.finish(id, 'failed', { ...out, error: err instanceof Error ? err.message : String(err) }, now());
        return out;
      }
      const traced = out.results.some((r) => r.traced !== 'none');
      const acted = out.results.some((r) => r.action !== 'none' && r.action !== 'ignored');
      await deps.inbound.finish(id, traced || !acted ? 'processed' : 'untraceable', out, now());
      return out;
    },
  };
}

const bracketed = (id: string) => (id.startsWith('<') ? id : `<${id}>`);

function fromHeader(raw: Buffer): string | null {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const m = /^from:[^\n]*?([^\s<>"]+@[^\s<>"]+)/im.exec(end === -1 ? head : head.slice(0, end));
  return m?.[1] ?? null;
}
