// The SMPP provider (SMPP 3.4, issue 11 §1, SMS-04) over the `smpp` package's session: one
// bind_transceiver (submits out, receipts and MO in), a window of at most `window` submit_sm
// awaiting their submit_sm_resp, enquire_link every `enquireLinkSeconds`, and a reconnect with
// exponential back-off after any drop. What is in flight when the connection drops is answered
// 'unknown' (the SMSC may have taken it: never resent by us); what waits in the queue waits for
// the rebind and goes once. A refused bind (bad system_id/password) answers waiting and new
// messages 'unavailable' with the SMSC's reason and is retried at the longest back-off, in case
// the operator fixes the credentials. Nothing here throws for SMSC trouble; it classifies it.
// Long messages go as concatenated parts (parts.ts), one after another, each its own submit_sm
// with registered_delivery = 1 (a final receipt, success or failure).
import smpp, { type Pdu, type Session } from 'smpp';
import type { Clock, Logger } from '../../../core/ports.ts';
import type { InboundSms, SmsMessage, SmsProvider, SmsReceipt, SubmitOutcome } from '../../../core/sms/ports.ts';
import type { SmppConfig } from './config.ts';
import { createInboundAssembler, parseDeliverSm } from './deliver.ts';
import { ESM_UDHI, recipientAddress, senderAddress, splitMessage, type SmppAddress, type SmppPart } from './parts.ts';

/** Timings and bounds; every one can be shortened for tests. */
export const SMPP_DEFAULTS = {
  /** No submit_sm_resp within this: the submit is answered 'unknown' and its window slot freed. */
  submitResponseMs: 30_000,
  /** No bind_transceiver_resp within this: the connection is dropped and retried. */
  bindTimeoutMs: 10_000,
  /** No enquire_link_resp within this: the link is dead, dropped and rebound. */
  enquireLinkTimeoutMs: 10_000,
  reconnectMinMs: 1_000,
  reconnectMaxMs: 60_000,
  /** Parts waiting for a window slot or a bind; more are answered 'unavailable' (queue-full). */
  maxQueued: 10_000,
  /** A part that waited this long for a bind is answered 'unavailable' (never sent). */
  queueWaitMs: 60_000,
  /** How often waiting and in-flight parts are checked against their limits. */
  sweepMs: 1_000,
  /** close(): how long in-flight submits may take to be answered before the unbind. */
  closeGraceMs: 2_000,
};
export type SmppTimings = typeof SMPP_DEFAULTS;

const SMPP_VERSION_34 = 0x34;
const REGISTERED_DELIVERY_FINAL = 0x01;
const ERROR_NAMES = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));
const BIND_REFUSED = new Set([0x0d, 0x0e, 0x0f]); // ESME_RBINDFAIL, ESME_RINVPASWD, ESME_RINVSYSID
/** Refusals of a submit_sm that may pass later: throttled, queue full, system error, submit failed. */
const TRANSIENT = new Set([0x58, 0x14, 0x08, 0x45]);
const NOT_BOUND = 0x04; // ESME_RINVBNDSTS: the SMSC thinks we are not bound; nothing was taken

export type SmppState = 'connecting' | 'bound' | 'backoff' | 'refused' | 'closed';

export interface SmppProvider extends SmsProvider {
  readonly state: SmppState;
  /** Resolves at the next bound, refused or closed state (at once when already bound). */
  whenSettled(): Promise<SmppState>;
}

type PartResult =
  | { ok: true; id: string }
  | { ok: false; outcome: 'rejected'; code: string; permanent: boolean }
  | { ok: false; outcome: 'unavailable' | 'unknown'; reason: string };

interface Pending {
  part: SmppPart;
  dataCoding: number;
  src: SmppAddress;
  dst: SmppAddress;
  resolve: (r: PartResult) => void;
  since: number;
}

const errorName = (status: number) => ERROR_NAMES.get(status) ?? `0x${status.toString(16).padStart(8, '0')}`;

