// The blocklist DNS client against real zones served by Debian's rbldnsd (test/helpers/rbldnsd.ts).
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpretAnswer, queryName } from '../../core/blocklists/query.ts';
import {
  CLEAN_IPV4,
  ERROR_IPV4,
  LISTED_DOMAIN,
  LISTED_DOMAIN_REASON,
  LISTED_IPV4,
  LISTED_IPV4_REASON,
  LISTED_IPV6,
  TEST_ZONES,
  rbldnsdAvailable,
  startRbldnsd,
  type RunningRbldnsd,
} from '../../../test/helpers/rbldnsd.ts';
import { createBlocklistDns } from './blocklist-client.ts';

describe.skipIf(!rbldnsdAvailable())('blocklist DNS client (rbldnsd on 127.0.0.1)', () => {
  let server: RunningRbldnsd;
  let silent: Socket;
  let silentPort: number;
  beforeAll(async () => {
    server = await startRbldnsd();
    // A UDP socket that reads queries and never answers: a resolver that times out.
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    silentPort = silent.address().port;
  });
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
  });

  const check = async (target: string, zone: (typeof TEST_ZONES)[keyof typeof TEST_ZONES]) =>
    interpretAnswer(await createBlocklistDns({ servers: [server.server] }).lookup(queryName(target, zone)), zone);

  it('[BL-01] finds a listed IPv4, IPv6 and domain with the TXT reason; a clean IP is not listed', async () => {
    expect(await check(LISTED_IPV4, TEST_ZONES.ips)).toEqual({
      outcome: 'listed',
      answer: '127.0.0.4',
      reason: LISTED_IPV4_REASON,
    });
    expect(await check(LISTED_IPV6, TEST_ZONES.ips)).toMatchObject({
      outcome: 'listed',
      answer: '127.0.0.3',
      reason: 'IPv6 listed',
    });
    expect(await check(LISTED_DOMAIN, TEST_ZONES.domains)).toEqual({
      outcome: 'listed',
      answer: '127.0.1.2',
      reason: LISTED_DOMAIN_REASON,
    });
    expect(await check(CLEAN_IPV4, TEST_ZONES.ips)).toEqual({ outcome: 'not-listed' });
    expect(await check('INVALID', TEST_ZONES.domains)).toEqual({ outcome: 'not-listed' });
  });

  it('[BL-02] reads a 127.255.255.254 answer as an error, not a listing', async () => {
    expect(await check(ERROR_IPV4, TEST_ZONES.ips)).toEqual({
      outcome: 'error',
      error: 'zone-error-code',
      answer: '127.255.255.254',
    });
    expect(await check('127.0.0.2', TEST_ZONES.broken)).toMatchObject({ outcome: 'error', answer: '127.255.255.254' });
  });

  it('[BL-02] reads a resolver that does not answer as an error (timeout), not as "not listed"', async () => {
    const dns = createBlocklistDns({ servers: [`127.0.0.1:${silentPort}`], timeoutMs: 100, tries: 1 });
    const answer = await dns.lookup(queryName(LISTED_IPV4, TEST_ZONES.ips));
    expect(answer).toEqual({ kind: 'failure', code: 'ETIMEOUT' });
    expect(interpretAnswer(answer, TEST_ZONES.ips).outcome).toBe('error');
  });
});
