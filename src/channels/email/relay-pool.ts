// The relay pool (DEL-02): campaign mail to one or more relays over the lean SMTP client
// (smtp-client.ts: persistent pipelined connections, the raw Buffer written as is), each relay
// with its own connections and rate limit. System mail keeps nodemailer (smtp-transport.ts).
// Sends pre-built raw messages (signed by the composer) with an explicit envelope, so nothing
// here touches the bytes DKIM covers.
// Classification (RFC 5321 §4.2.1): 250 at the end of DATA → accepted; 5yz → rejected (a
// synchronous bounce, reply kept); 4yz, garbage, a dropped connection or a timeout → deferred.
// Nothing but a 250 after DATA is ever 'accepted'.
import type { Outbound, OutboundMessage, OutboundResult } from '../../core/delivery/types.ts';
import { createSmtpClient, type SmtpClient } from './smtp-client.ts';

export interface RelayPoolOptions {
  relays: string[];
  /** Pooled connections per relay. */
  maxConnections?: number;
  /** Messages per second per relay. */
  ratePerSecond?: number;
  /** Connection-level failures in a row that mark a relay down. */
  failuresToDown?: number;
  /** How long a down relay is left alone before one message probes it. */
  downForMs?: number;
  socketTimeoutMs?: number;
  connectionTimeoutMs?: number;
  now?: () => number;
}

export const RELAY_FAILURES_TO_DOWN = 5;
export const RELAY_DOWN_MS = 15_000;
const QUEUE_ID = /queued as ([A-Za-z0-9._-]+)/i;

interface Relay {
  name: string;
  client(): SmtpClient;
  opened: SmtpClient | null;
  failures: number;
  downUntil: number;
}

/** The relay's queue id from a 250 reply ("250 2.0.0 Ok: queued as 4Zx…"), when it names one. */
export function queueIdOf(reply: string): string | null {
  return QUEUE_ID.exec(reply)?.[1] ?? null;
}

/** One send failure as a result: 5yz is a rejection, anything else is deferred. */
export function classifyFailure(contactId: string, relay: string, err: unknown): OutboundResult {
  const e = err as { message?: string; responseCode?: number; response?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = (e.response ?? e.message ?? String(err)).slice(0, 1000);
  if (code !== null && code >= 500 && code < 600) return { contactId, outcome: 'rejected', reply, code, relay };
  return { contactId, outcome: 'deferred', reply, code, relay };
}

/** A connection-level failure (no SMTP answer, or 421 "closing"): these count against a relay's health. */
const relayFault = (r: OutboundResult) => r.outcome === 'deferred' && (r.code === null || r.code === 421);

export function createRelayPool(options: RelayPoolOptions): Outbound {
  if (options.relays.length === 0) throw new Error('No relay configured (SMTP_RELAYS or SMTP_URL).');
  const now = options.now ?? Date.now;
  const failuresToDown = options.failuresToDown ?? RELAY_FAILURES_TO_DOWN;
  const downForMs = options.downForMs ?? RELAY_DOWN_MS;
  const relays: Relay[] = options.relays.map((u) => {
    const url = new URL(u);
    const relay: Relay = {
      name: `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 25)}`,
      failures: 0,
      downUntil: 0,
      opened: null,
      client: () =>
        (relay.opened ??= createSmtpClient({
          url: u,
          maxConnections: options.maxConnections ?? 8,
          ratePerSecond: options.ratePerSecond ?? 5_000,
          connectionTimeoutMs: options.connectionTimeoutMs ?? 10_000,
          socketTimeoutMs: options.socketTimeoutMs ?? 30_000,
        })),
    };
    return relay;
  });
  let next = 0;

  const up = (r: Relay) => r.downUntil === 0;
  const probeable = (r: Relay) => r.downUntil !== 0 && r.downUntil <= now();

  async function sendOne(relay: Relay, m: OutboundMessage): Promise<OutboundResult> {
    try {
      const r = await relay.client().send(m.envelopeFrom, m.to, m.raw);
      if (r.accepted && r.code === 250)
        return { contactId: m.contactId, outcome: 'accepted', reply: r.reply, queueId: queueIdOf(r.reply), relay: relay.name };
      return classifyFailure(m.contactId, relay.name, { responseCode: r.code ?? undefined, response: r.reply || 'no reply' });
    } catch (err) {
      // The client resolves every send; this is a bug's last line of defence, never 'accepted'.
      return classifyFailure(m.contactId, relay.name, err);
    }
  }

  function record(relay: Relay, r: OutboundResult) {
    if (relayFault(r)) {
      relay.failures++;
      if (relay.failures >= failuresToDown) relay.downUntil = now() + downForMs;
    } else {
      relay.failures = 0;
      relay.downUntil = 0;
    }
  }

  return {
    async send(messages) {
      const live = relays.filter(up);
      const results: OutboundResult[] = new Array(messages.length);
      let start = 0;
      if (live.length === 0) {
        // Every relay is down: one message probes the first relay whose back-off ran out.
        const probe = relays.find(probeable);
        if (probe && messages.length > 0) {
          const r = await sendOne(probe, messages[0]!);
          record(probe, r);
          results[0] = r;
          start = 1;
          if (up(probe)) live.push(probe);
        }
      }
      if (live.length === 0) {
        for (let i = start; i < messages.length; i++) {
          results[i] = {
            contactId: messages[i]!.contactId,
            outcome: 'deferred',
            reply: 'relay unavailable',
            code: null,
            relay: null,
          };
        }
        return results;
      }
      await Promise.all(
        messages.slice(start).map(async (m, j) => {
          const relay = live[next++ % live.length]!;
          // A relay that went down during this batch: the rest of its share waits.
          if (!up(relay)) {
            results[start + j] = {
              contactId: m.contactId,
              outcome: 'deferred',
              reply: 'relay unavailable',
              code: null,
              relay: relay.name,
            };
            return;
          }
          const r = await sendOne(relay, m);
          record(relay, r);
          results[start + j] = r;
        }),
      );
      return results;
    },
    healthy() {
      return relays.some((r) => up(r) || probeable(r));
    },
    async close() {
      await Promise.all(relays.map((r) => r.opened?.close()));
    },
  };
}
