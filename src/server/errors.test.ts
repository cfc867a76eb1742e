// Request validation failures (the route schemas) answer 400 VALIDATION_FAILED with details.issues
// in the shape domain validation uses ([{ path, message }], the path relative to details.in), so
// the app can mark each field (issue 13 §6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../test/helpers/accounts.ts';
import { ENGINES, pgAvailable } from '../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform.ts';
import { MAX_REPORTED_ISSUES, mapError } from './errors.ts';

interface Issue {
  path: string;
  message: string;
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`request validation answers [${engine}]`, () => {
    let t: TestPlatform;
    let owner: SignedIn;
    beforeAll(async () => {
      t = await createTestPlatform(engine);
      owner = await signUp(t.app);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('a body with a wrong, a missing and an unknown field names each of them under details.issues', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/lists',
        headers: owner.headers,
        payload: { name: '', purposeText: 'Monthly news.', channel: 'fax', senderName: 'Shop', colour: 'red' },
      });
      expect(res.statusCode).toBe(400);
      const error = res.json().error as { code: string; details: { in: string; issues: Issue[] } };
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.in).toBe('body');
      const paths = error.details.issues.map((i) => i.path).sort();
      expect(paths).toEqual(['channel', 'colour', 'frequency', 'name']);
      for (const i of error.details.issues) expect(i.message).toEqual(expect.any(String));
      // Nothing was stored.
      const lists = await t.app.inject({ method: 'GET', url: '/api/v1/lists', headers: owner.headers });
      expect(lists.json().items).toEqual([]);
    });

    it('a bad query parameter is named too, with details.in = querystring', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/lists',
        headers: owner.headers,
        payload: { name: 'News', purposeText: 'Monthly news.', channel: 'email', frequency: 'monthly', senderName: 'Shop' },
      });
      expect(created.statusCode).toBe(201);
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/lists/${created.json().id}/stats?days=7`,
        headers: owner.headers,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { in: 'querystring', issues: [{ path: 'days', message: expect.any(String) }] },
      });
    });
  });
}

describe('mapError of schema validation', () => {
  it('reads Ajv-style failures too (required, additional property) and caps the list', () => {
    const err = Object.assign(new Error('body must have required property email'), {
      validation: [
        { instancePath: '', keyword: 'required', params: { missingProperty: 'email' }, message: 'is required' },
        { instancePath: '/consentBoxes/0', keyword: 'additionalProperties', params: { additionalProperty: 'x' }, message: 'no' },
        ...Array.from({ length: 40 }, (_, n) => ({ instancePath: `/tags/${n}`, keyword: 'type', params: {}, message: 'bad' })),
      ],
      validationContext: 'body',
    });
    const { status, body } = mapError(err);
    expect(status).toBe(400);
    const issues = body.error.details?.issues as Issue[];
    expect(issues.slice(0, 3)).toEqual([
      { path: 'email', message: 'is required' },
      { path: 'consentBoxes.0.x', message: 'no' },
      { path: 'tags.0', message: 'bad' },
    ]);
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES);
  });
});
