// The inbound SMTP server (src/channels/inbound-smtp/server.ts) taking bounces from a loopback
// load generator (issue 10 §1 aim: ≥ 500 messages/s with nothing lost). The platform is composed as
// `assent inbound` does (queue started, no worker): each message is stored in inbound_messages and
// an 'inbound.process' job queued for it (in batches: intake.ts), so this measures accept + store + queue.
// The load generator is this file again in a child process (its own event loop and core): CONNECTIONS
// raw-socket SMTP connections on 127.0.0.1, each sending its share of the messages one after the
// other on one connection (MAIL, RCPT, DATA, body; one round trip each, no pipelining). Every message
// is a ~4 KB DSN (multipart/report: text, message/delivery-status, text/rfc822-headers) with its own
// Message-ID to its own VERP address. Timed from the first connect to the last 250; then every 250
// must have its row and its id in a queued job. Each run uses a fresh database. Prints one JSON line per
// run and one per engine with the median, min and max.
// Usage: node bench/inbound-smtp.ts [sqlite|postgres|both] [messages] [runs] [connections]
// PostgreSQL: BENCH_DATABASE_URL (an admin URL), else a throwaway cluster.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { sql } from 'kysely';
import { startInboundSmtpServer } from '../src/channels/inbound-smtp/server.ts';
import { composePlatform } from '../src/cli/compose.ts';
import { testConfig } from '../src/config/config.ts';
import { INBOUND_PROCESS_JOB, type InboundIntake } from '../src/core/enforcement/types.ts';
import { silentLogger, type JobOptions } from '../src/core/ports.ts';
import { verpAddress } from '../src/core/tokens/verp.ts';
import type { Database } from '../src/db/database.ts';
import { PGBOSS_SCHEMA } from '../src/queue/pgboss-queue.ts';
import { benchDatabase, cpuSince, engines } from './permission-fixtures.ts';

const HOSTS = { bounceHost: 'bounces.assent.test', abuseEmail: 'abuse@assent.test' };
const CAMPAIGNS = Array.from({ length: 8 }, () => randomUUID());

