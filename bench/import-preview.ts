// How long the import preview takes to answer over a real socket (SQLite platform, API key), for
// a 3,000-row Mailchimp-style CSV sent whole, for the head of it the web page sends, and for a
// file of the upload size limit streamed from a generator (never held in memory).
// Usage: node bench/import-preview.ts [rows] [maxBytes]
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig } from '../src/config/config.ts';
import { silentLogger } from '../src/core/ports.ts';
import { MAX_IMPORT_BYTES, PREVIEW_UPLOAD_BYTES } from '../src/core/imports/limits.ts';
import { openDatabase } from '../src/db/database.ts';
import { composePlatform } from '../src/cli/compose.ts';
import { buildApp } from '../src/server/app.ts';
import { createApiKey, signUp } from '../test/helpers/accounts.ts';

const ROWS = Number(process.argv[2] ?? 3_000);
const MAX_BYTES = Number(process.argv[3] ?? MAX_IMPORT_BYTES);
const BOUNDARY = '----assent-preview-bench';

function line(i: number): string {
  const t = new Date(Date.parse('2026-02-01T08:00:00Z') + i * 5_431_000).toISOString().replace('T', ' ').slice(0, 19);
  return `person.${i}@example.com,Person,Number${i},${t},86.1.2.${(i % 250) + 1},${t},86.1.2.${(i % 250) + 1},${(i % 5) + 1}\n`;
}
const HEADER = 'Email Address,First Name,Last Name,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,MEMBER_RATING\n';

function csvRows(rows: number): Buffer {
  const parts = [HEADER];
  for (let i = 0; i < rows; i++) parts.push(line(i));
  return Buffer.from(parts.join(''));
}

/** Yields a CSV of exactly `bytes` bytes, 1 MiB at a time. */
function* csvBytes(bytes: number): Generator<Buffer> {
  let sent = 0;
  let i = 0;
  let pending = HEADER;
  while (sent < bytes) {
    while (pending.length < 1024 * 1024) pending += line(i++);
    const chunk = Buffer.from(pending.slice(0, Math.min(pending.length, bytes - sent)));
    pending = '';
    sent += chunk.length;
    yield chunk;
  }
}

function post(
  base: string,
  key: string,
  file: Iterable<Buffer>,
  fileBytes: number,
): Promise<{ status: number; ms: number; body: string }> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const url = new URL('/api/v1/imports/preview', base);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': head.length + fileBytes + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      // The server may answer and close before the whole body is written (EPIPE / ECONNRESET).
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    const it = file[Symbol.iterator]();
    req.write(head);
    const pump = () => {
      for (;;) {
        const n = it.next();
        if (n.done) {
          req.end(tail);
          return;
        }
        if (req.destroyed) return;
        if (!req.write(n.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

const dir = mkdtempSync(join(tmpdir(), 'assent-preview-'));
const target = { kind: 'sqlite' as const, file: join(dir, 'p.db') };
const database = openDatabase(target);
const platform = await composePlatform(testConfig({ database: target }), { migrate: true, database, logger: silentLogger });
const app = await buildApp(platform);
try {
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const owner = await signUp(app);
  const { key } = await createApiKey(app, owner, ['imports:read', 'imports:write']);
  const rows = csvRows(ROWS);
  const cases: Array<[string, () => Iterable<Buffer>, number]> = [
    [`${ROWS} rows whole (${Math.round(rows.length / 1024)} KB)`, () => [rows], rows.length],
    [
      `${ROWS} rows, the head the web page sends`,
      () => [rows.subarray(0, PREVIEW_UPLOAD_BYTES)],
      Math.min(rows.length, PREVIEW_UPLOAD_BYTES),
    ],
    [`max size (${Math.round(MAX_BYTES / 1024 / 1024)} MiB) whole`, () => csvBytes(MAX_BYTES), MAX_BYTES],
  ];
  for (const [name, file, bytes] of cases) {
    const r = await post(base, key, file(), bytes);
    const parsed = r.status === 200 ? (JSON.parse(r.body) as { rows: unknown[] }) : null;
    console.log(
      `${name}: HTTP ${r.status} in ${Math.round(r.ms)} ms${parsed ? `, ${parsed.rows.length} rows shown` : ` ${r.body.slice(0, 200)}`}`,
    );
  }
} finally {
  await app.close();
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
