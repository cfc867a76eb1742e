// Refusals that happen before a route runs — Node's parser (431, malformed) and the router (bad
// percent-encoding, an over-long param: 414) — answer in the {"error":{"code","message"}} shape,
// over a real socket.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform.ts';
import { MAX_HEADER_BYTES } from './app.ts';

/** Writes raw bytes, reads until the server closes or answers; returns status and JSON body. */
function raw(port: number, request: string): Promise<{ status: number; body: unknown; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const done = () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      try {
        resolve({ status, head, body: JSON.parse(body) });
      } catch {
        resolve({ status, head, body });
      }
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      if (/content-length: (\d+)/i.test(data) && data.includes('\r\n\r\n')) {
        const len = Number(/content-length: (\d+)/i.exec(data)![1]);
        if (Buffer.byteLength(data.split('\r\n\r\n')[1] ?? '') >= len) {
          socket.end();
          done();
        }
      }
    });
    socket.on('close', done);
    socket.on('error', (err) => (data ? done() : reject(err)));
    socket.write(request);
  });
}

describe('protocol-level errors', () => {
  let t: TestPlatform;
  let port: number;
  beforeAll(async () => {
    t = await createTestPlatform('sqlite');
    port = Number(new URL(await t.listen()).port);
  });
  afterAll(async () => {
    await t.close();
  });

  it('[SEC-03] headers over the limit: 431 HEADERS_TOO_LARGE in our shape', async () => {
    const res = await raw(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES + 1)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) } });
  });

  it('[SEC-03] a request line longer than the header limit: 431 HEADERS_TOO_LARGE', async () => {
    const res = await raw(port, `GET /${'a'.repeat(MAX_HEADER_BYTES + 1)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(431);
    expect((res.body as { error: { code: string } }).error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('[SEC-03] an over-long path parameter: 414 URL_TOO_LONG', async () => {
    const res = await raw(port, `GET /api/v1/contacts/${'a'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(414);
    expect(res.body).toEqual({ error: { code: 'URL_TOO_LONG', message: expect.any(String) } });
  });

  it('[SEC-03] bad percent-encoding in the path: 400 BAD_URL', async () => {
    const res = await raw(port, `GET /api/v1/contacts/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'BAD_URL', message: expect.any(String) } });
  });

  it('[SEC-03] bytes that are not HTTP: 400 MALFORMED_REQUEST', async () => {
    const res = await raw(port, 'HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'MALFORMED_REQUEST', message: expect.any(String) } });
  });
});
