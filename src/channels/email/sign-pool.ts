// DKIM signing on worker threads (MSG-05): the composer renders and builds every message on the
// main thread and hands only the canonical header data of a batch (~1 KB a message) to the pool;
// each worker makes the RSA / Ed25519 signatures of its share of the batch in one round trip.
// The private keys go to each worker once per campaign version (a key set id), never per message.
// Workers start lazily, are unref'd while idle (the pool never keeps the process alive) and
// re-ref'd while a request is pending (so an awaited signature is not lost to an exiting loop).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DkimAlgo } from './dkim.ts';

/** The keys of one campaign version, as PEM (what crosses to the workers). */
export interface SigningKeySet {
  id: string;
  rsaPem: string;
  ed25519Pem: string | null;
}

export interface SignPool {
  readonly size: number;
  /** Base64 signatures of `data`, in order (RSA over the data, Ed25519 over its SHA-256). */
  sign(keys: SigningKeySet, algo: DkimAlgo, data: string[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Key sets a worker keeps at once; the oldest is dropped beyond this (re-sent if used again). */
const KEYSETS_PER_WORKER = 16;

// Plain CommonJS, evaluated in the worker: no loader, path or type stripping involved.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash, createPrivateKey, sign } = require('node:crypto');
const keys = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'keys') {
    keys.set(m.id, { rsa: createPrivateKey(m.rsaPem), ed: m.ed25519Pem ? createPrivateKey(m.ed25519Pem) : null });
    return;
  }
  if (m.type === 'drop') {
    keys.delete(m.id);
    return;
  }
  try {
    const k = keys.get(m.id);
    if (!k) throw new Error('sign pool: unknown key set ' + m.id);
    const rsa = m.algo === 'rsa-sha256';
    if (!rsa && !k.ed) throw new Error('sign pool: no Ed25519 key in ' + m.id);
    const sigs = new Array(m.data.length);
    for (let i = 0; i < m.data.length; i++) {
      sigs[i] = rsa
        ? sign('sha256', Buffer.from(m.data[i]), k.rsa).toString('base64')
        : sign(null, createHash('sha256').update(m.data[i]).digest(), k.ed).toString('base64');
    }
    parentPort.postMessage({ seq: m.seq, sigs });
  } catch (err) {
    parentPort.postMessage({ seq: m.seq, error: String((err && err.message) || err) });
  }
});
`;

interface Pending {
  resolve: (sigs: string[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Key set ids loaded in this worker, oldest first. */
  loaded: string[];
  pending: Map<number, Pending>;
}

export function defaultSignPoolSize(): number {
  return availableParallelism();
}

/** A pool of `size` signing workers (size ≥ 2; below that, sign in the calling thread). */
export function createSignPool(size: number = defaultSignPoolSize()): SignPool {
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  let seq = 0;
  let next = 0;
  let closed = false;

  function fail(slot: Slot, err: Error) {
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  }

  function slotAt(i: number): Slot {
    const existing = slots[i];
    if (existing) return existing;
    const worker = new Worker(WORKER_SOURCE, { eval: true, name: `dkim-sign-${i}` });
    const slot: Slot = { worker, loaded: [], pending: new Map() };
    worker.unref();
    worker.on('message', (m: { seq: number; sigs?: string[]; error?: string }) => {
      const p = slot.pending.get(m.seq);
      if (!p) return;
      slot.pending.delete(m.seq);
      if (slot.pending.size === 0) worker.unref();
      if (m.sigs) p.resolve(m.sigs);
      else p.reject(new Error(m.error ?? 'sign pool: no answer'));
    });
    worker.on('error', (err) => {
      if (slots[i] === slot) slots[i] = null;
      fail(slot, err instanceof Error ? err : new Error(String(err)));
    });
    worker.on('exit', (code) => {
      if (slots[i] === slot) slots[i] = null;
      fail(slot, new Error(`sign pool: worker exited (${code})`));
    });
    slots[i] = slot;
    return slot;
  }

  function request(slot: Slot, keys: SigningKeySet, algo: DkimAlgo, data: string[]): Promise<string[]> {
    if (!slot.loaded.includes(keys.id)) {
      slot.worker.postMessage({ type: 'keys', id: keys.id, rsaPem: keys.rsaPem, ed25519Pem: keys.ed25519Pem });
      slot.loaded.push(keys.id);
      if (slot.loaded.length > KEYSETS_PER_WORKER) slot.worker.postMessage({ type: 'drop', id: slot.loaded.shift() });
    }
    const id = ++seq;
    return new Promise<string[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ type: 'sign', seq: id, id: keys.id, algo, data });
    });
  }

  return {
    size,
    async sign(keys, algo, data) {
      if (closed) throw new Error('sign pool: closed');
      if (data.length === 0) return [];
      // One share per worker (a small batch goes to fewer workers), rotating the first worker.
      const shares = Math.min(size, Math.ceil(data.length / 8));
      const per = Math.ceil(data.length / shares);
      const parts: Promise<string[]>[] = [];
      for (let s = 0; s < shares; s++) {
        const slot = slotAt((next + s) % size);
        parts.push(request(slot, keys, algo, data.slice(s * per, (s + 1) * per)));
      }
      next = (next + shares) % size;
      return (await Promise.all(parts)).flat();
    },
    async close() {
      closed = true;
      const live = slots.filter((s): s is Slot => s !== null);
      slots.fill(null);
      await Promise.all(live.map((s) => s.worker.terminate()));
    },
  };
}
