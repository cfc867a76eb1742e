// Hosted-form submissions driven by `wrk` on loopback (issue 3 figures): each request is a new
// contact + a 'requested' consent event + a queued confirmation mail (double opt-in list).
// Target: ≥ 1,500/s on SQLite, ≥ 1,000/s on PostgreSQL, p99 < 50 ms.
// The bot defences are switched off through the forms service's dependencies (minimum fill time
// 0, no per-IP limit) — every request comes from 127.0.0.1 — not by changing any code path.
// Usage: node bench/form-submit.ts [sqlite|postgres|both] [seconds] [connections]
// Needs `wrk` (Debian: apt-get install -y wrk).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig } from '../src/config/config.ts';
import { composePlatform } from '../src/cli/compose.ts';
import { silentLogger } from '../src/core/ports.ts';
import { createFormsService } from '../src/core/forms/service.ts';
import { createFormStore } from '../src/db/repositories/forms.ts';
import { createUsedStartStampStore } from '../src/db/repositories/used-start-stamps.ts';
import { buildApp } from '../src/server/app.ts';
import { benchAccount, benchDatabase, engines } from './permission-fixtures.ts';

const SECONDS = Number(process.argv[3] ?? 10);
const CONNECTIONS = Number(process.argv[4] ?? 32);
const THREADS = 2;
// wrk sends one body (one start stamp) many times: the single-use check is off here only.
export const BENCH_BOT_DEFENCE = { minFillTimeMs: 0, submissionsPerIpPerMinute: null, singleUseStartStamp: false };

if (spawnSync('sh', ['-c', 'command -v wrk']).status !== 0) {
  console.error('wrk is not installed: apt-get install -y wrk');
  process.exit(2);
}

function luaScript(path: string, body: string): string {
  return `
local counter = 0
local nextId = 0
local run = tostring(os.time())
setup = function(thread)
  thread:set("tid", nextId)
  nextId = nextId + 1
end
request = function()
  counter = counter + 1
  local body = "${body}&email=b" .. run .. "t" .. tid .. "n" .. counter .. "%40bench.example"
  return wrk.format("POST", "${path}", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"durationUs":%d,"p50Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,"socketErrors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;
}

function runWrk(url: string, script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', [
      '-t',
      String(THREADS),
      '-c',
      String(CONNECTIONS),
      '-d',
      `${SECONDS}s`,
      '--timeout',
      '5s',
      '-s',
      script,
      url,
    ]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'assent-bench-wrk-'));
try {
  for (const engine of engines(process.argv[2])) {
    const { database, drop } = await benchDatabase(engine);
    try {
      const target =
        database.engine === 'postgres'
          ? { kind: 'postgres' as const, url: 'postgres://unused' }
          : { kind: 'sqlite' as const, file: ':memory:' };
      const config = testConfig({ database: target, publicUrl: 'http://127.0.0.1' });
      const platform = await composePlatform(config, { migrate: false, database, logger: silentLogger });
      await platform.queue.start();
      const s = platform.services;
      const forms = createFormsService({
        store: createFormStore(database),
        usedStartStamps: createUsedStartStampStore(database),
        lists: s.lists,
        contacts: s.contacts,
        consent: s.consent,
        systemMail: s.systemMail,
        standing: s.standing,
        clock: platform.clock,
        secret: platform.config.secret,
        publicUrl: platform.config.publicUrl,
        botDefence: BENCH_BOT_DEFENCE,
      });
      const app = await buildApp({ ...platform, services: { ...s, forms } });
      const accountId = await benchAccount(database, 'bench-forms');
      const list = await s.lists.create(accountId, {
        name: 'Bench news',
        purposeText: 'Bench',
        channel: 'email',
        frequency: 'weekly',
        doubleOptIn: true,
        senderName: 'Bench',
      });
      const purpose = {
        sender: 'Bench',
        kind: 'news',
        purpose: 'benchmarks',
        channel: 'email',
        frequency: 'weekly',
        withdraw: 'the link in every mail',
      };
      const view = await forms.create(
        accountId,
        {
          name: 'Bench form',
          fields: [{ key: 'email', required: true }],
          consentBoxes: [{ key: 'news', listIds: [list.id], purpose }],
        },
        null,
      );
      await forms.publish(accountId, view.form.id);
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const script = join(dir, `${engine}.lua`);
      writeFileSync(
        script,
        luaScript(
          `/f/${view.form.id}`,
          `_version=1&_started=${encodeURIComponent(forms.startStamp(view.form.id))}&box_news=yes&website=`,
        ),
      );
      // Warm-up (JIT, statement caches), then the measured run.
      await runWrk(base, script);
      const out = await runWrk(base, script);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) throw new Error(`wrk gave no result:\n${out}`);
      const r = JSON.parse(line.slice(7)) as {
        requests: number;
        durationUs: number;
        p50Ms: number;
        p99Ms: number;
        maxMs: number;
        socketErrors: number;
        non2xx: number;
      };
      const contacts = Number(
        (
          await database.db
            .selectFrom('contacts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const mail = Number(
        (
          await database.db
            .selectFrom('system_mail')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      console.log(
        JSON.stringify({
          bench: 'form-submit',
          engine,
          connections: CONNECTIONS,
          seconds: SECONDS,
          requestsPerSecond: Math.round(r.requests / (r.durationUs / 1e6)),
          p50Ms: r.p50Ms,
          p99Ms: r.p99Ms,
          maxMs: r.maxMs,
          socketErrors: r.socketErrors,
          non2xx: r.non2xx,
          contactsStored: contacts,
          confirmationMailsQueued: mail,
        }),
      );
      await app.close();
      await platform.queue.stop();
    } finally {
      await drop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
