// CON-11 bot defences across requests: a start stamp buys one stored sign-up (both engines),
// the hosted page and the JSON endpoint share one per-IP counter, and with TRUST_PROXY only the
// configured proxy hops may name the client (a client's own X-Forwarded-For is not believed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../../config/config.ts';
import { FORM_SUBMISSIONS_PER_IP_PER_MINUTE } from '../../../core/forms/bot-defence.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import {
  accountWithLists,
  createPublishedForm,
  definition,
  nextIp,
  openForm,
  storedCounts,
  urlencoded,
} from '../forms/testing.ts';

async function jsonStart(t: TestPlatform, formId: string): Promise<{ version: number; startToken: string }> {
  const def = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${formId}` });
  expect(def.statusCode).toBe(200);
  return def.json() as { version: number; startToken: string };
}

function submitJson(
  t: TestPlatform,
  formId: string,
  start: { version: number; startToken: string },
  email: string,
  headers: Record<string, string> = {},
  remoteAddress = nextIp(),
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/forms/${formId}/submissions`,
    remoteAddress,
    headers,
    payload: { version: start.version, startToken: start.startToken, fields: { email }, boxes: { deals: true } },
  });
}

function submitHosted(
  t: TestPlatform,
  formId: string,
  page: { version: string; started: string },
  email: string,
  remoteAddress = nextIp(),
) {
  return t.app.inject({
    method: 'POST',
    url: `/f/${formId}`,
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: urlencoded({ _version: page.version, _started: page.started, email, box_deals: 'yes' }),
  });
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`single-use start stamps [${engine}]`, () => {
    let t: TestPlatform;
    let formId: string;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      const fixture = await accountWithLists(t.app);
      formId = await createPublishedForm(t.app, fixture.owner, definition(fixture.lists));
    });
    afterAll(async () => {
      await t?.close();
    });

    it('[CON-11] a JSON start token buys one stored sign-up; a replay answers 409 FORM_START_USED and stores nothing', async () => {
      const start = await jsonStart(t, formId);
      t.clock.advance(10_000);
      const first = await submitJson(t, formId, start, 'once@example.com');
      expect(first.statusCode).toBe(202);
      const before = await storedCounts(t.platform.database);
      const replay = await submitJson(t, formId, start, 'replay@example.com');
      expect([replay.statusCode, replay.json().error.code]).toEqual([409, 'FORM_START_USED']);
      // Still refused hours later, while the token itself would still be accepted.
      t.clock.advance(6 * 60 * 60 * 1000);
      const later = await submitJson(t, formId, start, 'later@example.com');
      expect(later.json().error.code).toBe('FORM_START_USED');
      expect(await storedCounts(t.platform.database)).toEqual(before);
      // A fresh page load works.
      const fresh = await jsonStart(t, formId);
      t.clock.advance(10_000);
      expect((await submitJson(t, formId, fresh, 'fresh@example.com')).statusCode).toBe(202);
    });

    it('[CON-11] a refused submission does not spend the token: fixing the fields and sending again works', async () => {
      const start = await jsonStart(t, formId);
      t.clock.advance(10_000);
      const bad = await submitJson(t, formId, start, 'not-an-email');
      expect(bad.json().error.code).toBe('FORM_FIELDS_INVALID');
      expect((await submitJson(t, formId, start, 'fixed@example.com')).statusCode).toBe(202);
    });

    it('[CON-11] the hosted page: a second POST of one page load shows the page again and stores nothing', async () => {
      const page = await openForm(t.app, formId);
      t.clock.advance(10_000);
      const first = await submitHosted(t, formId, page, 'hosted-once@example.com');
      expect(first.statusCode).toBe(200);
      const before = await storedCounts(t.platform.database);
      const replay = await submitHosted(t, formId, page, 'hosted-replay@example.com');
      expect(replay.statusCode).toBe(409);
      expect(replay.body).toContain('name="_started"');
      expect(await storedCounts(t.platform.database)).toEqual(before);
    });

    it('[CON-11] two visitors served in the same millisecond get distinct tokens, each usable once', async () => {
      const a = await jsonStart(t, formId);
      const b = await jsonStart(t, formId);
      expect(a.startToken).not.toBe(b.startToken);
      t.clock.advance(10_000);
      expect((await submitJson(t, formId, a, 'same-ms-a@example.com')).statusCode).toBe(202);
      expect((await submitJson(t, formId, b, 'same-ms-b@example.com')).statusCode).toBe(202);
    });
  });
}

describe('per-IP submission limit', () => {
  let t: TestPlatform;
  let formId: string;
  beforeAll(async () => {
    t = await createTestPlatform('sqlite');
    const fixture = await accountWithLists(t.app);
    formId = await createPublishedForm(t.app, fixture.owner, definition(fixture.lists));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[CON-11] the hosted page and the JSON endpoint share one per-IP count: alternating them buys nothing', async () => {
    const ip = '198.51.100.20';
    const statuses: number[] = [];
    for (let i = 0; i < FORM_SUBMISSIONS_PER_IP_PER_MINUTE + 2; i += 1) {
      if (i % 2 === 0) {
        const start = await jsonStart(t, formId);
        t.clock.advance(4_000);
        statuses.push((await submitJson(t, formId, start, `alt${i}@example.com`, {}, ip)).statusCode);
      } else {
        const page = await openForm(t.app, formId);
        t.clock.advance(4_000);
        statuses.push((await submitHosted(t, formId, page, `alt${i}@example.com`, ip)).statusCode);
      }
    }
    expect(statuses.slice(0, FORM_SUBMISSIONS_PER_IP_PER_MINUTE).every((s) => s === 200 || s === 202)).toBe(true);
    expect(statuses.slice(FORM_SUBMISSIONS_PER_IP_PER_MINUTE)).toEqual([429, 429]);
  });
});

describe('TRUST_PROXY', () => {
  it('[CON-11] parses false, a hop count, true as one hop, and a proxy list; refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(ConfigError);
  });

  for (const [label, trustProxy] of [
    ['one hop (TRUST_PROXY=true)', 1],
    ['a proxy list', ['10.9.0.0/16']],
  ] as const) {
    it(`[CON-11] behind ${label}, a client's own X-Forwarded-For does not reset the per-IP limit`, async () => {
      const t = await createTestPlatform('sqlite', {
        config: { trustProxy: typeof trustProxy === 'number' ? trustProxy : [...trustProxy] },
      });
      try {
        const fixture = await accountWithLists(t.app);
        const formId = await createPublishedForm(t.app, fixture.owner, definition(fixture.lists));
        const statuses: number[] = [];
        for (let i = 0; i < FORM_SUBMISSIONS_PER_IP_PER_MINUTE + 1; i += 1) {
          const start = await jsonStart(t, formId);
          t.clock.advance(4_000);
          // The client invents a new address each time; the proxy (10.9.0.1) appends the real one.
          const xff = `192.0.2.${i + 1}, 203.0.113.7`;
          const res = await submitJson(t, formId, start, `spoof${i}@example.com`, { 'x-forwarded-for': xff }, '10.9.0.1');
          statuses.push(res.statusCode);
        }
        expect(statuses.at(-1)).toBe(429);
        // The address recorded is the one the proxy saw, not the client's claim.
        const ips = await t.platform.database.db.selectFrom('consent_events').select('ip').execute();
        expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(['203.0.113.7']));
      } finally {
        await t.close();
      }
    });
  }
});
