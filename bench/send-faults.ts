// Fault runs for the send engine (issue 8) on PostgreSQL, with the worker as a child process
// (bench/send-worker.ts) and the scripted SMTP sink (test/helpers/smtp-sink.ts) counting per
// recipient in this process:
//   kill   — kill -9 the worker 3 times during the campaign, restart it each time;
//   outage — stop the sink for 30 s mid-campaign;
//   451    — the sink answers 451 to 20% of RCPTs.
// Each run: lost = recipients never accepted nor ended (bounced/refused), duplicates = recipients
// accepted more than once (the bound is the messages in flight at a kill: 2 loops × 500).
// Usage: node bench/send-faults.ts [recipients] [kill,outage,451]
import { spawn, type ChildProcess } from 'node:child_process';
import { createSendEngine } from '../src/core/delivery/engine.ts';
import { silentLogger, systemClock } from '../src/core/ports.ts';
import { createDeliveryStore } from '../src/db/repositories/delivery.ts';
import { memoryCampaigns, plainComposer, recordingQueue, verifiedDomains } from '../test/helpers/delivery.ts';
import { startScriptedSink, type ScriptedSink } from '../test/helpers/smtp-sink.ts';
import { benchAccount, benchDatabase } from './permission-fixtures.ts';
import { seedAudience } from './send-seed.ts';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = (process.argv[3] ?? 'kill,outage,451').split(',');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const b = await benchDatabase('postgres');
const url = (b.target as { url: string }).url;
const accountId = await benchAccount(b.database, 'acct-faults');
await seedAudience(b.database, accountId, 'list-faults', N);
const store = createDeliveryStore(b.database);

async function materialise(campaignId: string) {
  const campaigns = memoryCampaigns(systemClock);
  campaigns.add({ id: campaignId, accountId, listId: 'list-faults' });
  const engine = createSendEngine({
    store,
    campaigns,
    gate: { authorizeSend: async () => new Map(), markSent: async () => {} },
    composer: plainComposer,
    outbound: { send: async () => [], healthy: () => true, close: async () => {} },
    domains: verifiedDomains,
    queue: recordingQueue(),
    clock: systemClock,
    logger: silentLogger,
    workerId: 'materialise',
  });
  return engine.start(accountId, campaignId);
}

function worker(campaignId: string, sink: ScriptedSink, n: number): ChildProcess {
  return spawn(process.execPath, ['bench/send-worker.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      BENCH_PG_URL: url,
      BENCH_ACCOUNT: accountId,
      BENCH_LIST: 'list-faults',
      BENCH_CAMPAIGN: campaignId,
      BENCH_SINK: sink.url,
      WORKER_ID: `fault-worker-${n}`,
    },
  });
}
const exited = (c: ChildProcess) =>
  c.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r()));

async function verdict(run: string, campaignId: string, sink: ScriptedSink, seconds: number, extra: object) {
  const recs = await store.records(campaignId);
  let lost = 0;
  let duplicates = 0;
  const byStatus: Record<string, number> = {};
  let softWithReply = 0;
  for (const r of recs) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const email = `u${Number(r.contactId.slice(1))}@example.com`;
    const n = sink.counts.get(email) ?? 0;
    if (n > 1) duplicates++;
    if (n === 0 && r.status !== 'bounced' && r.status !== 'refused') lost++;
    if (r.status === 'bounced' && r.bounceType === 'soft' && r.smtpReply) softWithReply++;
  }
  console.log(
    JSON.stringify({
      run,
      recipients: N,
      seconds: +seconds.toFixed(1),
      lost,
      duplicates,
      atSink: sink.counts.size,
      byStatus,
      softWithReply,
      ...extra,
    }),
  );
}

for (const run of RUNS) {
  const campaignId = `camp-${run}`;
  const sink = await startScriptedSink({ tempFailShare: run === '451' ? 0.2 : 0 });
  await materialise(campaignId);
  const t0 = performance.now();
  let n = 0;
  let child = worker(campaignId, sink, n++);
  const extra: Record<string, unknown> = {};
  if (run === 'kill') {
    const kills: number[] = [];
    for (const at of [0.2, 0.45, 0.7]) {
      while (sink.accepted() < N * at && child.exitCode === null) await sleep(20);
      if (child.exitCode !== null) break;
      process.kill(child.pid!, 'SIGKILL');
      await exited(child);
      kills.push(sink.accepted());
      child = worker(campaignId, sink, n++);
    }
    extra.killsAtAccepted = kills;
    extra.inFlightBound = 2 * 500;
  }
  if (run === 'outage') {
    while (sink.accepted() < N * 0.3 && child.exitCode === null) await sleep(20);
    const port = sink.port;
    const before = sink.counts;
    await sink.close();
    const stoppedAt = performance.now();
    await sleep(30_000);
    const back = await startScriptedSink({ port });
    // Carry the counts over: one sink, stopped and started again.
    for (const [k, v] of before) back.counts.set(k, (back.counts.get(k) ?? 0) + v);
    Object.assign(sink, { counts: back.counts, close: back.close, accepted: back.accepted });
    extra.stoppedSeconds = +((performance.now() - stoppedAt) / 1000).toFixed(1);
  }
  await exited(child);
  await verdict(run, campaignId, sink, (performance.now() - t0) / 1000, extra);
  await sink.close();
}
await b.drop();
