// `assent ledger verify [--account ID] [--workers N]` (CON-08): re-checks whole consent chains in
// the database, streaming in pages (constant memory). A long chain is cut into seq ranges checked
// by worker threads in parallel, each over its own connection; combineRangeChecks then checks the
// links between the ranges and the chain head. Exit 0 when every chain is intact, 1 otherwise.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../../config/config.ts';
import { createConsentService } from '../../core/consent/ledger.ts';
import { combineRangeChecks, type RangeCheck } from '../../core/consent/verify.ts';
import type { ChainVerification } from '../../core/consent/types.ts';
import { systemClock } from '../../core/ports.ts';
import { openDatabase, type DatabaseTarget } from '../../db/database.ts';
import { createConsentStore } from '../../db/repositories/consent.ts';
import type { RangeJob } from './ledger-verify-worker.ts';

/** Chains shorter than this are checked in this thread: starting workers would cost more. */
export const PARALLEL_MIN_EVENTS = 100_000;
export const MAX_VERIFY_WORKERS = 8;

function checkRangeInWorker(job: RangeJob): Promise<RangeCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ledger-verify-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', (m: { ok: true; range: RangeCheck } | { ok: false; message: string }) =>
      m.ok ? resolve(m.range) : reject(new Error(m.message)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`verify worker exited with ${code}`));
    });
  });
}

export async function run(args: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args[i + 1] ?? '') : undefined;
  };
  const only = flag('--account');
  const workersArg = flag('--workers');
  const workers = workersArg === undefined ? Math.min(availableParallelism(), MAX_VERIFY_WORKERS) : Number(workersArg);
  if (only === '' || !Number.isInteger(workers) || workers < 1 || workers > MAX_VERIFY_WORKERS) {
    process.stderr.write(`usage: assent ledger verify [--account ID] [--workers 1-${MAX_VERIFY_WORKERS}]\n`);
    return 2;
  }
  const target: DatabaseTarget = loadConfig().database;
  const database = openDatabase(target);
  try {
    const consent = createConsentService({ store: createConsentStore(database), clock: systemClock });
    const accounts = only ? [only] : await consent.accountsWithChains();
    let bad = 0;
    let total = 0;
    const started = performance.now();
    for (const accountId of accounts) {
      const head = await consent.chainHead(accountId);
      let v: ChainVerification;
      // An explicit --workers N always splits (so the parallel path can be exercised on any chain).
      if (workers === 1 || head.lastSeq === 0 || (workersArg === undefined && head.lastSeq < PARALLEL_MIN_EVENTS)) {
        v = await consent.verifyChain(accountId);
      } else {
        const size = Math.ceil(head.lastSeq / workers);
        const jobs: RangeJob[] = [];
        for (let after = 0; after < head.lastSeq; after += size)
          jobs.push({ target, accountId, afterSeq: after, toSeq: Math.min(after + size, head.lastSeq) });
        v = combineRangeChecks(accountId, await Promise.all(jobs.map(checkRangeInWorker)), head);
      }
      total += v.events;
      if (v.ok) process.stdout.write(`ok       ${accountId}: ${v.events} event(s)\n`);
      else {
        bad += 1;
        process.stdout.write(`TAMPERED ${accountId}: ${v.firstProblem?.message ?? 'unknown problem'}\n`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${accounts.length} chain(s), ${total} event(s) checked in ${seconds.toFixed(2)} s; ${bad === 0 ? 'all intact' : `${bad} broken`}\n`,
    );
    return bad === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}
