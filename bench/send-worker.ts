// A send worker as its own process for the fault runs (bench/send-faults.ts): the real engine,
// delivery store and relay pool on PostgreSQL, looping batches of one campaign until none is open.
// The campaign area is not wired in `assent worker` yet, so the campaign's status is kept in this
// process (always 'sending' unless the engine pauses it; the engine resumes it itself).
// Env: BENCH_PG_URL, BENCH_ACCOUNT, BENCH_LIST, BENCH_CAMPAIGN, BENCH_SINK, WORKER_ID, BENCH_RETRY_MS.
import { createRelayPool } from '../src/channels/email/relay-pool.ts';
import { createSendEngine } from '../src/core/delivery/engine.ts';
import { createGateService } from '../src/core/gate/service.ts';
import { silentLogger, systemClock } from '../src/core/ports.ts';
import { openDatabase } from '../src/db/database.ts';
import { createDeliveryStore } from '../src/db/repositories/delivery.ts';
import { createGateStore } from '../src/db/repositories/gate.ts';
import { memoryCampaigns, plainComposer, recordingQueue, verifiedDomains } from '../test/helpers/delivery.ts';

const env = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is required`);
  return v;
};
const database = openDatabase({ kind: 'postgres', url: env('BENCH_PG_URL') });
const campaigns = memoryCampaigns(systemClock);
const campaignId = env('BENCH_CAMPAIGN');
campaigns.add({ id: campaignId, accountId: env('BENCH_ACCOUNT'), listId: env('BENCH_LIST'), status: 'sending' });
const outbound = createRelayPool({
  relays: [env('BENCH_SINK')],
  maxConnections: 8,
  failuresToDown: 5,
  downForMs: 3_000,
  connectionTimeoutMs: 2_000,
  socketTimeoutMs: 5_000,
});
const store = createDeliveryStore(database);
const engine = createSendEngine({
  store,
  campaigns,
  gate: createGateService({
    store: createGateStore(database),
    standing: { assertServiceAllowed: async () => {} },
    clock: systemClock,
    logger: silentLogger,
  }),
  composer: plainComposer,
  outbound,
  domains: verifiedDomains,
  queue: recordingQueue(),
  clock: systemClock,
  logger: silentLogger,
  workerId: env('WORKER_ID'),
  options: {
    warmup: null,
    accountRatePerSecond: null,
    leaseMs: 10_000,
    retryBaseMs: Number(process.env.BENCH_RETRY_MS ?? 1_000),
  },
});
for (;;) {
  await Promise.all([engine.drain(campaignId), engine.drain(campaignId)]);
  await engine.resumePaused();
  const left = await store.remaining(campaignId);
  if (left.open === 0 && left.held === 0) break;
  await new Promise((r) => setTimeout(r, 500));
}
await outbound.close();
await database.close();
