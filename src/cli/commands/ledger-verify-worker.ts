// Worker-thread entry for `assent ledger verify`: checks one seq range of one account's chain
// over its own database connection and posts the RangeCheck back. (An entry point: it runs on
// load by design; nothing imports it.)
import { parentPort, workerData } from 'node:worker_threads';
import { createConsentService } from '../../core/consent/ledger.ts';
import { systemClock } from '../../core/ports.ts';
import { openDatabase, type DatabaseTarget } from '../../db/database.ts';
import { createConsentStore } from '../../db/repositories/consent.ts';

export interface RangeJob {
  target: DatabaseTarget;
  accountId: string;
  afterSeq: number;
  toSeq: number;
}

const job = workerData as RangeJob;
const database = openDatabase(job.target.kind === 'postgres' ? { ...job.target, poolSize: 2 } : job.target);
try {
  const consent = createConsentService({ store: createConsentStore(database), clock: systemClock });
  parentPort?.postMessage({ ok: true, range: await consent.checkRange(job.accountId, job.afterSeq, job.toSeq) });
} catch (err) {
  parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
} finally {
  await database.close();
}
