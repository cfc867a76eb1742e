// Test fixture for the queue contract test (DEL-03): a worker process that claims one job,
// reports it on stdout and then hangs until the test kills it with SIGKILL.
// argv: <target JSON> <queue name> <lease seconds> [worker id]
import { silentLogger, systemClock } from '../core/ports.ts';
import { openDatabase, type DatabaseTarget } from '../db/database.ts';
import { createQueue } from './index.ts';

const [targetJson = '', name = '', lease = '', workerId = 'dead-worker'] = process.argv.slice(2);
const target = JSON.parse(targetJson) as DatabaseTarget;
const database = openDatabase(target);
const queue = createQueue(database, {
  logger: silentLogger,
  clock: systemClock,
  workerId,
  tuning: { leaseSeconds: Number(lease), pollIntervalMs: 100 },
});
await queue.work(name, async (job) => {
  process.stdout.write(`claimed ${job.id} ${job.attempt}\n`);
  await new Promise(() => {});
});
await queue.start();
process.stdout.write('ready\n');
// Keep the process alive while the (unref'd) poll timers run.
setInterval(() => {}, 1_000);
