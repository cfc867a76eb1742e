// The one way in for what comes back (types.ts InboundIntake): store the item, then queue its
// processing. A caller acknowledges once the row is committed, so nothing acknowledged is lost.
// The processing jobs are sent in batches (one job per INBOUND_JOB_BATCH ids or per
// INBOUND_JOB_DELAY_MS, whichever comes first): a bounce storm costs one queue commit per batch,
// not one per message. If the queue is down, or the process stops before a batch went out, the
// sweep (INBOUND_SWEEP_JOB) queues those items later.
import { createHash } from 'node:crypto';
import { newId } from '../ids.ts';
import type { Clock, Logger, Queue } from '../ports.ts';
import type { InboundStore } from './ports.ts';
import { INBOUND_PROCESS_JOB, type InboundIntake, type InboundSource } from './types.ts';

/** Re-queues items whose job was lost (stored, never processed). */
export const INBOUND_SWEEP_JOB = 'inbound.sweep';
export const INBOUND_SWEEP_CRON = '*/5 * * * *';
/** An item still 'received' this long after arrival is queued again by the sweep. */
export const INBOUND_STALE_MS = 5 * 60 * 1000;
/** Header bytes read for the Message-ID (the dedupe key). */
const HEADER_SCAN_BYTES = 64 * 1024;
const MAX_KEY_LENGTH = 500;

/** Most item ids one `inbound.process` job carries. */
export const INBOUND_JOB_BATCH = 100;
/** How long a stored item waits for others before its job is sent. */
export const INBOUND_JOB_DELAY_MS = 20;

/** One job: the items to process (`id` alone: a job queued by an earlier release). */
export interface InboundProcessJob {
  ids?: string[];
  id?: string;
}

export interface InboundIntakeRunner extends InboundIntake {
  /** Sends the jobs of items stored but not queued yet (on shutdown; tests). */
  flush(): Promise<void>;
}

/** The Message-ID of a raw message's own header block, or null. */
export function messageIdOf(raw: Buffer): string | null {
  const head = raw.subarray(0, HEADER_SCAN_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const m = /^message-id:[ \t]*(.+)$/im.exec(block);
  const value = m?.[1]?.trim();
  return value ? value.slice(0, MAX_KEY_LENGTH) : null;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export function createInboundIntake(deps: {
  store: InboundStore;
  queue: Queue;
  clock: Clock;
  logger?: Logger;
}): InboundIntakeRunner {
  let pending: string[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const ids = pending;
    pending = [];
    if (ids.length === 0) return;
    try {
      await deps.queue.send<InboundProcessJob>(INBOUND_PROCESS_JOB, { ids }, { singletonKey: `inbound:${ids[0]}` });
    } catch (err) {
      // Stored and acknowledged: the sweep queues them once they are INBOUND_STALE_MS old.
      deps.logger?.error({ err, count: ids.length }, 'inbound jobs could not be queued; the sweep will');
    }
  }
  function queueLater(id: string) {
    pending.push(id);
    if (pending.length >= INBOUND_JOB_BATCH) void flush();
    else if (!timer) timer = setTimeout(() => void flush(), INBOUND_JOB_DELAY_MS);
  }
  async function keep(input: {
    source: InboundSource;
    mailbox: string | null;
    dedupeKey: string;
    envelope: Parameters<InboundIntake['receiveMail']>[0]['envelope'] | null;
    raw: Buffer;
  }) {
    const id = newId(deps.clock);
    const stored = await deps.store.insert({
      id,
      source: input.source,
      mailbox: input.mailbox,
      dedupeKey: input.dedupeKey,
      envelope: input.envelope,
      raw: input.raw,
      size: input.raw.length,
      receivedAt: deps.clock.now().toISOString(),
    });
    if (!stored.inserted) return { id: stored.id, duplicate: true };
    queueLater(stored.id);
    return { id: stored.id, duplicate: false };
  }
  return {
    flush,
    receiveMail({ raw, envelope }) {
      const mailbox = envelope.rcptTo[0]?.mailbox ?? null;
      const mid = messageIdOf(raw);
      // The same message to the same mailbox twice (a retry after a lost 250) is processed once.
      const dedupeKey = `smtp:${mailbox}:${mid ? `mid:${mid}` : `sha256:${sha256(raw)}`}`;
      return keep({ source: 'smtp', mailbox, dedupeKey, envelope, raw });
    },
    receiveEvent({ source, eventId, payload }) {
      const key = eventId.trim() ? `id:${eventId.trim().slice(0, MAX_KEY_LENGTH)}` : `sha256:${sha256(payload)}`;
      return keep({ source, mailbox: null, dedupeKey: `${source}:${key}`, envelope: null, raw: Buffer.from(payload, 'utf8') });
    },
    receiveReport(report) {
      const raw = Buffer.from(JSON.stringify(report), 'utf8');
      return keep({
        source: 'report-form',
        mailbox: 'abuse',
        dedupeKey: `report-form:${newId(deps.clock)}`,
        envelope: null,
        raw,
      });
    },
  };
}
