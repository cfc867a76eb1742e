// SEC-06 at the HTTP boundary, on both engines: a NUL or a lone surrogate in any string that
// enters — JSON and urlencoded bodies, object keys, query, route params, our cookies, multipart
// fields — answers 400 INVALID_TEXT naming the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupPayload, type SignedIn } from '../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform.ts';
import {
  accountWithLists,
  createPublishedForm,
  definition,
  nextIp,
  openForm,
  storedCounts,
  urlencoded,
} from './routes/forms/testing.ts';

const NUL = '\u0000';
const LONE = '\ud800';
const BOUNDARY = '----assent-text-test';

interface Case {
  name: string;
  /** The field the answer must name. */
  field: string;
  /** Which bad characters the transport can carry (urlencoded and URLs cannot carry a lone surrogate). */
  bad: string[];
  request: (bad: string) => Promise<{ statusCode: number; body: string; json: () => unknown }>;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { html: text.slice(0, 80) };
  }
}

function multipart(fields: Record<string, string>, csv: string) {
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${BOUNDARY}--\r\n`,
  );
  return { payload: Buffer.from(parts.join('')), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`clean text at the boundary [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    let contactId: string;
    let listId: string;
    let formId: string;

    beforeAll(async () => {
      t = await createTestPlatform(engine);
      const fixture = await accountWithLists(t.app);
      owner = fixture.owner;
      listId = fixture.lists.deals;
      formId = await createPublishedForm(t.app, owner, definition(fixture.lists));
      const c = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: owner.headers,
        payload: { email: 'kept@example.com' },
      });
      expect(c.statusCode).toBe(201);
      contactId = c.json().contact.id;
    });
    afterAll(async () => {
      await t?.close();
    });

    const json = (method: 'POST' | 'PATCH', url: string, body: unknown, headers: Record<string, string> = owner.headers) =>
      t.app.inject({
        method,
        url,
        remoteAddress: nextIp(),
        headers: { ...headers, 'content-type': 'application/json' },
        // JSON.stringify writes a lone surrogate as the escape \ud800, exactly as a client would.
        payload: JSON.stringify(body),
      });

    const cases: Case[] = [
      {
        name: 'login email',
        field: 'body.email',
        bad: [NUL, LONE],
        request: (b) => json('POST', '/api/v1/auth/login', { email: `a${b}@example.com`, password: 'x' }, {}),
      },
      {
        name: 'signup company name',
        field: 'body.companyName',
        bad: [NUL, LONE],
        request: (b) => json('POST', '/api/v1/auth/signup', signupPayload({ companyName: `Acme${b}` }), {}),
      },
      {
        name: 'password reset email',
        field: 'body.email',
        bad: [NUL, LONE],
        request: (b) => json('POST', '/api/v1/auth/password-reset/request', { email: `a${b}@example.com` }, {}),
      },
      {
        name: 'account name',
        field: 'body.name',
        bad: [NUL, LONE],
        request: (b) => json('PATCH', '/api/v1/account', { name: `Acme${b}` }),
      },
      {
        name: 'list name',
        field: 'body.name',
        bad: [NUL, LONE],
        request: (b) =>
          json('POST', '/api/v1/lists', {
            name: `News${b}`,
            purposeText: 'News',
            channel: 'email',
            frequency: 'weekly',
            senderName: 'Acme',
          }),
      },
      {
        name: 'contact attribute value',
        field: 'body.attributes.city',
        bad: [NUL, LONE],
        request: (b) => json('POST', '/api/v1/contacts', { email: 'new1@example.com', attributes: { city: `Cluj${b}` } }),
      },
      {
        name: 'contact attribute key',
        field: 'key of body.attributes',
        bad: [NUL, LONE],
        request: (b) => json('POST', '/api/v1/contacts', { email: 'new2@example.com', attributes: { [`ci${b}ty`]: 'Cluj' } }),
      },
      {
        name: 'consent text shown',
        field: 'body.textShown',
        bad: [NUL, LONE],
        request: (b) =>
          json('POST', `/api/v1/contacts/${contactId}/consent`, {
            listId,
            textShown: `I agree ${b}`,
            source: 'shop counter',
            occurredAt: '2026-01-01T10:00:00Z',
          }),
      },
      {
        name: 'public form JSON field',
        field: 'body.fields.first_name',
        bad: [NUL, LONE],
        request: async (b) => {
          const def = await t.app.inject({ method: 'GET', url: `/api/v1/public/forms/${formId}` });
          const { version, startToken } = def.json() as { version: number; startToken: string };
          t.clock.advance(10_000); // past the minimum fill time (CON-11)
          return json(
            'POST',
            `/api/v1/public/forms/${formId}/submissions`,
            { version, startToken, fields: { email: 'f1@example.com', first_name: `Ana${b}` }, boxes: { deals: true } },
            {},
          );
        },
      },
      {
        name: 'hosted form field (urlencoded)',
        field: 'body.first_name',
        bad: [NUL],
        request: async (b) => {
          const form = await openForm(t.app, formId);
          t.clock.advance(10_000);
          return t.app.inject({
            method: 'POST',
            url: `/f/${formId}`,
            remoteAddress: nextIp(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: urlencoded({
              _version: form.version,
              _started: form.started,
              email: 'f2@example.com',
              first_name: `Ana${b}`,
              box_deals: 'yes',
            }),
          });
        },
      },
      {
        name: 'query string',
        field: 'query.after',
        bad: [NUL],
        request: (b) =>
          t.app.inject({ method: 'GET', url: `/api/v1/contacts?after=${encodeURIComponent(b)}`, headers: owner.headers }),
      },
      {
        name: 'route param',
        field: 'params.id',
        bad: [NUL],
        request: (b) =>
          t.app.inject({ method: 'GET', url: `/api/v1/contacts/x${encodeURIComponent(b)}`, headers: owner.headers }),
      },
      {
        name: 'session cookie',
        field: 'cookie.assent_session',
        bad: [NUL],
        request: (b) =>
          t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `assent_session=s${encodeURIComponent(b)}` } }),
      },
      {
        name: 'import multipart field',
        field: 'field.sourceDescription',
        bad: [NUL],
        request: (b) => {
          const m = multipart(
            { source: 'other', sourceDescription: `fair${b}`, attest: 'true', listIds: listId },
            'email\nm@example.com\n',
          );
          return t.app.inject({
            method: 'POST',
            url: '/api/v1/imports',
            headers: { ...owner.headers, 'content-type': m.contentType },
            payload: m.payload,
          });
        },
      },
      {
        name: 'import mapping (a JSON-valued multipart field)',
        field: 'field.mapping.email',
        bad: [NUL, LONE],
        request: (b) => {
          const m = multipart(
            {
              source: 'other',
              sourceDescription: 'fair',
              attest: 'true',
              listIds: listId,
              mapping: JSON.stringify({ email: `e${b}` }),
            },
            'email\nm@example.com\n',
          );
          return t.app.inject({
            method: 'POST',
            url: '/api/v1/imports',
            headers: { ...owner.headers, 'content-type': m.contentType },
            payload: m.payload,
          });
        },
      },
    ];

    it('[SEC-06] every endpoint × field refuses a NUL or a lone surrogate with 400 INVALID_TEXT naming the field, storing nothing', async () => {
      const before = await storedCounts(t.platform.database);
      const imports = async () =>
        Number(
          (
            await t.platform.database.db
              .selectFrom('imports')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const importsBefore = await imports();
      const wrong: string[] = [];
      for (const c of cases) {
        for (const b of c.bad) {
          const res = await c.request(b);
          const body = parseBody(res.body) as { error?: { code?: string; details?: { field?: string } } };
          const got = `${res.statusCode} ${body.error?.code} ${body.error?.details?.field}`;
          const want = `400 INVALID_TEXT ${c.field}`;
          if (got !== want) wrong.push(`${c.name} ${JSON.stringify(b)}: ${got}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(await storedCounts(t.platform.database)).toEqual(before);
      expect(await imports()).toBe(importsBefore);
    });

    it('[SEC-06] the same requests with clean text are not refused (the check is on the characters, not the fields)', async () => {
      for (const c of cases) {
        const res = await c.request('');
        expect(res.body, c.name).not.toContain('INVALID_TEXT');
        expect(res.statusCode, c.name).toBeLessThan(500);
      }
    });
  });
}
