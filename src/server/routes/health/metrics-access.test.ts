// GET /metrics is not open to anyone: loopback only without METRICS_TOKEN, the bearer token with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { isLoopback } from './metrics-access.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics access', () => {
  let open: TestPlatform;
  let tokened: TestPlatform;
  beforeAll(async () => {
    open = await createTestPlatform('sqlite');
    tokened = await createTestPlatform('sqlite', { config: { metricsToken: TOKEN } });
  });
  afterAll(async () => {
    await open.close();
    await tokened.close();
  });

  const get = (t: TestPlatform, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('without METRICS_TOKEN: answers loopback callers only, and not a request a proxy forwarded', async () => {
    expect((await get(open, '127.0.0.1')).statusCode).toBe(200);
    expect((await get(open, '::1')).statusCode).toBe(200);
    const remote = await get(open, '203.0.113.5');
    expect([remote.statusCode, remote.json().error.code]).toEqual([403, 'METRICS_LOOPBACK_ONLY']);
    expect(remote.body).not.toContain('process_cpu');
    const proxied = await get(open, '127.0.0.1', { 'x-forwarded-for': '203.0.113.5' });
    expect(proxied.statusCode).toBe(403);
  });

  it('with METRICS_TOKEN: the bearer token opens it from anywhere; none or a wrong one is 401', async () => {
    expect((await get(tokened, '203.0.113.5', { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(200);
    const none = await get(tokened, '127.0.0.1');
    expect([none.statusCode, none.json().error.code]).toEqual([401, 'METRICS_TOKEN_INVALID']);
    expect((await get(tokened, '203.0.113.5', { authorization: `Bearer ${TOKEN}x` })).statusCode).toBe(401);
  });

  it('isLoopback knows IPv4, IPv6 and mapped addresses', () => {
    expect(isLoopback('127.0.0.9')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
