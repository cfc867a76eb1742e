// Cold start of `assent all` on a fresh embedded database to the first 200 on /healthz, and the
// process's RSS right after. Beside it, the same measurement for a bare Fastify "hello" server
// (the floor any Node HTTP service pays). Median of RUNS runs each.
// Usage: node bench/cold-start.ts [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.argv[2] ?? 7);
const root = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function measure(args: string[], env: Record<string, string>): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - start > 30_000) throw new Error('no /healthz within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - start;
    const rss = rssMb(child.pid!);
    return { ms, rss };
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const work = mkdtempSync(join(tmpdir(), 'assent-bench-'));
const hello = join(work, 'hello.mjs');
writeFileSync(
  hello,
  `import Fastify from '${join(root, 'node_modules/fastify/fastify.js')}';
const app = Fastify(); app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`,
);

const results: Record<string, { ms: number[]; rss: number[] }> = {
  'assent all (fresh SQLite)': { ms: [], rss: [] },
  'bare Fastify hello': { ms: [], rss: [] },
};
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(work, 'run-'));
  const a = await measure(['src/cli/main.ts', 'all'], { SQLITE_FILE: join(dir, 'assent.db'), LOG_LEVEL: 'warn' });
  results['assent all (fresh SQLite)']!.ms.push(a.ms);
  results['assent all (fresh SQLite)']!.rss.push(a.rss);
  const b = await measure([hello], {});
  results['bare Fastify hello']!.ms.push(b.ms);
  results['bare Fastify hello']!.rss.push(b.rss);
}
rmSync(work, { recursive: true, force: true });
for (const [name, r] of Object.entries(results)) {
  console.log(
    JSON.stringify({
      bench: 'cold-start',
      subject: name,
      runs: RUNS,
      median_ms: Math.round(median(r.ms)),
      median_rss_mb: Math.round(median(r.rss)),
      min_ms: Math.round(Math.min(...r.ms)),
      max_ms: Math.round(Math.max(...r.ms)),
    }),
  );
}
