// Uploads over a real socket (app.listen on 127.0.0.1:0, node's http Agent with keep-alive), on
// both engines: a refused upload leaves no import, no blob and no rows; an answer given before
// the body was read never stalls the connection; the preview answers whatever the file size.
import http from 'node:http';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { defaultImportLimits, PREVIEW_ROWS } from '../../../core/imports/limits.ts';
import { MAX_DRAIN_AFTER_ANSWER_BYTES } from './index.ts';

const BOUNDARY = '----assent-upload-test';

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
}

function multipart(parts: Part[]): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.filename
      ? `form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: text/csv`
      : `form-data; name="${p.name}"`;
    out.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    out.push(typeof p.value === 'string' ? Buffer.from(p.value) : p.value);
    out.push(Buffer.from('\r\n'));
  }
  out.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(out);
}

interface Answer {
  status: number;
  body: string;
  socket: unknown;
}

/** One request through a keep-alive agent; rejects after `timeoutMs` without an answer. */
function send(agent: http.Agent, base: string, path: string, key: string, body: Buffer, timeoutMs = 10_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': body.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), socket: req.socket });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to ${path} within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}

/** A CSV of about `bytes` bytes with distinct addresses. */
function csvOf(bytes: number): Buffer {
  const lines = ['email,first_name,note'];
  let size = lines[0]!.length + 1;
  for (let i = 0; size < bytes; i++) {
    const line = `person.${i}@example.com,Name${i},some words to fill the line ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(lines.join('\n') + '\n');
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`import uploads over a socket [${engine}]`, () => {
    let t: TestPlatform;
    let base: string;
    let owner: SignedIn;
    let key: string;
    let listId: string;
    let agent: http.Agent;

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      owner = await signUp(t.app);
      key = (await createApiKey(t.app, owner, ['imports:read', 'imports:write'])).key;
      const list = await t.app.inject({
        method: 'POST',
        url: '/api/v1/lists',
        headers: owner.headers,
        payload: {
          name: 'News',
          purposeText: 'Monthly news by email.',
          channel: 'email',
          frequency: 'monthly',
          senderName: 'Shop',
        },
      });
      listId = list.json().id;
      base = await t.listen();
      agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    });
    afterAll(async () => {
      agent?.destroy();
      await t?.close();
    });

    const fields = (): Part[] => [
      { name: 'source', value: 'customers' },
      { name: 'attest', value: 'true' },
      { name: 'listIds', value: listId },
      { name: 'allowDuplicate', value: 'true' },
    ];
    const stored = async () => {
      const db = t.platform.database.db;
      const imports = await db.selectFrom('imports').select('id').where('account_id', '=', owner.accountId).execute();
      const blobs = await db.selectFrom('import_blobs').select('seq').execute();
      const rows = await db.selectFrom('import_rows').select('row_number').execute();
      return { imports: imports.length, blobs: blobs.length, rows: rows.length };
    };
    const withLimits = async <T>(patch: Partial<ReturnType<typeof defaultImportLimits>>, fn: () => Promise<T>) => {
      const limits = t.platform.services.imports.limits;
      Object.assign(limits, patch);
      try {
        return await fn();
      } finally {
        Object.assign(limits, defaultImportLimits());
      }
    };

    it('[SEC-03] an upload over the size limit answers 413 IMPORT_TOO_LARGE and leaves no import, no blob, no rows', async () => {
      const before = await stored();
      const res = await withLimits({ maxUploadBytes: 64 * 1024 }, () =>
        send(
          agent,
          base,
          '/api/v1/imports',
          key,
          multipart([...fields(), { name: 'file', filename: 'big.csv', value: csvOf(200 * 1024) }]),
        ),
      );
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error.code).toBe('IMPORT_TOO_LARGE');
      expect(await stored()).toEqual(before);
    });

    it('[SEC-03] two file parts answer 413 and leave no import, no blob, no rows', async () => {
      const before = await stored();
      const file = csvOf(4 * 1024);
      const res = await send(
        agent,
        base,
        '/api/v1/imports',
        key,
        multipart([
          ...fields(),
          { name: 'file', filename: 'a.csv', value: file },
          { name: 'file', filename: 'b.csv', value: file },
        ]),
      );
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error.code).toBe('TOO_MANY_FILES');
      expect(await stored()).toEqual(before);
    });

    it('[SEC-03] uploads beyond the account storage limit answer 413 IMPORT_STORAGE_FULL; too many rows fail the import with nothing applied', async () => {
      const before = await stored();
      const file = csvOf(20 * 1024);
      const full = await withLimits({ maxAccountPendingBytes: 8 * 1024 }, () =>
        send(agent, base, '/api/v1/imports', key, multipart([...fields(), { name: 'file', filename: 'a.csv', value: file }])),
      );
      expect(full.status).toBe(413);
      expect(JSON.parse(full.body).error.code).toBe('IMPORT_STORAGE_FULL');
      expect(await stored()).toEqual(before);

      const many = await withLimits({ maxRows: 10 }, async () => {
        const res = await send(
          agent,
          base,
          '/api/v1/imports',
          key,
          multipart([...fields(), { name: 'file', filename: 'rows.csv', value: file }]),
        );
        expect(res.status).toBe(202);
        return t.platform.services.imports.process(JSON.parse(res.body).id);
      });
      expect(many).toMatchObject({ status: 'failed', error: { code: 'IMPORT_TOO_MANY_ROWS', details: { maxRows: 10 } } });
      const after = await stored();
      expect(after).toEqual({ imports: before.imports + 1, blobs: before.blobs, rows: before.rows });
      expect(await t.platform.services.contacts.findByAddress(owner.accountId, { email: 'person.0@example.com' })).toBeNull();
    });

    it('[SEC-03] after a 400 on a multipart upload the keep-alive connection answers the next request', async () => {
      const refused = await send(
        agent,
        base,
        '/api/v1/imports',
        key,
        multipart([
          { name: 'source', value: 'customers' },
          { name: 'unknown', value: 'x' },
          { name: 'file', filename: 'a.csv', value: csvOf(300 * 1024) },
        ]),
      );
      expect(refused.status).toBe(400);
      for (let i = 0; i < 3; i++) {
        const again = await send(
          agent,
          base,
          '/api/v1/imports/preview',
          key,
          multipart([{ name: 'file', filename: 'a.csv', value: csvOf(2 * 1024) }]),
        );
        expect(again.status).toBe(200);
      }
    });

    it('[IMP-06] the preview detects a Portuguese Windows-1252 file and lets the user override the encoding', async () => {
      const file = iconv.encode('nome,email\nJoão Conceição,joao@example.pt\nInês Estêvão,ines@example.pt\n', 'windows-1252');
      const detected = await send(
        agent,
        base,
        '/api/v1/imports/preview',
        key,
        multipart([{ name: 'file', filename: 'pt.csv', value: file }]),
      );
      expect(JSON.parse(detected.body)).toMatchObject({
        encoding: 'windows-1252',
        rows: [
          ['João Conceição', 'joao@example.pt'],
          ['Inês Estêvão', 'ines@example.pt'],
        ],
      });
      const chosen = await send(
        agent,
        base,
        '/api/v1/imports/preview',
        key,
        multipart([
          { name: 'encoding', value: 'iso-8859-2' },
          { name: 'file', filename: 'pt.csv', value: file },
        ]),
      );
      expect(JSON.parse(chosen.body)).toMatchObject({
        encoding: 'iso-8859-2',
        rows: [['Joăo Conceiçăo', 'joao@example.pt'], expect.anything()],
      });
    });

    it('the preview of a file larger than the drain limit answers from its head; the next request still answers', async () => {
      // Over MAX_DRAIN_AFTER_ANSWER_BYTES: the answer does not wait for the rest (the connection is closed after it).
      const big = csvOf(MAX_DRAIN_AFTER_ANSWER_BYTES + 4 * 1024 * 1024);
      const res = await send(
        agent,
        base,
        '/api/v1/imports/preview',
        key,
        multipart([{ name: 'file', filename: 'big.csv', value: big }]),
      );
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body);
      expect(body.rows).toHaveLength(PREVIEW_ROWS);
      expect(body.rows[PREVIEW_ROWS - 1]).toEqual([
        `person.${PREVIEW_ROWS - 1}@example.com`,
        `Name${PREVIEW_ROWS - 1}`,
        expect.any(String),
      ]);
      const next = await send(
        agent,
        base,
        '/api/v1/imports/preview',
        key,
        multipart([{ name: 'file', filename: 'a.csv', value: csvOf(2 * 1024) }]),
      );
      expect(next.status).toBe(200);
    });

    it('the preview answers for files of 300 KB, 400 KB and 1 MB, again and again on one connection', async () => {
      for (const size of [300 * 1024, 400 * 1024, 1024 * 1024, 300 * 1024, 300 * 1024]) {
        const res = await send(
          agent,
          base,
          '/api/v1/imports/preview',
          key,
          multipart([{ name: 'file', filename: 'p.csv', value: csvOf(size) }]),
        );
        expect(res.status).toBe(200);
        const body = JSON.parse(res.body);
        expect(body.mapping.email).toBe('email');
        expect(body.rows[0]).toEqual(['person.0@example.com', 'Name0', 'some words to fill the line 0']);
      }
    });
  });
}