export function createSmppProvider(deps: {
  config: SmppConfig;
  clock: Clock;
  logger: Logger;
  name?: string;
  timings?: Partial<SmppTimings>;
}): SmppProvider {
  const { config, clock, logger } = deps;
  const t: SmppTimings = { ...SMPP_DEFAULTS, ...deps.timings };
  const name = deps.name ?? `smpp:${config.host}:${config.port}`;
  const receiptListeners: ((r: SmsReceipt) => void)[] = [];
  const inboundListeners: ((m: InboundSms) => void)[] = [];
  const assembler = createInboundAssembler();
  const queue: Pending[] = [];
  const inFlight = new Map<number, Pending>();
  let settledWaiters: ((s: SmppState) => void)[] = [];
  let drainWaiters: (() => void)[] = [];
  let session: Session | null = null;
  let state: SmppState = 'connecting';
  let refusal = '';
  let attempt = 0;
  let reference = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let enquireTimer: NodeJS.Timeout | null = null;
  let enquireDeadline: NodeJS.Timeout | null = null;
  const sweepTimer = setInterval(sweep, t.sweepMs);
  sweepTimer.unref();

  function setState(s: SmppState) {
    state = s;
    if (s === 'bound' || s === 'refused' || s === 'closed') {
      const waiters = settledWaiters;
      settledWaiters = [];
      for (const w of waiters) w(s);
    }
  }

  function emit<T>(listeners: ((v: T) => void)[], value: T) {
    for (const l of listeners) {
      try {
        l(value);
      } catch (err) {
        logger.error({ err, provider: name }, 'SMS listener failed');
      }
    }
  }

  function connect() {
    reconnectTimer = null;
    if (state === 'closed') return;
    if (state !== 'refused') setState('connecting');
    const s = smpp.connect({ host: config.host, port: config.port, tls: config.tls, servername: config.host });
    session = s;
    const bindDeadline = setTimeout(() => {
      logger.warn({ provider: name }, 'SMPP bind timed out');
      s.destroy();
    }, t.bindTimeoutMs);
    s.on(config.tls ? 'secureConnect' : 'connect', () => {
      s.send(
        new smpp.PDU('bind_transceiver', {
          system_id: config.systemId,
          password: config.password,
          system_type: config.systemType,
          interface_version: SMPP_VERSION_34,
        }),
        (resp) => {
          clearTimeout(bindDeadline);
          if (session !== s) return;
          if (resp.command_status === 0) return onBound(s);
          const reason = `bind refused: ${errorName(resp.command_status)}`;
          logger.warn({ provider: name, status: resp.command_status }, 'SMPP bind refused');
          if (BIND_REFUSED.has(resp.command_status)) {
            refusal = reason;
            setState('refused');
            for (const p of queue.splice(0)) p.resolve({ ok: false, outcome: 'unavailable', reason });
          }
          s.destroy();
        },
      );
    });
    s.on('error', (err: Error) => {
      // The package emits parse errors without closing the socket: drop it, the close rebinds.
      logger.warn({ provider: name, err: err.message }, 'SMPP connection error');
      s.destroy();
    });
    s.on('close', () => {
      clearTimeout(bindDeadline);
      onDrop(s);
    });
    s.on('deliver_sm', (pdu: Pdu) => onDeliver(s, pdu));
    s.on('enquire_link', (pdu: Pdu) => s.send(pdu.response()));
    s.on('unbind', (pdu: Pdu) => {
      s.send(pdu.response());
      s.close();
    });
    s.on('unknown', (pdu: Pdu) => s.send(pdu.response()));
  }

  function onBound(s: Session) {
    attempt = 0;
    refusal = '';
    setState('bound');
    logger.info({ provider: name }, 'SMPP bound (transceiver)');
    enquireTimer = setInterval(() => {
      if (enquireDeadline) return;
      enquireDeadline = setTimeout(() => {
        logger.warn({ provider: name }, 'SMPP enquire_link unanswered: dropping the link');
        s.destroy();
      }, t.enquireLinkTimeoutMs);
      s.send(new smpp.PDU('enquire_link', {}), () => {
        if (enquireDeadline) clearTimeout(enquireDeadline);
        enquireDeadline = null;
      });
    }, config.enquireLinkSeconds * 1000);
    pump();
  }

  function onDrop(s: Session) {
    if (session !== s) return;
    session = null;
    if (enquireTimer) clearInterval(enquireTimer);
    if (enquireDeadline) clearTimeout(enquireDeadline);
    enquireTimer = enquireDeadline = null;
    for (const p of inFlight.values())
      p.resolve({ ok: false, outcome: 'unknown', reason: 'the connection dropped with the submit_sm in flight' });
    inFlight.clear();
    notifyDrained();
    if (state === 'closed') return;
    if (state !== 'refused') setState('backoff');
    const delay =
      state === 'refused' ? t.reconnectMaxMs : Math.min(t.reconnectMaxMs, t.reconnectMinMs * 2 ** Math.min(attempt, 16));
    attempt++;
    logger.info({ provider: name, delayMs: delay }, 'SMPP reconnecting');
    reconnectTimer = setTimeout(connect, delay);
    reconnectTimer.unref();
  }

  function onDeliver(s: Session, pdu: Pdu) {
    s.send(pdu.response());
    const at = clock.now().toISOString();
    const d = parseDeliverSm(pdu);
    if (d.kind === 'receipt') {
      const { kind: _kind, ...receipt } = d;
      emit(receiptListeners, { provider: name, at, ...receipt });
    } else if (d.kind === 'inbound') {
      const whole = assembler.add(d);
      if (whole) emit(inboundListeners, { provider: name, at, ...whole });
    } else if (d.kind === 'unreadable-receipt') {
      logger.warn({ provider: name, text: d.text }, 'SMPP receipt without a message id');
    }
  }

  function pump() {
    while (state === 'bound' && session && inFlight.size < config.window && queue.length > 0) {
      const p = queue.shift()!;
      const s = session;
      const pdu = new smpp.PDU('submit_sm', {
        source_addr: p.src.addr,
        source_addr_ton: p.src.ton,
        source_addr_npi: p.src.npi,
        destination_addr: p.dst.addr,
        dest_addr_ton: p.dst.ton,
        dest_addr_npi: p.dst.npi,
        esm_class: p.part.udh ? ESM_UDHI : 0,
        registered_delivery: REGISTERED_DELIVERY_FINAL,
        data_coding: p.dataCoding,
        short_message: p.part.bytes,
      });
      const sent = s.send(pdu, (resp) => onSubmitResp(resp));
      if (!sent) {
        queue.unshift(p); // the socket is closing: the drop handler rebinds, then it goes
        return;
      }
      p.since = Date.now();
      inFlight.set(pdu.sequence_number, p);
    }
  }

  function onSubmitResp(resp: Pdu) {
    const p = inFlight.get(resp.sequence_number);
    if (!p) return; // answered 'unknown' already (timed out)
    inFlight.delete(resp.sequence_number);
    const status = resp.command_status;
    if (status === 0) p.resolve({ ok: true, id: String(resp.message_id ?? '') });
    else if (status === NOT_BOUND) p.resolve({ ok: false, outcome: 'unavailable', reason: errorName(status) });
    else p.resolve({ ok: false, outcome: 'rejected', code: errorName(status), permanent: !TRANSIENT.has(status) });
    if (inFlight.size === 0) notifyDrained();
    pump();
  }

  function notifyDrained() {
    const waiters = drainWaiters;
    drainWaiters = [];
    for (const w of waiters) w();
  }

  function sweep() {
    const now = Date.now();
    for (const [seq, p] of inFlight) {
      if (now - p.since < t.submitResponseMs) continue;
      inFlight.delete(seq);
      p.resolve({ ok: false, outcome: 'unknown', reason: `no submit_sm_resp within ${t.submitResponseMs} ms` });
    }
    if (state !== 'bound') {
      for (let i = queue.length - 1; i >= 0; i--) {
        const p = queue[i]!;
        if (now - p.since < t.queueWaitMs) continue;
        queue.splice(i, 1);
        p.resolve({ ok: false, outcome: 'unavailable', reason: `not bound for ${t.queueWaitMs} ms` });
      }
    }
    pump();
  }

  function sendPart(part: SmppPart, dataCoding: number, src: SmppAddress, dst: SmppAddress): Promise<PartResult> {
    if (state === 'closed') return Promise.resolve({ ok: false, outcome: 'unavailable', reason: 'closed' });
    if (state === 'refused') return Promise.resolve({ ok: false, outcome: 'unavailable', reason: refusal });
    if (queue.length >= t.maxQueued)
      return Promise.resolve({ ok: false, outcome: 'unavailable', reason: `queue-full (${t.maxQueued})` });
    return new Promise((resolve) => {
      queue.push({ part, dataCoding, src, dst, resolve, since: Date.now() });
      pump();
    });
  }

  connect();

  return {
    name,
    get state() {
      return state;
    },
    whenSettled() {
      if (state === 'bound' || state === 'refused' || state === 'closed') return Promise.resolve(state);
      return new Promise((r) => settledWaiters.push(r));
    },
    async submit(message: SmsMessage): Promise<SubmitOutcome> {
      const src = senderAddress(message.from);
      if (!src) return { outcome: 'rejected', code: 'invalid-sender', permanent: true, detail: message.from };
      const dst = recipientAddress(message.to);
      if (!dst) return { outcome: 'rejected', code: 'invalid-recipient', permanent: true, detail: 'not E.164' };
      const split = splitMessage(message.text, message.encoding, reference);
      if (!split.ok) return { outcome: 'rejected', code: split.code, permanent: true, detail: split.detail };
      if (split.parts.length > 1) reference = (reference + 1) & 0xff;
      const ids: string[] = [];
      for (const part of split.parts) {
        const r = await sendPart(part, split.dataCoding, src, dst);
        if (r.ok) {
          ids.push(r.id);
          continue;
        }
        if (ids.length > 0) {
          // Earlier parts were taken: the recipient may hold a fragment, so a resend would repeat it.
          const why = r.outcome === 'rejected' ? r.code : r.reason;
          return {
            outcome: 'unknown',
            reason: `part ${ids.length + 1} of ${split.parts.length} not taken (${why}) after parts accepted as ${ids.join(', ')}`,
          };
        }
        if (r.outcome === 'rejected') return { outcome: 'rejected', code: r.code, permanent: r.permanent };
        return { outcome: r.outcome, reason: r.reason };
      }
      return { outcome: 'accepted', providerMessageIds: ids, segments: split.parts.length };
    },
    onReceipt(listener) {
      receiptListeners.push(listener);
    },
    onInbound(listener) {
      inboundListeners.push(listener);
    },
    async close() {
      if (state === 'closed') return;
      const s = session;
      const wasBound = state === 'bound';
      setState('closed');
      clearInterval(sweepTimer);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const p of queue.splice(0)) p.resolve({ ok: false, outcome: 'unavailable', reason: 'closed' });
      if (!s) return;
      if (inFlight.size > 0) {
        await new Promise<void>((resolve) => {
          const grace = setTimeout(resolve, t.closeGraceMs);
          drainWaiters.push(() => {
            clearTimeout(grace);
            resolve();
          });
        });
      }
      await new Promise<void>((resolve) => {
        const hard = setTimeout(() => s.destroy(), t.closeGraceMs);
        s.once('close', () => {
          clearTimeout(hard);
          resolve();
        });
        if (wasBound && s.send(new smpp.PDU('unbind', {}), () => s.close())) return;
        s.destroy();
      });
    },
  };
}
