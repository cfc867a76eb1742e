// Relay pool classification and health, without a database (DEL-02).
import { afterEach, expect, it } from 'vitest';
import { startScriptedSink, type ScriptedSink } from '../../../test/helpers/smtp-sink.ts';
import { classifyFailure, createRelayPool, queueIdOf } from './relay-pool.ts';

const sinks: ScriptedSink[] = [];
afterEach(async () => {
  for (const s of sinks.splice(0)) await s.close();
});
const msg = (to: string) => ({
  envelopeFrom: 'b@bounce.test',
  to,
  raw: Buffer.from(`To: <${to}>\r\nSubject: x\r\n\r\nhi\r\n`),
  contactId: to,
  messageId: `<${to}>`,
});

it('[DEL-02] reads the queue id from a 250 reply and classifies 5xx as rejected, 4xx and no answer as deferred', () => {
  expect(queueIdOf('250 2.0.0 Ok: queued as 4ZxQ1k3Yz')).toBe('4ZxQ1k3Yz');
  expect(queueIdOf('250 OK')).toBeNull();
  expect(classifyFailure('c', 'r', { responseCode: 550, response: '550 5.1.1 unknown' })).toEqual({
    contactId: 'c',
    outcome: 'rejected',
    reply: '550 5.1.1 unknown',
    code: 550,
    relay: 'r',
  });
  expect(classifyFailure('c', 'r', { responseCode: 451, response: '451 later' })).toMatchObject({
    outcome: 'deferred',
    code: 451,
  });
  expect(classifyFailure('c', 'r', new Error('Connection closed unexpectedly'))).toMatchObject({
    outcome: 'deferred',
    code: null,
  });
});

it('[DEL-02] spreads messages over several relays and goes unhealthy only when every relay keeps failing', async () => {
  const a = await startScriptedSink();
  const b = await startScriptedSink();
  sinks.push(a, b);
  let t = 0;
  const pool = createRelayPool({
    relays: [a.url, b.url],
    failuresToDown: 2,
    downForMs: 1_000,
    now: () => t,
    connectionTimeoutMs: 500,
  });
  const results = await pool.send(Array.from({ length: 10 }, (_, i) => msg(`r${i}@example.com`)));
  expect(results.every((r) => r.outcome === 'accepted')).toBe(true);
  expect(a.accepted()).toBeGreaterThan(0);
  expect(b.accepted()).toBeGreaterThan(0);
  await a.close();
  await b.close();
  sinks.splice(0);
  await pool.send(Array.from({ length: 6 }, (_, i) => msg(`d${i}@example.com`)));
  expect(pool.healthy()).toBe(false);
  t += 1_000;
  // The back-off ran out: one probe may go.
  expect(pool.healthy()).toBe(true);
  await pool.close();
});
