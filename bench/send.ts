// A campaign end to end (issue 8 figures): N recipients through the send engine — delivery
// records, the gate per batch, compose + DKIM sign, the relay pool (nodemailer pooled) — to
// Postfix's smtp-sink on loopback, on SQLite and PostgreSQL. Same-run references: bare
// nodemailer pooled sending of pre-built messages to the same sink, and raw RSA-2048 signs/s.
// Peak RSS sampled every 100 ms. Prints one JSON line per measurement.
// Composer: `real` (default) is src/channels/email/campaign-composer.ts — the MJML campaign of
// bench/compose.ts (~30 KB, 8 tracked links, Liquid defaults), rendered on the main thread and
// DKIM-signed (rsa-sha256, relaxed/relaxed) on os.availableParallelism() worker threads; `bench` is
// bench/send-composer.ts: a ~20 KB HTML message personalised by string substitution, signed
// rsa-sha256 relaxed/simple on the main thread.
// The relay pool is the lean SMTP client (src/channels/email/smtp-client.ts); a second same-run
// reference is that client alone sending the same pre-built messages as bare nodemailer.
// Memory: `idle` is the process RSS after the imports, before any send; the 6th argument sets the
// batch size (messages in flight per loop: loops × batch × ~30 KB).
// Usage: node bench/send.ts [sqlite|postgres|both] [recipients] [loops] [real|bench] [batch]
import { generateKeyPairSync, sign } from 'node:crypto';
import { createCampaignComposer } from '../src/channels/email/campaign-composer.ts';
import { createRelayPool } from '../src/channels/email/relay-pool.ts';
import { createSmtpClient } from '../src/channels/email/smtp-client.ts';
import { createSendEngine } from '../src/core/delivery/engine.ts';
import { createGateService } from '../src/core/gate/service.ts';
import { silentLogger, systemClock } from '../src/core/ports.ts';
import { createDeliveryStore } from '../src/db/repositories/delivery.ts';
import { createGateStore } from '../src/db/repositories/gate.ts';
import { memoryCampaigns, recordingQueue, verifiedDomains } from '../test/helpers/delivery.ts';
import { startPostfixSink } from '../test/helpers/smtp-sink.ts';
import { benchAccount, benchDatabase, engines } from './permission-fixtures.ts';
import { benchComposer, benchMessage } from './send-composer.ts';
import { seedAudience, uuidContactId } from './send-seed.ts';
import { campaignBody } from './compose-campaign.ts';

const N = Number(process.argv[3] ?? 100_000);
const LOOPS = Number(process.argv[4] ?? 4);
const COMPOSER = process.argv[5] ?? 'real';
if (COMPOSER !== 'real' && COMPOSER !== 'bench') throw new Error('composer: real or bench');
const REAL = COMPOSER === 'real';
const BATCH = Number(process.argv[6] ?? 500);
const idle = process.memoryUsage();
console.log(
  JSON.stringify({
    measure: 'idle (after imports)',
    rssMb: Math.round(idle.rss / 1048576),
    heapUsedMb: Math.round(idle.heapUsed / 1048576),
  }),
);

// The real composer's sending domain: verified, with a generated RSA-2048 key.
const domainKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;
const benchDomains: typeof verifiedDomains = {
  verifiedFor: verifiedDomains.verifiedFor,
  async signingKeys(_accountId, domainId) {
    return { domain: domainId.slice(4), rsa: { selector: 's1', privateKeyPem: domainKey }, ed25519: null };
  },
};

let peakRss = 0;
let atPeak: NodeJS.MemoryUsage | null = null;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) {
    peakRss = m.rss;
    atPeak = m;
  }
}, 100);
/** Where the peak RSS was: V8 heap (total / used) and Buffers (external, arrayBuffers). */
const peakParts = () =>
  atPeak
    ? {
        heapTotalMb: mb(atPeak.heapTotal),
        heapUsedMb: mb(atPeak.heapUsed),
        externalMb: mb(atPeak.external),
        arrayBuffersMb: mb(atPeak.arrayBuffers),
      }
    : {};
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

