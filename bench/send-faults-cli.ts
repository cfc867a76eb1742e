// Fault runs for campaign sending (issue 8, DEL-02/DEL-03) with the real `assent worker` process
// (node src/cli/main.ts worker, configured from the environment) instead of bench/send-worker.ts:
// the real composer (DKIM-signed with the domain's generated key), the real gate, the campaign
// area and pg-boss jobs, on PostgreSQL. The world is built in this process through the HTTP API
// (sign-up, postal address, a sending domain verified through dnsmasq, campaigns submitted and
// approved); the audience is seeded straight into contacts + consent_state (bench/send-seed.ts).
// The account is made an established sender (account_send_quota on 12 earlier days), else the
// ACC-08 warm-up quota (500 on day one) would pause the campaign until tomorrow.
//   kill   — kill -9 the worker at 20/45/70% of N at the sink, restart it (same WORKER_ID) each time;
//            Postfix smtp-sink. Bound on duplicates: the records under the dead worker's lease.
//   outage — Postfix smtp-sink stopped (SIGKILL) for 30 s at 30% of N, started again on its port.
//   451    — the scripted sink (test/helpers/smtp-sink.ts) answers 451 to 20% of RCPTs: Postfix's
//            smtp-sink can only soft-reject every RCPT (-r RCPT), not a share. DELIVERY_MAX_ATTEMPTS=3
//            so the run ends in minutes (retries after 30 s and 60 s, then a soft bounce).
// A stall watchdog: while the campaign is 'sending', records have been due (queued and due, or under
// an expired lease) for STALL_S seconds with nothing reaching the sink, no job is coming back for
// them: the harness enqueues one campaign.send job itself (a "nudge", counted per run). A run with
// nudges > 0 did not finish on its own (before 2a0e660 the recheck job's fixed singleton key made
// this happen after every kill).
// Usage: node bench/send-faults-cli.ts [recipients] [kill,outage,451]   (BENCH_DATABASE_URL: admin URL)
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composePlatform } from '../src/cli/compose.ts';
import { testConfig } from '../src/config/config.ts';
import { CAMPAIGN_SEND_JOB } from '../src/core/delivery/engine.ts';
import { silentLogger } from '../src/core/ports.ts';
import { buildApp } from '../src/server/app.ts';
import { signUp } from '../test/helpers/accounts.ts';
import { startDnsServer } from '../test/helpers/dns.ts';
import { startPostfixSink, startScriptedSink } from '../test/helpers/smtp-sink.ts';
import { benchDatabase } from './permission-fixtures.ts';
import { seedAudience, uuidContactId } from './send-seed.ts';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = (process.argv[3] ?? 'kill,outage,451').split(',');
const DOMAIN = 'faults-cli-assent.ro';
const PUBLIC_URL = 'https://assent.test';
/** Longer than the recheck period (10 s) and a restarted worker's job retry back-off (10, 20, 40 s). */
const STALL_S = Number(process.env.BENCH_STALL_SECONDS ?? 60);
const RUN_TIMEOUT_S = Number(process.env.BENCH_RUN_TIMEOUT_SECONDS ?? 900);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const logDir = mkdtempSync(join(tmpdir(), 'assent-faults-cli-'));
const log = (o: object) => console.log(JSON.stringify(o));