interface ClientResult {
  accepted: number;
  /** Replies other than 250 to the end of DATA (or to MAIL/RCPT/DATA), by first line. */
  refused: Record<string, number>;
  wallMs: number;
  bytes: number;
  maxRssMb: number;
  cpuS: number;
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** A DSN as Postfix writes one: a human part, the delivery status and the original's headers. */
function bounce(verp: string, n: number, campaignId: string): string {
  const boundary = `B${n}.${Date.now()}/mx.assent-bench.example`;
  const rcpt = `customer-${n}@mail-${n % 97}.example.net`;
  const date = new Date().toUTCString().replace('GMT', '+0000');
  const origId = `<${randomUUID()}@bounces.assent.test>`;
  const lines = [
    'Return-Path: <>',
    `Received: by mx.assent-bench.example (Postfix) id 4Q${n.toString(36).toUpperCase()}; ${date}`,
    `Date: ${date}`,
    'From: MAILER-DAEMON@mx.assent-bench.example (Mail Delivery System)',
    'Subject: Undelivered Mail Returned to Sender',
    `To: ${verp}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    `Message-Id: <bounce-${n}-${randomUUID()}@mx.assent-bench.example>`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.assent-bench.example.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients. It is attached below.',
    '',
    'For further assistance, please send mail to postmaster.',
    '',
    'If you do so, please include this problem report. You can',
    'delete your own text from the attached returned message.',
    '',
    '                   The mail system',
    '',
    `<${rcpt}>: host mail-${n % 97}.example.net[192.0.2.${(n % 250) + 1}] said: 550 5.1.1`,
    `    <${rcpt}>: Recipient address rejected: User unknown in virtual mailbox`,
    '    table (in reply to RCPT TO command)',
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.assent-bench.example',
    `X-Postfix-Queue-ID: 4Q${n.toString(36).toUpperCase()}`,
    `X-Postfix-Sender: rfc822; ${verp}`,
    `Arrival-Date: ${date}`,
    '',
    `Final-Recipient: rfc822; ${rcpt}`,
    `Original-Recipient: rfc822;${rcpt}`,
    'Action: failed',
    'Status: 5.1.1',
    `Remote-MTA: dns; mail-${n % 97}.example.net`,
    `Diagnostic-Code: smtp; 550 5.1.1 <${rcpt}>: Recipient address rejected: User unknown in`,
    '    virtual mailbox table',
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    `Return-Path: <${verp}>`,
    `Received: from assent-bench.example (assent-bench.example [198.51.100.7])`,
    `    by mx.assent-bench.example (Postfix) with ESMTPS id 4Q${n.toString(36).toUpperCase()}`,
    `    for <${rcpt}>; ${date}`,
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=news.shop-bench.example;',
    '    s=assent; t=1764748800; h=from:to:subject:date:message-id:list-unsubscribe:',
    '    list-unsubscribe-post:mime-version:content-type;',
    '    bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;',
    '    b=Jx1Yq0m7o2Vn4Hc9k3F8rT6sWd5pLa0ZbQeNf2Gh7Ui9Kj4Ml1Op3Qr5St8Uv0Wx2Yz6Ab4Cd7Ef',
    '    9Gh1Ij3Kl5Mn7Op9Qr1St3Uv5Wx7Yz9Ab1Cd3Ef5Gh7Ij9Kl1Mn3Op5Qr7St9Uv1Wx3Yz5Ab7Cd9',
    '    Ef1Gh3Ij5Kl7Mn9Op1Qr3St5Uv7Wx9Yz1Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5Yz7Ab9C',
    '    d1Ef3Gh5Ij7Kl9Mn1Op3Qr5St7Uv9Wx1Yz3Ab5Cd7Ef9Gh1Ij3Kl5Mn7Op9Qr1St3Uv5Wx7Yz9Ab',
    '    1Cd3Ef5Gh7Ij9Kl1Mn3Op5Qr7St9Uv1Wx3Yz5Ab7Cd9Ef1Gh3Ij5Kl7Mn9Op1Qr3St5Uv7Wx9Yz1=',
    'From: "Shop Bench News" <news@news.shop-bench.example>',
    `To: ${rcpt}`,
    'Subject: Our winter collection is here: 20% off for subscribers this week',
    `Date: ${date}`,
    `Message-ID: ${origId}`,
    `List-Unsubscribe: <https://assent.test/u/${campaignId}.${n}.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU>,`,
    `    <mailto:unsubscribe+${n}@bounces.assent.test>`,
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    `List-Id: Shop Bench News <list-${campaignId}.news.shop-bench.example>`,
    `Feedback-ID: ${campaignId}:news:assent`,
    'Precedence: bulk',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="--_NmP-8f1c2b3a4d5e6f70-Part_1"',
    '',
    `--${boundary}--`,
    '',
  ];
  return lines.join('\r\n');
}

/** The load generator (child process): CONNECTIONS sessions, each sending its share in turn. */
async function client(port: number, total: number, connections: number, secret: string): Promise<ClientResult> {
  const refused: Record<string, number> = {};
  let accepted = 0;
  let bytes = 0;
  let next = 0;
  const cpu = process.cpuUsage();

  async function session(): Promise<void> {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let buffer = '';
    const waiters: ((line: string) => void)[] = [];
    socket.on('data', (d: Buffer) => {
      buffer += d.toString('latin1');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (/^\d{3} /.test(line)) waiters.shift()?.(line);
      }
    });
    const closed = new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });
    const reply = () => new Promise<string>((resolve) => waiters.push(resolve));
    const say = (text: string) => {
      const r = reply();
      socket.write(text);
      return r;
    };
    const expect = async (text: string, code: string) => {
      const line = await say(text);
      if (!line.startsWith(code)) {
        refused[line.slice(0, 40)] = (refused[line.slice(0, 40)] ?? 0) + 1;
        return false;
      }
      return true;
    };
    await reply(); // greeting
    await expect('EHLO mx.assent-bench.example\r\n', '250');
    while (next < total) {
      const n = next++;
      const campaignId = CAMPAIGNS[n % CAMPAIGNS.length]!;
      const verp = verpAddress(secret, HOSTS.bounceHost, campaignId, randomUUID());
      const body = bounce(verp, n, campaignId);
      if (!(await expect('MAIL FROM:<>\r\n', '250'))) continue;
      if (!(await expect(`RCPT TO:<${verp}>\r\n`, '250'))) {
        await say('RSET\r\n');
        continue;
      }
      if (!(await expect('DATA\r\n', '354'))) continue;
      bytes += body.length;
      // No line of the body starts with '.', so no dot-stuffing is needed.
      if (await expect(`${body}\r\n.\r\n`, '250')) accepted++;
    }
    await say('QUIT\r\n');
    socket.end();
    await closed;
  }

  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, () => session()));
  const wallMs = performance.now() - t0;
  return {
    accepted,
    refused,
    wallMs,
    bytes,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuS: cpuSince(cpu),
  };
}

function runClient(port: number, total: number, connections: number, secret: string): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['client', String(port), String(total), String(connections), secret]);
    let result: ClientResult | null = null;
    child.on('message', (m) => (result = m as ClientResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`load generator exited with ${code} and no result`)),
    );
  });
}

async function count(database: Database, query: ReturnType<typeof sql<{ n: number | string }>>): Promise<number> {
  const { rows } = await query.execute(database.db);
  return Number(rows[0]?.n ?? NaN);
}

