// Server memory of an import through the HTTP API, as `assent all` runs it (server + worker in
// one process): a generated CSV is streamed to POST /api/v1/imports over a socket (chunked, never
// held whole by the client either), then the import.process job runs to its end. The peak RSS is
// sampled every 50 ms during the upload and during processing (issue 7 §9: a 200 MB upload
// peaked at 644 MB and a 3 M-row file at 1.1 GB before the upload and the parser streamed).
// Target: peak RSS < 300 MB whatever the file size.
// Usage: node bench/import-memory.ts [sqlite|postgres|both] [rows]   (3,000,000 rows ≈ 200 MB)
import http from 'node:http';
import { testConfig } from '../src/config/config.ts';
import { composePlatform } from '../src/cli/compose.ts';
import { silentLogger } from '../src/core/ports.ts';
import { buildApp } from '../src/server/app.ts';
import { startWorker } from '../src/worker/index.ts';
import { createApiKey, signUp } from '../test/helpers/accounts.ts';
import { benchDatabase, engines } from './permission-fixtures.ts';

const ROWS = Number(process.argv[3] ?? 3_000_000);
const BOUNDARY = '----assent-import-memory';
const FIRST = ['ana', 'ion', 'maria', 'vlad', 'elena', 'mihai', 'ioana', 'radu', 'irina', 'dan'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'example.ro', 'firma.ro', 'outlook.com'];

function* body(listId: string): Generator<Buffer> {
  const field = (k: string, v: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  yield Buffer.from(
    field('source', 'customers') +
      field('attest', 'true') +
      field('listIds', listId) +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bench.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      'Email Address,First Name,OPTIN_TIME\n',
  );
  const base = Date.parse('2025-01-01T00:00:00Z');
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    const t = new Date(base + i * 17_000).toISOString().replace('T', ' ').slice(0, 19);
    buf += `${FIRST[i % FIRST.length]}.${(i * 2_654_435_761) % 4_294_967_296}@${DOMAINS[i % DOMAINS.length]},${FIRST[(i * 7) % FIRST.length]},${t}\n`;
    if (buf.length >= 1 << 16) {
      yield Buffer.from(buf);
      buf = '';
    }
  }
  yield Buffer.from(`${buf}\r\n--${BOUNDARY}--\r\n`);
}

function upload(base: string, key: string, listId: string): Promise<{ status: number; body: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/v1/imports', base);
    let bytes = 0;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), bytes }));
      },
    );
    req.on('error', reject);
    const parts = body(listId);
    const pump = () => {
      for (;;) {
        const next = parts.next();
        if (next.done) return void req.end();
        bytes += next.value.length;
        if (!req.write(next.value)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

for (const engine of engines(process.argv[2])) {
  const { database, target, drop } = await benchDatabase(engine);
  const platform = await composePlatform(testConfig({ database: target }), { migrate: false, database, logger: silentLogger });
  await startWorker(platform);
  const app = await buildApp(platform);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const owner = await signUp(app);
  const key = (await createApiKey(app, owner, ['imports:read', 'imports:write'])).key;
  const list = await app.inject({
    method: 'POST',
    url: '/api/v1/lists',
    headers: owner.headers,
    payload: { name: 'Bench', purposeText: 'Bench news by email.', channel: 'email', frequency: 'monthly', senderName: 'Bench' },
  });
  const listId = (list.json() as { id: string }).id;

  const baseline = Math.round(process.memoryUsage().rss / 1024 / 1024);
  let peak = baseline;
  let peakHeap = 0;
  let peakExternal = 0;
  let peakHeapTotal = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, Math.round(m.rss / 1024 / 1024));
    peakHeap = Math.max(peakHeap, Math.round(m.heapUsed / 1024 / 1024));
    peakExternal = Math.max(peakExternal, Math.round((m.external + m.arrayBuffers) / 1024 / 1024));
    peakHeapTotal = Math.max(peakHeapTotal, Math.round(m.heapTotal / 1024 / 1024));
  }, 50);
  const t0 = Date.now();
  const res = await upload(base, key, listId);
  const uploadPeak = peak;
  const uploadS = (Date.now() - t0) / 1000;
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${res.body}`);
  const id = (JSON.parse(res.body) as { id: string }).id;
  let rec = await platform.services.imports.getAny(id);
  while (!['completed', 'held', 'failed', 'approved', 'rejected'].includes(rec.status)) {
    await new Promise((r) => setTimeout(r, 200));
    rec = await platform.services.imports.getAny(id);
  }
  clearInterval(timer);
  const totalS = (Date.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      engine,
      rows: ROWS,
      uploadMB: Math.round(res.bytes / 1024 / 1024),
      status: rec.status,
      rowsRead: rec.rowsRead,
      baselineRssMB: baseline,
      peakRssDuringUploadMB: uploadPeak,
      peakRssMB: peak,
      peakHeapUsedMB: peakHeap,
      peakExternalMB: peakExternal,
      peakHeapTotalMB: peakHeapTotal,
      uploadSeconds: uploadS,
      totalSeconds: totalS,
    }),
  );
  await app.close();
  await platform.close();
  await drop();
}