// --- the world ------------------------------------------------------------------------------
const b = await benchDatabase('postgres');
const url = (b.target as { url: string }).url;
// System mail to its own smtp-sink (a process: a killed worker's reset connection is no error here).
const systemMail = await startPostfixSink();
let dns = await startDnsServer([]);
const platform = await composePlatform(
  testConfig({
    database: b.target,
    publicUrl: PUBLIC_URL,
    smtpUrl: systemMail.url,
    dnsServers: [dns.server],
    workerId: 'faults-cli-harness',
  }),
  { migrate: false, database: b.database, logger: silentLogger },
);
const app = await buildApp(platform);
const owner = await signUp(app);
const call = async (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown) => {
  const res = await app.inject({
    method,
    url: path,
    headers: owner.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
  return res.json();
};
await call('PATCH', '/api/v1/account', { postalAddress: 'Str. Memorandumului 28, 400114 Cluj-Napoca, Romania' });
const domain = await call('POST', '/api/v1/sending-domains', { domain: DOMAIN });
await dns.close();
dns = await startDnsServer(
  (domain.records as Array<{ name: string; type: 'TXT' | 'CNAME'; value: string }>).map((r) => ({
    name: r.name,
    type: r.type,
    value: r.value,
  })),
  { port: dns.port },
);
const checked = await call('POST', `/api/v1/sending-domains/${domain.id}/check`);
if (checked.status !== 'verified') throw new Error(`domain not verified: ${JSON.stringify(checked)}`);
const listId = randomUUID();
const seedT0 = performance.now();
await seedAudience(b.database, owner.accountId, listId, N, uuidContactId);
const seedSeconds = +((performance.now() - seedT0) / 1000).toFixed(1);
await b.database.db
  .insertInto('account_send_quota')
  .values(
    Array.from({ length: 12 }, (_, k) => ({
      account_id: owner.accountId,
      day: new Date(Date.now() - (k + 1) * 86_400_000).toISOString().slice(0, 10),
      used: 1,
    })),
  )
  .execute();
log({ setup: 'world', recipients: N, seedSeconds, logDir });

async function approvedCampaign(name: string): Promise<string> {
  const c = await call('POST', '/api/v1/campaigns', {
    name,
    listId,
    subject: 'Winter coats are in, {{ contact.first_name | default: "friend" }}',
    fromName: 'Faults Shop',
    fromEmail: `news@${DOMAIN}`,
    format: 'html',
    body: '<html><body><p>Hello {{ contact.first_name | default: "friend" }},</p><p>our winter coats are in the shop from Saturday: <a href="https://shop.example/coats">see them</a>.</p></body></html>',
  });
  const submitted = await call('POST', `/api/v1/campaigns/${c.id}/submit`);
  if (submitted.status !== 'approved') throw new Error(`campaign ${name} is ${submitted.status}, not approved`);
  return c.id as string;
}

// --- workers ------------------------------------------------------------------------------
interface Worker {
  child: ChildProcess;
  exited: Promise<void>;
}
function startWorker(run: string, id: string, relay: string, extraEnv: Record<string, string> = {}): Worker {
  const out = createWriteStream(join(logDir, `${run}-${id}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['src/cli/main.ts', 'worker'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      ASSENT_SECRET: platform.config.secret,
      PUBLIC_URL,
      SMTP_URL: systemMail.url,
      SMTP_RELAYS: relay,
      WORKER_ID: id,
      DNS_SERVERS: dns.server,
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return { child, exited: new Promise((r) => child.once('exit', () => r())) };
}
async function kill(w: Worker) {
  if (w.child.exitCode === null && w.child.signalCode === null && w.child.pid) process.kill(w.child.pid, 'SIGKILL');
  await w.exited;
}

// --- database views -----------------------------------------------------------------------
const db = b.database.db;
async function byStatus(campaignId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('delivery_records')
    .select(['status', 'bounce_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['status', 'bounce_type'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.bounce_type ? `${r.status}-${r.bounce_type}` : r.status, Number(r.n)]));
}
/** The records under the worker's lease (its dead predecessors' leases included: same WORKER_ID). */
async function leased(campaignId: string, workerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('delivery_records')
    .select('contact_id')
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', workerId)
    .execute();
  return rows.map((r) => r.contact_id);
}
/** Records a claim would take now: queued and due, or under an expired lease. */
async function dueNow(campaignId: string): Promise<number> {
  const now = new Date().toISOString();
  const r = await db
    .selectFrom('delivery_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
const campaignStatus = async (id: string) => (await call('GET', `/api/v1/campaigns/${id}`)).status as string;

/**
 * Sends the campaign and waits until it is `sent`, calling `tick(atSink)` on the way; the stall
 * watchdog nudges it when nothing moves while records are due. Returns the nudges.
 */
async function runToEnd(campaignId: string, atSink: () => number, tick: (n: number) => Promise<void>) {
  await call('POST', `/api/v1/campaigns/${campaignId}/send`, {});
  const deadline = Date.now() + RUN_TIMEOUT_S * 1000;
  let last = -1;
  let movedSinceCheck = false;
  /** Since when records have been due with nothing reaching the sink (null: not now). */
  let dueSince: number | null = null;
  const nudges: Array<{ atSeconds: number; atSink: number; due: number; status: Record<string, number> }> = [];
  const t0 = Date.now();
  let statusCheck = 0;
  for (;;) {
    const n = atSink();
    if (n !== last) {
      last = n;
      movedSinceCheck = true;
    }
    await tick(n);
    if (Date.now() - statusCheck > 500) {
      statusCheck = Date.now();
      const status = await campaignStatus(campaignId);
      if (status === 'sent') break;
      // Paused (by the engine: relay down) is not a stall, nor is waiting for a lease or a retry
      // to fall due: only records due now while nothing moves, for longer than a recheck period.
      const due = status === 'sending' && !movedSinceCheck ? await dueNow(campaignId) : 0;
      movedSinceCheck = false;
      if (due === 0) dueSince = null;
      else dueSince ??= Date.now();
      if (dueSince !== null && Date.now() - dueSince > STALL_S * 1000) {
        nudges.push({ atSeconds: Math.round((Date.now() - t0) / 1000), atSink: n, due, status: await byStatus(campaignId) });
        await platform.queue.send(
          CAMPAIGN_SEND_JOB,
          { campaignId },
          { singletonKey: `bench-nudge:${campaignId}:${nudges.length}` },
        );
        dueSince = null;
      }
    }
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(await byStatus(campaignId))}`);
    await sleep(50);
  }
  return nudges;
}

// --- the runs -------------------------------------------------------------------------------
const email = (i: number) => `u${i}@example.com`;
const load = () => loadavg().map((x) => +x.toFixed(2));

for (const run of RUNS) {
  const date = new Date().toISOString();
  const loadBefore = load();
  const campaignId = await approvedCampaign(`fault ${run}`);
  const workerId = `cli-${run}`;
  const t0 = performance.now();
  const extra: Record<string, unknown> = {};
  let counts: () => Map<string, number>;
  let closeSink: () => Promise<void>;
  let worker: Worker;
  let nudges: Awaited<ReturnType<typeof runToEnd>>;
  let boundIds: Set<string> | null = null;
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, x) => a + x, 0);

  if (run === 'kill' || run === 'outage') {
    const sink = await startPostfixSink({ dump: true });
    counts = () => sink.tally();
    closeSink = () => sink.close();
    worker = startWorker(run, workerId, sink.url);
    if (run === 'kill') {
      const marks = [0.2, 0.45, 0.7];
      const kills: Array<{ atSink: number; inFlight: number }> = [];
      const inFlightIds = new Set<string>();
      nudges = await runToEnd(
        campaignId,
        () => total(counts()),
        async (n) => {
          if (kills.length >= marks.length || n < N * marks[kills.length]!) return;
          await kill(worker);
          const ids = await leased(campaignId, workerId);
          for (const id of ids) inFlightIds.add(id);
          kills.push({ atSink: n, inFlight: ids.length });
          worker = startWorker(run, workerId, sink.url);
        },
      );
      extra.kills = kills;
      // A duplicate can only be a record that was in flight (under the lease) at some kill.
      extra.bound = inFlightIds.size;
      boundIds = inFlightIds;
    } else {
      let stopped = false;
      nudges = await runToEnd(
        campaignId,
        () => total(counts()),
        async (n) => {
          if (stopped || n < N * 0.3) return;
          stopped = true;
          await sink.stop();
          const at = performance.now();
          const seen = new Set<string>();
          while (performance.now() - at < 30_000) {
            seen.add(await campaignStatus(campaignId));
            await sleep(500);
          }
          await sink.start();
          extra.stoppedAtSink = n;
          extra.stoppedSeconds = +((performance.now() - at) / 1000).toFixed(1);
          extra.statusesDuringOutage = [...seen];
          extra.afterOutage = await byStatus(campaignId);
        },
      );
    }
  } else if (run === '451') {
    const sink = await startScriptedSink({ tempFailShare: 0.2 });
    counts = () => sink.counts;
    closeSink = () => sink.close();
    worker = startWorker(run, workerId, sink.url, { DELIVERY_MAX_ATTEMPTS: '3' });
    nudges = await runToEnd(
      campaignId,
      () => total(sink.counts) + total(sink.deferred),
      async () => {},
    );
    extra.deferredAnswers = total(sink.deferred);
  } else throw new Error(`unknown run ${run}`);

  const seconds = +((performance.now() - t0) / 1000).toFixed(1);
  await sleep(1_000);
  const final = counts();
  const recs = await db
    .selectFrom('delivery_records')
    .select(['contact_id', 'status', 'bounce_type', 'smtp_reply'])
    .where('campaign_id', '=', campaignId)
    .execute();
  let lost = 0;
  let duplicates = 0;
  let softWithReply = 0;
  let softWithoutReply = 0;
  let duplicatesOutsideBound = 0;
  for (const r of recs) {
    const i = Number(r.contact_id.slice(-12));
    const n = final.get(email(i)) ?? 0;
    if (n > 1) {
      duplicates++;
      if (boundIds && !boundIds.has(r.contact_id)) duplicatesOutsideBound++;
    }
    if (n === 0 && r.status !== 'bounced' && r.status !== 'refused') lost++;
    if (r.status === 'bounced' && r.bounce_type === 'soft') {
      if (r.smtp_reply) softWithReply++;
      else softWithoutReply++;
    }
  }
  await kill(worker);
  await closeSink();
  log({
    run,
    date,
    loadBefore,
    loadAfter: load(),
    command: `node bench/send-faults-cli.ts ${N} ${run}`,
    recipients: N,
    records: recs.length,
    seconds,
    lost,
    duplicates,
    atSink: final.size,
    campaign: await campaignStatus(campaignId),
    byStatus: await byStatus(campaignId),
    softWithReply,
    softWithoutReply,
    nudges: nudges.length,
    ...(boundIds ? { duplicatesOutsideBound } : {}),
    nudgeLog: nudges,
    ...extra,
  });
}

await app.close();
await platform.close();
await dns.close();
await systemMail.close();
await b.drop();