/** The lean client alone: the same pre-built messages, 8 connections, 500 in flight. */
async function bareLeanClient(url: string, n: number): Promise<number> {
  const client = createSmtpClient({ url, maxConnections: 8 });
  const prebuilt = Array.from({ length: 100 }, (_, i) => benchMessage(`u${i}@example.com`, `User${i}`));
  const t0 = performance.now();
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: 500 }, async () => {
      while (next < n) {
        const i = next++;
        const r = await client.send('b@bounce.shop.test', `u${i}@example.com`, prebuilt[i % 100]!);
        if (!r.accepted) failed++;
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  await client.close();
  if (failed > 0) throw new Error(`lean client: ${failed} not accepted`);
  return Math.round(n / s);
}

async function campaign(engine: 'sqlite' | 'postgres', sinkUrl: string) {
  const b = await benchDatabase(engine);
  try {
    const accountId = await benchAccount(b.database, REAL ? '0190b7a0-3333-7000-8000-000000000001' : 'acct-bench');
    const listId = REAL ? '0190b7a0-4444-7000-8000-000000000001' : 'list-bench';
    const t0 = performance.now();
    await seedAudience(b.database, accountId, listId, N, REAL ? uuidContactId : undefined);
    const seedS = (performance.now() - t0) / 1000;
    const campaigns = memoryCampaigns(systemClock);
    const c = campaigns.add(
      REAL
        ? {
            id: '0190b7a0-1111-7000-8000-000000000001',
            accountId,
            listId,
            format: 'mjml',
            body: campaignBody,
            subject: 'Hello {{ contact.first_name }}',
            preheader: 'Autumn',
            clickTracking: true,
          }
        : { id: 'camp-bench', accountId, listId },
    );
    const composer = REAL
      ? createCampaignComposer({
          secret: 'bench-secret-0123456789abcdef',
          publicUrl: 'https://assent.test',
          bounceDomain: 'bounce.assent.test',
        })
      : benchComposer();
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
      composer,
      outbound,
      domains: REAL ? benchDomains : verifiedDomains,
      queue: recordingQueue(),
      clock: systemClock,
      logger: silentLogger,
      workerId: 'bench',
      options: { warmup: null, accountRatePerSecond: null, batchSize: BATCH },
    });
    peakRss = 0;
    atPeak = null;
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const mainCpu0 = process.threadCpuUsage();
    await sendEngine.start(accountId, c.id);
    const startS = (performance.now() - t1) / 1000;
    const results = await Promise.all(Array.from({ length: LOOPS }, () => sendEngine.drain(c.id)));
    const totalS = (performance.now() - t1) / 1000;
    // CPU per message, load-independent: the main thread, and the whole process (sign workers too).
    const mainCpu = process.threadCpuUsage(mainCpu0);
    const cpu = process.cpuUsage(cpu0);
    const accepted = results.reduce((a, r) => a + r.sent, 0);
    const p = await createDeliveryStore(b.database).progress(c.id);
    await outbound.close();
    await composer.close();
    console.log(
      JSON.stringify({
        measure: 'campaign',
        composer: COMPOSER,
        engine,
        recipients: N,
        loops: LOOPS,
        batch: BATCH,
        seedSeconds: +seedS.toFixed(1),
        materialiseSeconds: +startS.toFixed(2),
        seconds: +totalS.toFixed(1),
        messagesPerSecond: Math.round(accepted / totalS),
        accepted: p.byStatus.accepted,
        status: (await campaigns.get(c.id))?.status,
        mainThreadUsPerMessage: Math.round((mainCpu.user + mainCpu.system) / N),
        processUsPerMessage: Math.round((cpu.user + cpu.system) / N),
        peakRssMb: mb(peakRss),
        atPeak: peakParts(),
      }),
    );
  } finally {
    await b.drop();
  }
}

// The campaigns first (the process RSS does not shrink after the bare-nodemailer reference).
const sink = await startPostfixSink();
try {
  console.log(JSON.stringify({ measure: 'rsa-2048-signs-per-second (one core)', value: rsaSignsPerSecond() }));
  for (const engine of engines(process.argv[2])) await campaign(engine, sink.url);
  peakRss = 0;
  atPeak = null;
  console.log(
    JSON.stringify({
      measure: 'bare-lean-client (8 connections, pre-built ~20 KB)',
      messagesPerSecond: await bareLeanClient(sink.url, Math.min(N, 50_000)),
      peakRssMb: mb(peakRss),
    }),
  );
  peakRss = 0;
  atPeak = null;
  console.log(
    JSON.stringify({
      measure: 'bare-nodemailer-pooled (8 connections, pre-built ~20 KB)',
      messagesPerSecond: await bareNodemailer(sink.url, Math.min(N, 50_000)),
      peakRssMb: mb(peakRss),
    }),
  );
} finally {
  clearInterval(sampler);
  await sink.close();
}