async function server(): Promise<void> {
  const total = Number(process.argv[3] ?? 20_000);
  const runs = Number(process.argv[4] ?? 3);
  const connections = Number(process.argv[5] ?? 16);
  console.log(
    JSON.stringify({ bench: 'inbound-smtp', node: process.version, loadavg: loadavg(), date: new Date().toISOString() }),
  );
  for (const engine of engines(process.argv[2])) {
    const rates: number[] = [];
    const rss: number[] = [];
    let lostTotal = 0;
    for (let run = 1; run <= runs; run++) {
      const { database, drop } = await benchDatabase(engine);
      try {
        const target =
          database.engine === 'postgres'
            ? { kind: 'postgres' as const, url: 'postgres://unused' }
            : { kind: 'sqlite' as const, file: ':memory:' };
        const config = testConfig({ database: target });
        const platform = await composePlatform(config, { migrate: false, database, logger: silentLogger });
        await platform.queue.start();
        // The intake as the server calls it, timed: how long store + queue hold each message, and
        // of that the queue's send (the intake calls platform.queue.send; wrapped here only).
        let intakeMs = 0;
        let queueMs = 0;
        const send = platform.queue.send.bind(platform.queue);
        platform.queue.send = async <T>(name: string, data: T, options?: JobOptions) => {
          const t0 = performance.now();
          try {
            return await send(name, data, options);
          } finally {
            queueMs += performance.now() - t0;
          }
        };
        const timed: InboundIntake = {
          ...platform.services.inbound,
          receiveMail: async (input) => {
            const t0 = performance.now();
            try {
              return await platform.services.inbound.receiveMail(input);
            } finally {
              intakeMs += performance.now() - t0;
            }
          },
        };
        const smtp = await startInboundSmtpServer({
          host: '127.0.0.1',
          port: 0,
          serverName: HOSTS.bounceHost,
          hosts: HOSTS,
          intake: timed,
          logger: silentLogger,
        });
        let peakRss = process.memoryUsage.rss();
        const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
        const loadBefore = loadavg();
        const cpu = process.cpuUsage();
        const r = await runClient(smtp.port, total, connections, config.secret!);
        const serverCpuS = cpuSince(cpu);
        clearInterval(sampler);
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
        await smtp.close();
        // Jobs go out in batches (intake.ts): send the last one, then count the ids the jobs carry.
        await platform.services.inbound.flush();
        const stored = await count(database, sql`select count(*) as n from inbound_messages`);
        const queued = await count(
          database,
          engine === 'sqlite'
            ? sql`select coalesce(sum(coalesce(json_array_length(data, '$.v.ids'), 1)), 0) as n from jobs where name = ${INBOUND_PROCESS_JOB}`
            : sql`select coalesce(sum(coalesce(jsonb_array_length(data->'v'->'ids'), 1)), 0) as n from ${sql.id(PGBOSS_SCHEMA, 'job')} where name = ${INBOUND_PROCESS_JOB}`,
        );
        const lost = Math.max(0, r.accepted - stored) + Math.max(0, r.accepted - queued);
        lostTotal += lost;
        const rate = r.accepted / (r.wallMs / 1000);
        rates.push(rate);
        rss.push(peakRss);
        console.log(
          JSON.stringify({
            bench: 'inbound-smtp',
            engine,
            run,
            connections,
            sent: total,
            accepted: r.accepted,
            refused: r.refused,
            stored,
            queued,
            lost,
            wallMs: Math.round(r.wallMs),
            messagesPerSecond: Math.round(rate),
            avgBytes: Math.round(r.bytes / total),
            intakeMsPerMessage: +(intakeMs / Math.max(1, r.accepted)).toFixed(2),
            queueSendMsPerMessage: +(queueMs / Math.max(1, r.accepted)).toFixed(2),
            serverCpuS,
            serverCpuPerMessageMs: +((serverCpuS * 1000) / Math.max(1, r.accepted)).toFixed(3),
            clientCpuS: r.cpuS,
            peakRssMb: Math.round(peakRss / 2 ** 20),
            clientMaxRssMb: r.maxRssMb,
            load: `${loadBefore} -> ${loadavg()}`,
          }),
        );
        if (stored !== r.accepted || queued !== r.accepted || r.accepted !== total)
          console.error(`${engine} run ${run}: accepted ${r.accepted}/${total}, stored ${stored}, queued ${queued}`);
        await platform.close();
      } finally {
        await drop();
      }
    }
    console.log(
      JSON.stringify({
        bench: 'inbound-smtp',
        engine,
        runs,
        medianMessagesPerSecond: Math.round(median(rates)),
        minMessagesPerSecond: Math.round(Math.min(...rates)),
        maxMessagesPerSecond: Math.round(Math.max(...rates)),
        lost: lostTotal,
        peakRssMb: Math.round(Math.max(...rss) / 2 ** 20),
        load: loadavg(),
      }),
    );
  }
}

if (process.argv[2] === 'client') {
  const [port, total, connections] = process.argv.slice(3, 6).map(Number);
  const result = await client(port!, total!, connections!, process.argv[6]!);
  process.send?.(result, () => process.exit(0));
} else {
  await server();
}
