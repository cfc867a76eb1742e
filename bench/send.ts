// A campaign end to end (issue 8 figures): N recipients through the send engine — delivery
// records, the gate per batch, compose + DKIM sign, the relay pool (nodemailer pooled) — to
// Postfix's smtp-sink on loopback, on SQLite and PostgreSQL. Same-run references: bare
// nodemailer pooled sending of pre-built messages to the same sink, and raw RSA-2048 signs/s.
// Peak RSS sampled every 100 ms. Prints one JSON line per measurement.
// The composer here is a bench composer (bench/send-composer.ts), not the real one: a ~20 KB
// HTML message personalised by string substitution, signed rsa-sha256 relaxed/simple on the main thread.
// Usage: node bench/send.ts [sqlite|postgres|both] [recipients] [loops]
import { generateKeyPairSync, sign } from 'node:crypto';
import { createRelayPool } from '../src/channels/email/relay-pool.ts';
import { createSendEngine } from '../src/core/delivery/engine.ts';
import { createGateService } from '../src/core/gate/service.ts';
import { silentLogger, systemClock } from '../src/core/ports.ts';
import { createDeliveryStore } from '../src/db/repositories/delivery.ts';
import { createGateStore } from '../src/db/repositories/gate.ts';
import { memoryCampaigns, recordingQueue, verifiedDomains } from '../test/helpers/delivery.ts';
import { startPostfixSink } from '../test/helpers/smtp-sink.ts';
import { benchAccount, benchDatabase, engines } from './permission-fixtures.ts';
import { benchComposer, benchMessage } from './send-composer.ts';
import { seedAudience } from './send-seed.ts';

const N = Number(process.argv[3] ?? 100_000);
const LOOPS = Number(process.argv[4] ?? 4);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const mb = (b: number) => Math.round(b / 1024 / 1024);

function rsaSignsPerSecond(): number {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const data = Buffer.alloc(200, 1);
  const until = Date.now() + 2_000;
  let n = 0;
  while (Date.now() < until) {
    sign('sha256', data, privateKey);
    n++;
  }
  return Math.round(n / 2);
}

async function bareNodemailer(url: string, n: number): Promise<number> {
  const { default: nodemailer } = await import('nodemailer');
  const t = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port: Number(new URL(url).port),
    maxConnections: 8,
    maxMessages: Infinity,
  } as never);
  const prebuilt = Array.from({ length: 100 }, (_, i) => benchMessage(`u${i}@example.com`, `User${i}`));
  const t0 = performance.now();
  const inflight = 500;
  let next = 0;
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (next < n) {
        const i = next++;
        await t.sendMail({ raw: prebuilt[i % 100], envelope: { from: 'b@bounce.shop.test', to: [`u${i}@example.com`] } });
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  t.close();
  return Math.round(n / s);
}

async function campaign(engine: 'sqlite' | 'postgres', sinkUrl: string) {
  const b = await benchDatabase(engine);
  try {
    const accountId = await benchAccount(b.database, 'acct-bench');
    const listId = 'list-bench';
    const t0 = performance.now();
    await seedAudience(b.database, accountId, listId, N);
    const seedS = (performance.now() - t0) / 1000;
    const campaigns = memoryCampaigns(systemClock);
    const c = campaigns.add({ id: 'camp-bench', accountId, listId });
    const outbound = createRelayPool({ relays: [sinkUrl], maxConnections: 8, ratePerSecond: 100_000 });
    const gate = createGateService({
      store: createGateStore(b.database),
      standing: { assertServiceAllowed: async () => {} },
      clock: systemClock,
      logger: silentLogger,
    });
    const sendEngine = createSendEngine({
      store: createDeliveryStore(b.database),
      campaigns,
      gate,
      composer: benchComposer(),
      outbound,
      domains: verifiedDomains,
      queue: recordingQueue(),
      clock: systemClock,
      logger: silentLogger,
      workerId: 'bench',
      options: { warmup: null, accountRatePerSecond: null },
    });
    peakRss = 0;
    const t1 = performance.now();
    await sendEngine.start(accountId, c.id);
    const startS = (performance.now() - t1) / 1000;
    const results = await Promise.all(Array.from({ length: LOOPS }, () => sendEngine.drain(c.id)));
    const totalS = (performance.now() - t1) / 1000;
    const accepted = results.reduce((a, r) => a + r.sent, 0);
    const p = await createDeliveryStore(b.database).progress(c.id);
    await outbound.close();
    console.log(
      JSON.stringify({
        measure: 'campaign',
        engine,
        recipients: N,
        loops: LOOPS,
        seedSeconds: +seedS.toFixed(1),
        materialiseSeconds: +startS.toFixed(2),
        seconds: +totalS.toFixed(1),
        messagesPerSecond: Math.round(accepted / totalS),
        accepted: p.byStatus.accepted,
        status: (await campaigns.get(c.id))?.status,
        peakRssMb: mb(peakRss),
      }),
    );
  } finally {
    await b.drop();
  }
}

const sink = await startPostfixSink();
try {
  console.log(JSON.stringify({ measure: 'rsa-2048-signs-per-second (one core)', value: rsaSignsPerSecond() }));
  peakRss = 0;
  console.log(
    JSON.stringify({
      measure: 'bare-nodemailer-pooled (8 connections, pre-built ~20 KB)',
      messagesPerSecond: await bareNodemailer(sink.url, Math.min(N, 50_000)),
      peakRssMb: mb(peakRss),
    }),
  );
  for (const engine of engines(process.argv[2])) await campaign(engine, sink.url);
} finally {
  clearInterval(sampler);
  await sink.close();
}
